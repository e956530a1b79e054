from django.urls import path
from django.views.decorators.http import require_safe

from balkanoscope.page_cache import page_cacheable
from stories import feeds
from stories.editorial import preview_views
from stories.search import views as search_views
from stories.sharing import views as sharing_views
from stories.views import home, lists, offline, story, vocabulary

app_name = "stories"

# Feeds are read-only like every reader page (other methods get 405), and page-cached like them.
urlpatterns = [
    path("", home.home, name="home"),
    path("stories/", lists.story_list, name="list"),
    path("stories/<slug:slug>/", story.story_detail, name="detail"),
    path("s/<int:pk>/", story.story_short_link, name="short_link"),
    path("s/<int:pk>/card-<slug:digest>.jpg", sharing_views.story_social_card, name="social_card"),
    path("social/default-<slug:digest>.jpg", sharing_views.default_social_card, name="default_social_card"),
    path("oembed/", sharing_views.oembed, name="oembed"),
    path("embed/stories/<slug:slug>/", sharing_views.story_embed, name="embed"),
    path("feed/", page_cacheable(require_safe(feeds.LatestStoriesFeed())), name="feed"),
    path("feed/atom/", page_cacheable(require_safe(feeds.LatestStoriesAtomFeed())), name="feed_atom"),
    path("preview/<str:token>/", preview_views.story_preview, name="preview"),
    path("countries/", vocabulary.country_list, name="countries"),
    path("countries/<slug:slug>/", vocabulary.country_detail, name="country"),
    path("countries/<slug:slug>/feed/", page_cacheable(require_safe(feeds.CountryStoriesFeed())), name="country_feed"),
    path(
        "countries/<slug:slug>/feed/atom/",
        page_cacheable(require_safe(feeds.CountryStoriesAtomFeed())),
        name="country_feed_atom",
    ),
    path("countries/<slug:country>/themes/<slug:theme>/", vocabulary.country_theme, name="country_theme"),
    path("themes/", vocabulary.theme_list, name="themes"),
    path("themes/<slug:slug>/", vocabulary.theme_detail, name="theme"),
    path("themes/<slug:slug>/feed/", page_cacheable(require_safe(feeds.ThemeStoriesFeed())), name="theme_feed"),
    path(
        "themes/<slug:slug>/feed/atom/",
        page_cacheable(require_safe(feeds.ThemeStoriesAtomFeed())),
        name="theme_feed_atom",
    ),
    path("search/", search_views.search, name="search"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("offline/", offline.offline, name="offline"),
]
