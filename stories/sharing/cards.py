"""The images networks show when a page is shared (og:image, twitter:image).

Cards are not rendered when a story is saved (too slow for bulk edits and tests): the
page points to a URL that embeds a digest of what the card shows, and the first request
for it renders the JPEG into media storage. A new title or image gives a new URL, so
networks' caches refresh, and every URL can be cached forever.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation

from balkanoscope.copy import SITE_TAGLINE
from balkanoscope.links import absolute_reverse, absolute_url
from stories.media.names import story_folder
from stories.scripts import SERBIAN, in_reader_script, is_serbian
from stories.sharing.drawing import CARD_SIZE, render_default_card, render_social_card

SERBIAN_SCRIPTS = sorted(SERBIAN)
# Bump when the card's design changes, so every card URL changes with it.
CARD_DESIGN_VERSION = "1"


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int
    height: int
    alt: str


def _digest(*parts):
    return hashlib.sha256("\x1f".join([CARD_DESIGN_VERSION, *parts]).encode()).hexdigest()[:12]


def story_card_title(story, title=None):
    """The title a story's card shows: its own, in the reader's script for Serbian."""
    return in_reader_script(story.title if title is None else title, story.language)


def story_card_digest(story, *, title=None, hero_image_name=None):
    """Changes whenever the generated card would look different; pass the old title and
    image name to find the digest of the card a story had before."""
    title = story_card_title(story, title)
    hero_image_name = story.hero_image.name if hero_image_name is None else hero_image_name
    return _digest(str(story.pk), title, hero_image_name or "")


def default_card_digest():
    return _digest(settings.SITE_NAME, str(SITE_TAGLINE))


def story_card_storage_name(story, digest):
    """In the story's own folder, so it is private, and deleted, with the story's other files."""
    return f"{story_folder(story.media_key)}/card-{digest}.jpg"


def delete_outdated_story_cards(story, *, old_title, old_hero_image_name, was_published):
    """Remove the card a story had before its title or image changed (its URL now redirects),
    and its current card when it is no longer published: only published stories' cards are public."""
    for script in SERBIAN_SCRIPTS if is_serbian(story.language) else [settings.LANGUAGE_CODE]:
        with translation.override(script):  # a Serbian story has a card in each script
            old_digest = story_card_digest(story, title=old_title, hero_image_name=old_hero_image_name)
            current_digest = story_card_digest(story)
        if old_digest != current_digest:
            default_storage.delete(story_card_storage_name(story, old_digest))
        if was_published and story.status != story.Status.PUBLISHED:
            default_storage.delete(story_card_storage_name(story, current_digest))


def default_card_storage_name(digest):
    return f"social/cards/default-{digest}.jpg"


def story_share_image(story):
    """The editor's override if there is one, else the generated card."""
    if story.social_image_override:
        return ShareImage(
            url=absolute_url(story.social_image_override.url),
            width=story.social_image_width,
            height=story.social_image_height,
            alt=story.hero_image_alt or story.title,
        )
    # The card shows the story's own title, the same in every interface language but in the
    # reader's script: a Serbian story's card in the other script is under that prefix.
    script_changes = story_card_title(story) != story.title
    url = absolute_reverse(
        "stories:social_card",
        kwargs={"pk": story.pk, "digest": story_card_digest(story)},
        language=translation.get_language() if script_changes else settings.LANGUAGE_CODE,
    )
    # The card shows the title, so the title is the best description of it.
    return ShareImage(url=url, width=CARD_SIZE[0], height=CARD_SIZE[1], alt=story.title)


def default_share_image():
    return ShareImage(
        # The card shows the tagline: each language has its own, under its prefix.
        url=absolute_reverse("stories:default_social_card", kwargs={"digest": default_card_digest()}),
        width=CARD_SIZE[0],
        height=CARD_SIZE[1],
        alt=f"{settings.SITE_NAME}: {SITE_TAGLINE}",
    )


def stored_card(name, render):
    """The JPEG stored under `name`, rendered with `render()` and stored on first use by
    whichever instance is asked first. The name is a digest of what the card shows, so two
    instances drawing it at once draw the same bytes: a second copy is dropped, never served."""
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    content = render()
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:  # the disk storage found it written meanwhile and picked another name
        default_storage.delete(saved)
    return content


def story_card_jpeg(story, digest):
    return stored_card(
        story_card_storage_name(story, digest),
        lambda: render_social_card(
            story_card_title(story), site_name=settings.SITE_NAME, image=story.hero_image if story.hero_image else None
        ),
    )


def default_card_jpeg(digest):
    return stored_card(default_card_storage_name(digest), lambda: render_default_card(str(SITE_TAGLINE)))
