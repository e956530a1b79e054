"""RSS 2.0 and Atom feeds: all stories, and per country and per theme.

Links are absolute URLs on SITE_URL, never the request's host. Each entry carries the hero
image twice: as the enclosure the specifications define, and as Media RSS `media:content`,
which more readers show as the entry's picture.
"""

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from balkanoscope.copy import SITE_DESCRIPTION
from balkanoscope.links import absolute_reverse, absolute_url
from stories.models import Country, Story, Theme
from stories.scripts import in_reader_script

FEED_LENGTH = 30
MEDIA_RSS_NAMESPACE = "http://search.yahoo.com/mrss/"


class MediaContentMixin:
    """Adds <media:content> for an item's image (passed as `image` by `item_extra_kwargs`)."""

    def add_media_namespace(self, attributes):
        return {**attributes, "xmlns:media": MEDIA_RSS_NAMESPACE}

    def add_media_content(self, handler, item):
        image = item.get("image")
        if image:
            handler.addQuickElement("media:content", "", image)


class MediaRssFeed(MediaContentMixin, Rss201rev2Feed):
    def rss_attributes(self):
        return self.add_media_namespace(super().rss_attributes())

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        self.add_media_content(handler, item)


class MediaAtomFeed(MediaContentMixin, Atom1Feed):
    def root_attributes(self):
        return self.add_media_namespace(super().root_attributes())

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        self.add_media_content(handler, item)


def hero_image_file(story):
    """(absolute URL, size in bytes, MIME type) of the hero image, or None without a usable one."""
    if not story.hero_image:
        return None
    try:
        size = story.hero_image.storage.size(story.hero_image.name)
    except OSError:  # a missing file must not take the whole feed down
        return None
    mime_type = mimetypes.guess_type(story.hero_image.name)[0] or "application/octet-stream"
    return absolute_url(story.hero_image.url), size, mime_type


class LatestStoriesFeed(Feed):
    feed_type = MediaRssFeed
    url_name = "stories:feed"

    def title(self):
        return _("%(site)s: latest stories") % {"site": settings.SITE_NAME}

    def description(self):
        return str(SITE_DESCRIPTION)

    def subtitle(self):
        return self.description()

    def link(self):
        return absolute_reverse("stories:home")

    # Atom wants an author for every entry; the site stands in where a story names none.
    def author_name(self):
        return settings.SITE_NAME

    def author_link(self):
        return absolute_reverse("stories:home")

    def feed_url(self, obj):
        kwargs = {"slug": obj.slug} if obj is not None else {}
        return absolute_reverse(self.url_name, kwargs=kwargs)

    def stories(self, obj):
        return Story.objects.published().in_language(get_language())  # /sr/feed/: each story once, in Serbian if it can

    def items(self, obj):
        return self.stories(obj).prefetch_related("countries", "themes", "contributors")[:FEED_LENGTH]

    # Feeds are not HTML pages the script middleware reads: their texts change here.
    def item_title(self, story):
        return in_reader_script(story.title, story.language)

    def item_description(self, story):
        return in_reader_script(story.summary, story.language)

    def item_link(self, story):
        return absolute_url(story.get_absolute_url())

    def item_guid(self, story):
        # The short link never changes, even when the slug does: readers don't see the entry twice.
        return absolute_url(story.get_short_url())

    def item_pubdate(self, story):
        return story.published_at

    def item_updateddate(self, story):
        return story.updated_at

    def item_author_name(self, story):
        """The bylines; without any, the storyteller, unless anonymous."""
        names = [contributor.name for contributor in story.contributors.all()]
        return in_reader_script(", ".join(names) or story.public_storyteller, story.language) or None

    def item_categories(self, story):
        # Names in the feed's language; Serbian's are Cyrillic, in Latin on /sr-latn/ feeds.
        return [in_reader_script(tag.name, "sr") for tag in [*story.countries.all(), *story.themes.all()]]

    def item_enclosures(self, story):
        image = hero_image_file(story)
        if image is None:
            return []
        url, size, mime_type = image
        return [Enclosure(url, str(size), mime_type)]

    def item_extra_kwargs(self, story):
        image = hero_image_file(story)
        if image is None:
            return {}
        url, size, mime_type = image
        media = {"url": url, "type": mime_type, "medium": "image", "fileSize": str(size)}
        if story.hero_image_width:
            media.update(width=str(story.hero_image_width), height=str(story.hero_image_height))
        return {"image": media}


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = MediaAtomFeed
    url_name = "stories:feed_atom"


class VocabularyStoriesFeed(LatestStoriesFeed):
    """The stories of one country or theme."""

    vocabulary = None
    filter_name = ""
    title_format = ""  # "stories from %(name)s"

    def get_object(self, request, slug):
        return get_object_or_404(self.vocabulary, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: " + str(self.title_format) % {"name": obj.name}

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def description(self, obj):
        return obj.description or self.title(obj)

    def subtitle(self, obj):
        return self.description(obj)

    def stories(self, obj):
        return Story.objects.published().in_language(get_language()).tagged(**{self.filter_name: obj})


class CountryStoriesFeed(VocabularyStoriesFeed):
    vocabulary = Country
    filter_name = "country"
    url_name = "stories:country_feed"
    title_format = gettext_lazy("stories from %(name)s")


class CountryStoriesAtomFeed(CountryStoriesFeed):
    feed_type = MediaAtomFeed
    url_name = "stories:country_feed_atom"


class ThemeStoriesFeed(VocabularyStoriesFeed):
    vocabulary = Theme
    filter_name = "theme"
    url_name = "stories:theme_feed"
    title_format = gettext_lazy("stories about %(name)s")


class ThemeStoriesAtomFeed(ThemeStoriesFeed):
    feed_type = MediaAtomFeed
    url_name = "stories:theme_feed_atom"
