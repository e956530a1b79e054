"""Sitemap sections for stories, countries, themes and the main list pages.

Every address is absolute on SITE_URL, whatever host the request came to.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Prefetch

from balkanoscope.links import absolute_url, reverse, site_protocol_and_domain
from stories.models import Country, Story, StoryImage, TaggedCountry, Theme
from stories.sharing.translations import hreflang_alternates, public_groups, translations


class SiteUrlSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        return site_protocol_and_domain()[0]

    def get_domain(self, site=None):
        return site_protocol_and_domain()[1]


class EveryLanguageSitemap(SiteUrlSitemap):
    """Pages that exist in every interface language: one entry per language, each naming all
    of them (xhtml:link hreflang) and English as x-default."""

    i18n = True
    alternates = True
    x_default = True


class StorySitemap(SiteUrlSitemap):
    """Published stories with their last change and their images, the hero image first and
    then the gallery in its order (the image extension)."""

    def items(self):
        gallery = StoryImage.objects.only("story_id", "image", "width", "height", "sort_order")
        return (
            Story.objects.published()
            # The image's size fields come along: Django reads them whenever the image is loaded.
            .only(
                "slug",
                "language",
                "translation_of",
                "updated_at",
                "published_at",
                "hero_image",
                "hero_image_width",
                "hero_image_height",
            )
            .prefetch_related(Prefetch("gallery_images", queryset=gallery))
            .order_by("-published_at", "-pk")
        )

    def location(self, story):
        return story.path_in(story.language)

    def lastmod(self, story):
        return story.updated_at

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default of loading every story.
        return Story.objects.published().aggregate(latest=Max("updated_at"))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        """Each story at its own address, with its translations as alternates (the same list
        on every member of a group, as on the story pages); a Serbian story in both scripts."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        groups = public_groups({url["item"].translation_of_id or url["item"].pk for url in urls})
        with_twins = []
        for url in urls:
            story = url["item"]
            images = [story.hero_image, *(picture.image for picture in story.gallery_images.all())]
            url["images"] = [absolute_url(image.url) for image in images if image]
            group = groups.get(story.translation_of_id or story.pk, [story])
            pages = translations(group)
            alternates = [{"lang_code": tag, "location": href} for tag, href in hreflang_alternates(group)]
            url["alternates"] = alternates if len(pages) > 1 else []
            with_twins.append(url)
            for page in pages:
                if page.story.pk == story.pk and page.language != story.language:
                    with_twins.append({**url, "location": page.url})
        return with_twins


class VocabularySitemap(EveryLanguageSitemap):
    model = None

    def items(self):
        return self.model.objects.order_by("sort_order", "name")


class CountrySitemap(VocabularySitemap):
    model = Country


class ThemeSitemap(VocabularySitemap):
    model = Theme


class CountryThemeSitemap(EveryLanguageSitemap):
    """Every country × theme listing that has stories (the only ones that exist), in one query."""

    def items(self):
        theme_slug = "content_object__tagged_themes__tag__slug"
        return list(
            TaggedCountry.objects.filter(content_object__in=Story.objects.published().values("pk"))
            .exclude(**{theme_slug: None})
            .values_list("tag__slug", theme_slug)
            .distinct()
            .order_by("tag__slug", theme_slug)
        )

    def location(self, slugs):
        return reverse("stories:country_theme", kwargs={"country": slugs[0], "theme": slugs[1]})


class MainPagesSitemap(EveryLanguageSitemap):
    """The home page and the lists readers start from."""

    def items(self):
        return ["stories:home", "stories:list", "stories:countries", "stories:themes"]

    def location(self, url_name):
        return reverse(url_name)
