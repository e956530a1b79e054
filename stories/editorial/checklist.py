"""The pre-publish checklist: what a story needs before it goes out, as one list of checks,
blocking or a warning, run on what the form holds (live, while the editor types), on the
saved story (the list's Publish action) and, for the blocking ones, on every publishing save.

The story form already refuses some of these by itself: countries and themes are required,
and so is the alt text of every gallery image. The blocking checks it does not otherwise
make, consent and anonymity, are enforced by forms.py and gallery_formset.py with the
functions below.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from stories.sanitize import html_to_text
from stories.text import transliterate

# Lengths that read well on story cards, in search results and in shares.
CARD_TITLE_MAX = 70
SUMMARY_MIN, SUMMARY_MAX = 50, 200
NAME_PART_MIN = 3  # shorter parts of a name ("An", "de") are too common to look for

BLOCKING, WARNING = "blocking", "warning"


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    level: str
    passed: bool
    detail: str = ""

    @property
    def blocks(self):
        return self.level == BLOCKING and not self.passed

    def as_json(self):
        return {
            "key": self.key,
            "label": str(self.label),
            "level": self.level,
            "passed": self.passed,
            "detail": str(self.detail),
        }


@dataclass
class GalleryEntry:
    has_image: bool
    alt: str = ""
    caption: str = ""


@dataclass
class StoryDraft:
    """What the checklist looks at, from the form, the posted data or the saved story."""

    title: str = ""
    subtitle: str = ""
    summary: str = ""
    body: str = ""
    slug: str = ""
    has_consent: bool = False
    country_count: int = 0
    theme_slugs: list[str] = field(default_factory=list)
    content_warning: str = ""
    has_hero_image: bool = False
    hero_image_alt: str = ""
    hero_image_caption: str = ""
    gallery: list[GalleryEntry] = field(default_factory=list)
    is_storyteller_anonymous: bool = False
    storyteller_name: str = ""
    was_published: bool = False  # a story already out is not held back by the consent rule

    @classmethod
    def from_story(cls, story):
        return cls(
            title=story.title,
            subtitle=story.subtitle,
            summary=story.summary,
            body=story.body,
            slug=story.slug,
            has_consent=story.has_consent,
            country_count=len(story.countries.all()),
            theme_slugs=[theme.slug for theme in story.themes.all()],
            content_warning=story.content_warning,
            has_hero_image=bool(story.hero_image),
            hero_image_alt=story.hero_image_alt,
            hero_image_caption=story.hero_image_caption,
            gallery=[GalleryEntry(True, image.alt, image.caption) for image in story.gallery_images.all()],
            is_storyteller_anonymous=story.is_storyteller_anonymous,
            storyteller_name=story.storyteller_name,
            was_published=story.status == story.Status.PUBLISHED,
        )


def sensitive_theme_slugs():
    return set(settings.STORY_SENSITIVE_THEMES)


# Anonymity ---------------------------------------------------------------------------


# Endings a name takes in the region's languages once its diacritics are gone: Serbian,
# Croatian and Bosnian cases (Milica → Milice, Milici, Milicom; Jovanović → Jovanovića),
# Albanian definite forms (Dritë → Dritës, Dritën), and English "'s" (the apostrophe goes).
NAME_ENDINGS = (
    "s",
    "a",
    "e",
    "i",
    "u",
    "om",
    "em",
    "oj",
    "ov",
    "in",
    "ina",
    "n",
    "t",
    "it",
    "es",
    "en",
    "et",
    "ja",
    "je",
    "ju",
    "ne",
)


def name_patterns(name):
    """Patterns for each part of a name, as a whole word or with a case ending, spelt without
    diacritics, so "Dritë", "Drite", "Dritës" and "Дрите" are one name. Short names are only
    looked for whole (with "'s"): "Ana" must not find "analysis"."""
    patterns = []
    for part in re.split(r"[\s\-]+", transliterate(name)):
        if len(part) < NAME_PART_MIN:
            continue
        forms = [part, part + "s"]
        if len(part) > NAME_PART_MIN:
            stem = part[:-1] if part[-1] in "aeiou" else part
            forms += [stem + ending for ending in NAME_ENDINGS]
        alternatives = "|".join(re.escape(form) for form in sorted(set(forms), key=len, reverse=True))
        patterns.append(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"))
    return patterns


def places_naming(name, places):
    """The labels of `places` ((label, text) pairs) whose text holds the name or a part of it."""
    patterns = name_patterns(name)
    if not patterns:
        return []
    found = []
    for label, text in places:
        folded = transliterate(text or "")
        if label not in found and any(pattern.search(folded) for pattern in patterns):
            found.append(label)
    return found


def story_places(draft):
    """Where a storyteller's name could show on the site, each with words an editor can find."""
    places = [
        (gettext("title"), draft.title),
        (gettext("subtitle"), draft.subtitle),
        (gettext("summary"), draft.summary),
    ]
    for number, paragraph in enumerate(html_to_text(draft.body).split("\n"), start=1):
        places.append((gettext("body, paragraph %(number)d") % {"number": number}, paragraph))
    places += [
        (gettext("hero image caption"), draft.hero_image_caption),
        (gettext("hero image alt text"), draft.hero_image_alt),
    ]
    for number, entry in enumerate(draft.gallery, start=1):
        places += [
            (gettext("gallery image %(number)d caption") % {"number": number}, entry.caption),
            (gettext("gallery image %(number)d alt text") % {"number": number}, entry.alt),
        ]
    return places


