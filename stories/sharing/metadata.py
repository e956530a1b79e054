"""What a page tells browsers, search engines, feed readers and social networks about itself.

Views build a `PageMeta` and pass it as `meta`; `templates/includes/social_meta.html`
renders all of it. Pages that pass none get the site's defaults from the context processor.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.text import Truncator
from django.utils.translation import get_language

from balkanoscope.copy import SITE_DESCRIPTION, SITE_TAGLINE
from balkanoscope.languages import language_codes, language_tag, page_in_language
from balkanoscope.links import absolute_reverse, absolute_url
from stories.feeds import LatestStoriesFeed
from stories.scripts import in_reader_script
from stories.sharing.cards import ShareImage, default_share_image, story_share_image
from stories.sharing.structured_data import news_article, story_breadcrumbs
from stories.sharing.translations import hreflang_alternates, schema_links

# og:locale wants language_TERRITORY; these are the site's languages (settings.LANGUAGES).
OG_LOCALES = {
    "en": "en_GB",
    "sq": "sq_AL",
    "bs": "bs_BA",
    "hr": "hr_HR",
    "mk": "mk_MK",
    "sr": "sr_RS",
    "sr-latn": "sr_RS",
}


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str  # absolute
    content_type: str


@dataclass(frozen=True)
class Article:
    published_at: object
    modified_at: object
    section: str
    tags: list[str]


@dataclass(frozen=True)
class PageMeta:
    title: str  # og:title and twitter:title: the page's own name, without the site name
    document_title: str  # <title>
    description: str
    canonical_url: str
    language: str
    image: ShareImage
    og_type: str = "website"
    article: Article | None = None
    feeds: list[FeedLink] = field(default_factory=list)
    oembed_links: list[FeedLink] = field(default_factory=list)  # oEmbed discovery, on story pages
    structured_data: list[dict] = field(default_factory=list)
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, absolute URL)
    other_languages: list[str] = field(default_factory=list)  # of the content: og:locale:alternate

    @property
    def og_locale(self):
        return og_locale(self.language)

    @property
    def og_locale_alternates(self):
        return list(
            dict.fromkeys(og_locale(code) for code in self.other_languages if og_locale(code) != self.og_locale)
        )


def og_locale(language):
    return OG_LOCALES.get(language, language.replace("-", "_"))


def every_language_alternates(request):
    """hreflang alternates of a page that exists in every interface language, English as x-default."""
    pages = [(language_tag(code), absolute_url(page_in_language(request, code))) for code in language_codes()]
    return [*pages, ("x-default", pages[0][1])]


def summarise(text, length=160):
    """`text` on one line, cut to a meta description's length."""
    return Truncator(" ".join(text.split())).chars(length)


def feed_links(title, rss_url_name, atom_url_name, **kwargs):
    return [
        FeedLink(title, absolute_reverse(rss_url_name, kwargs=kwargs), "application/rss+xml"),
        FeedLink(title, absolute_reverse(atom_url_name, kwargs=kwargs), "application/atom+xml"),
    ]


def site_feed_links():
    return feed_links(LatestStoriesFeed().title(), "stories:feed", "stories:feed_atom")


def page_meta(request, title=None, description=None, **fields):
    """The metadata of an ordinary page; `title` None means the home page's title."""
    site_name = settings.SITE_NAME
    if title is None:
        document_title = f"{site_name} · {SITE_TAGLINE}"
        title = site_name
    else:
        document_title = f"{title} · {site_name}"
    fields.setdefault("feeds", [])
    fields["feeds"] = [*site_feed_links(), *fields["feeds"]]
    fields.setdefault("canonical_url", absolute_url(request.path))
    fields.setdefault("language", get_language() or settings.LANGUAGE_CODE)
    if "alternates" not in fields:
        fields["alternates"] = every_language_alternates(request)
    fields.setdefault("image", default_share_image())
    return PageMeta(
        title=str(title),
        document_title=document_title,
        description=str(description or SITE_DESCRIPTION),
        **fields,
    )


def oembed_links(title, url):
    """oEmbed discovery (https://oembed.com/#section4): where a consumer asks for the story's card."""
    return [
        FeedLink(title, absolute_reverse("stories:oembed", query={"url": url, "format": name}), content_type)
        for name, content_type in (("json", "application/json+oembed"), ("xml", "text/xml+oembed"))
    ]


def story_meta(request, story, *, countries, themes, contributors, group):
    """A story's page; `group` is its public translation group (stories/sharing/translations.py)."""
    url = absolute_url(story.get_canonical_path())
    image = story_share_image(story)
    # In the reader's script, as the rest of a Serbian page (stories/scripts/).
    return page_meta(
        request,
        in_reader_script(story.meta_title, story.language),
        in_reader_script(story.meta_description, story.language),
        canonical_url=url,
        language=story.language,
        # A story's alternates are its translations, not the same story under other interfaces.
        alternates=hreflang_alternates(group),
        other_languages=[member.language for member in group if member.pk != story.pk],
        image=image,
        og_type="article",
        oembed_links=oembed_links(story.title, url),
        article=Article(
            published_at=story.published_at,
            modified_at=story.updated_at,
            section=themes[0].name if themes else "",
            tags=[tag.name for tag in [*countries, *themes]],
        ),
        structured_data=[
            news_article(
                story,
                url=url,
                image=image,
                countries=countries,
                themes=themes,
                contributors=contributors,
            )
            | schema_links(story, group),
            story_breadcrumbs(story),
        ],
    )
