"""How a story will look when shared, on the story screen: a card per network and a Google
result, from the metadata the story's page serves (stories/sharing/metadata.py and cards.py:
the title, the description, the share image, the site name and the address), cut where
each network cuts it. static/js/admin/share-preview.js redraws the cards as the editor
types, from the same fields and these limits.

The limits are what the apps show today, measured by hand; networks change them without
notice, so they are advice, not rules.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balkanoscope.links import absolute_url
from stories.models import Story

ELLIPSIS = "…"
SLUG_PLACEHOLDER = "slug-placeholder"


@dataclass(frozen=True)
class Network:
    key: str
    name: str
    title_limit: int
    description_limit: int  # 0: the network shows no description
    image: str  # "wide" (1.91:1 above the text) or "thumbnail" (a small square beside it)
    shows: str  # what names the site: "domain", "site_name" or "url" (a Google result)


NETWORKS = [
    Network("facebook", "Facebook", 88, 110, "wide", "domain"),
    Network("x", "X", 70, 0, "wide", "domain"),
    Network("linkedin", "LinkedIn", 100, 0, "wide", "domain"),
    Network("whatsapp", "WhatsApp", 65, 90, "thumbnail", "domain"),
    Network("telegram", "Telegram", 100, 200, "wide", "site_name"),
    Network("viber", "Viber", 70, 100, "thumbnail", "domain"),
    Network("google", _("Google result"), 60, 160, "none", "url"),
]


def shorten(text, limit):
    """`text` cut to `limit` characters the way the apps do: at a word, with an ellipsis."""
    text = " ".join((text or "").split())
    if limit <= 0 or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + ELLIPSIS


@dataclass(frozen=True)
class CardPreview:
    network: Network
    title: str
    description: str
    is_title_cut: bool
    is_description_cut: bool


def image_url(field):
    """The admin's URL of a stored image, or "" (a file that went missing shows no image)."""
    try:
        return field.url if field else ""
    except ValueError:
        return ""


def share_preview_context(story):
    story = story or Story()
    url_template = absolute_url(reverse("stories:detail", kwargs={"slug": SLUG_PLACEHOLDER}))
    title, description = story.meta_title, story.meta_description
    site_name = settings.SITE_NAME
    cards = []
    for network in NETWORKS:
        shown_title = f"{title} · {site_name}" if network.key == "google" else title  # a result shows <title>
        limit = network.description_limit
        cards.append(
            CardPreview(
                network,
                shorten(shown_title, network.title_limit),
                shorten(description, limit) if limit else "",
                len(shown_title) > network.title_limit,
                bool(limit) and len(" ".join(description.split())) > limit,
            )
        )
    return {
        "share_cards": cards,
        "share_site_name": site_name,
        "share_domain": urlsplit(settings.SITE_URL).netloc,
        "share_url_template": url_template,
        "share_url": url_template.replace(SLUG_PLACEHOLDER, story.slug) if story.slug else "",
        "share_hero_url": image_url(story.hero_image),
        "share_override_url": image_url(story.social_image_override),
    }