def anonymity_leaks(draft):
    """The places that name an anonymous storyteller; none when the storyteller is named."""
    if not draft.is_storyteller_anonymous or not draft.storyteller_name:
        return []
    return places_naming(draft.storyteller_name, story_places(draft))


def anonymity_message(name, places):
    return gettext(
        "The storyteller is anonymous, but their name (“%(name)s” or part of it) appears in: %(places)s. "
        "Take it out before publishing."
    ) % {"name": name, "places": ", ".join(places)}


# The list --------------------------------------------------------------------------------


def story_checklist(draft):
    """Every check, in the order an editor goes through them."""
    consent_blocks = not settings.STORY_PUBLISH_WITHOUT_CONSENT and not draft.was_published
    title_length, summary_length = len(draft.title), len(draft.summary)
    missing_alts = [number for number, entry in enumerate(draft.gallery, start=1) if entry.has_image and not entry.alt]
    sensitive = sorted(sensitive_theme_slugs() & set(draft.theme_slugs))
    leaks = anonymity_leaks(draft)
    return [
        Check(
            "consent",
            _("Storyteller's consent recorded"),
            BLOCKING if consent_blocks else WARNING,
            draft.has_consent,
        ),
        Check("countries", _("At least one country"), BLOCKING, draft.country_count > 0),
        Check("themes", _("At least one theme"), BLOCKING, len(draft.theme_slugs) > 0),
        Check(
            "anonymity",
            _("An anonymous storyteller is not named"),
            BLOCKING,
            not leaks,
            gettext("Named in: %(places)s") % {"places": ", ".join(leaks)} if leaks else "",
        ),
        Check(
            "gallery_alt",
            _("Every gallery image has alt text"),
            BLOCKING,
            not missing_alts,
            ngettext("Missing on image %(numbers)s", "Missing on images %(numbers)s", len(missing_alts))
            % {"numbers": ", ".join(map(str, missing_alts))}
            if missing_alts
            else "",
        ),
        Check(
            "title_length",
            _("Title fits a story card (at most %(max)d characters)") % {"max": CARD_TITLE_MAX},
            WARNING,
            0 < title_length <= CARD_TITLE_MAX,
            ngettext("%(count)d character", "%(count)d characters", title_length) % {"count": title_length},
        ),
        Check(
            "summary_length",
            _("Summary fits a card (%(min)d to %(max)d characters)") % {"min": SUMMARY_MIN, "max": SUMMARY_MAX},
            WARNING,
            SUMMARY_MIN <= summary_length <= SUMMARY_MAX,
            ngettext("%(count)d character", "%(count)d characters", summary_length) % {"count": summary_length},
        ),
        Check(
            "hero_image",
            _("Hero image with alt text"),
            WARNING,
            draft.has_hero_image and bool(draft.hero_image_alt),
            "" if draft.has_hero_image else gettext("No hero image: shares show a plain card"),
        ),
        Check(
            "content_warning",
            _("Content warning considered for a sensitive theme"),
            WARNING,
            not sensitive or bool(draft.content_warning),
            gettext("The story is filed under a sensitive theme and has no content warning") if sensitive else "",
        ),
        Check(
            "slug",
            _("Address chosen"),
            WARNING,
            bool(draft.slug),
            f"/{draft.slug}/" if draft.slug else gettext("It will be made from the title when saved"),
        ),
    ]


def blocking_failures(checks):
    return [check for check in checks if check.blocks]


def summary_line(checks):
    blocking = sum(check.blocks for check in checks)
    warnings = sum(check.level == WARNING and not check.passed for check in checks)
    if not blocking and not warnings:
        return gettext("Ready to publish")
    parts = []
    if blocking:
        parts.append(
            ngettext("%(count)d check blocks publishing", "%(count)d checks block publishing", blocking)
            % {"count": blocking}
        )
    if warnings:
        parts.append(ngettext("%(count)d warning", "%(count)d warnings", warnings) % {"count": warnings})
    return ", ".join(parts)
