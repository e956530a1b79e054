"""schema.org JSON-LD for search engines, built as plain dicts and rendered by the `json_ld` filter.

Anonymous storytellers never appear here: only `Story.public_storyteller` is used.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext

from balkanoscope.languages import language_tag
from balkanoscope.links import absolute_reverse, absolute_url, reverse
from stories.dates import iso_datetime

SCHEMA_CONTEXT = "https://schema.org"


def publisher():
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute_reverse("stories:home"),
        "logo": {"@type": "ImageObject", "url": absolute_url(static("img/logo.svg"))},
    }


def breadcrumbs(trail):
    """A BreadcrumbList from (name, path) pairs, the home page first."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(name), "item": absolute_url(path)}
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def website(language):
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": absolute_reverse("stories:home"),
        "inLanguage": language_tag(language),
        "publisher": publisher(),
        "potentialAction": {
            "@type": "SearchAction",
            # The placeholder goes in as it is: reverse(query=...) would percent-encode its braces.
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_reverse("stories:search") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def story_authors(story, contributors):
    """The bylines as Person; with none, the storyteller unless anonymous; else the site itself."""
    if contributors:
        return [{"@type": "Person", "name": contributor.name} for contributor in contributors]
    if story.public_storyteller:
        return [{"@type": "Person", "name": story.public_storyteller}]
    return [publisher()]


def news_article(story, *, url, image, countries, themes, contributors):
    article = {
        "@context": SCHEMA_CONTEXT,
        "@type": "NewsArticle",
        "headline": story.meta_title,
        "description": story.meta_description,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "image": [image.url],
        "datePublished": iso_datetime(story.published_at),
        "dateModified": iso_datetime(story.updated_at),
        "inLanguage": language_tag(story.language),
        "author": story_authors(story, contributors),
        "publisher": publisher(),
        "keywords": [tag.name for tag in [*countries, *themes]],
        "isAccessibleForFree": True,
    }
    if themes:
        article["articleSection"] = themes[0].name
    if countries:
        article["contentLocation"] = [{"@type": "Place", "name": country.name} for country in countries]
    return article


def story_breadcrumbs(story):
    return breadcrumbs(
        [
            (gettext("Home"), reverse("stories:home")),
            (gettext("Stories"), reverse("stories:list")),
            (story.title, story.get_absolute_url()),
        ]
    )


def vocabulary_breadcrumbs(item, *, list_name, list_url_name):
    """Home › Countries › Serbia, or Home › Themes › Poverty."""
    return breadcrumbs(
        [
            (gettext("Home"), reverse("stories:home")),
            (list_name, reverse(list_url_name)),
            (item.name, item.get_absolute_url()),
        ]
    )
