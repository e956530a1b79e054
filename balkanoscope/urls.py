from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from balkanoscope import views
from partners.sitemaps import PageSitemap, PartnerSitemap
from stories.media import views as story_media_views
from stories.sitemaps import CountrySitemap, CountryThemeSitemap, MainPagesSitemap, StorySitemap, ThemeSitemap

admin.site.site_header = _("Balkanoscope editorial")
admin.site.site_title = _("Balkanoscope admin")
admin.site.index_title = _("Newsroom")

# The URLconf is where the apps meet: the only module of the project package that imports them.
SITEMAPS = {
    "stories": StorySitemap,
    "countries": CountrySitemap,
    "themes": ThemeSitemap,
    "country-themes": CountryThemeSitemap,
    "partners": PartnerSitemap,
    "pages": PageSitemap,
    "main": MainPagesSitemap,
}

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # A story's files only while the public may see it; everything else in media is public.
    path("media/stories/<str:media_key>/<str:name>", story_media_views.story_media, name="story_media"),
    path("media-preview/<str:token>/", story_media_views.preview_media, name="preview_media"),
    path("media/<path:path>", views.media, name="media"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Never under a language prefix: the index lists every language's sitemap entries.
    path("sitemap.xml", views.sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, {"sitemaps": SITEMAPS}, name="sitemap_section"),
]
# Readers' pages in every interface language: English at today's addresses, the others under
# /sq/, /bs/, /hr/, /mk/, /sr/ and /sr-latn/ (balkanoscope/languages.py picks the language).
urlpatterns += i18n_patterns(
    path("", include("stories.urls")),
    path("", include("partners.urls")),
    prefix_default_language=False,
)

handler404 = "balkanoscope.views.page_not_found"
handler500 = "balkanoscope.views.server_error"
