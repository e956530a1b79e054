"""The story screen laid out for writing: the sticky bar, the writing column and the side
column of folded sections, each section saying in one line what it holds.

The sections and their places come from STORY_FORM_SECTIONS (forms.py); this module only
sorts the admin's fieldsets into them and writes the summary lines.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext

from stories.editorial.checklist_views import checklist_context
from stories.editorial.drafts import draft_settings
from stories.editorial.forms import BAR, MAIN, SIDE, STORY_FORM_SECTIONS, StoryFormSection
from stories.editorial.review import conversation, open_return_note
from stories.editorial.roles import can_publish
from stories.editorial.share_preview import share_preview_context

RELATED_FIELDS = ("countries", "themes", "tags", "contributors")


@dataclass(frozen=True)
class EditorPanel:
    fieldset: object  # django.contrib.admin.helpers.Fieldset
    section: StoryFormSection
    summary: str  # what the section holds, readable while it is folded
    is_open: bool  # a section with an error opens, so the error is seen


class StoryValues:
    """What the form holds now: after a failed save the admin's form has copied the posted
    values onto its instance, so the instance says what the editor sees; related lists
    come from the cleaned data, or from the saved story."""

    def __init__(self, form):
        self.form = form
        self.story = form.instance

    def __getattr__(self, name):
        return getattr(self.story, name)

    def related(self, name):
        cleaned = getattr(self.form, "cleaned_data", None)
        if cleaned is not None and name in cleaned:
            return list(cleaned[name])
        if not self.story.pk:
            return list(self.form.initial.get(name) or [])
        return list(getattr(self.story, name).all())


def publishing_summary(values):
    parts = []
    if values.published_at:
        when = formats.date_format(timezone.localtime(values.published_at), "DATETIME_FORMAT")
        parts.append(gettext("Publish time: %(time)s") % {"time": when})
    else:
        parts.append(gettext("Goes out when published"))
    if values.is_featured:
        parts.append(gettext("featured"))
    return " · ".join(parts)


def consent_summary(values):
    if not values.has_consent:
        return gettext("Consent: not recorded")
    if values.consent_given_on:
        text = gettext("Consent: recorded %(date)s") % {"date": formats.date_format(values.consent_given_on, "j M")}
    else:
        text = gettext("Consent: recorded, no date")
    review_on = getattr(values.story, "consent_review_on", None)
    if review_on:
        text += " · " + gettext("review by %(date)s") % {"date": formats.date_format(review_on, "j M Y")}
    return text


def classification_summary(values):
    countries, themes, keywords = (len(values.related(name)) for name in ("countries", "themes", "tags"))
    parts = [
        ngettext("%(count)d country", "%(count)d countries", countries) % {"count": countries},
        ngettext("%(count)d theme", "%(count)d themes", themes) % {"count": themes},
    ]
    if keywords:
        parts.append(ngettext("%(count)d keyword", "%(count)d keywords", keywords) % {"count": keywords})
    text = ", ".join(parts)
    if values.content_warning:
        text += " · " + gettext("content warning set")
    return text


def storyteller_summary(values):
    name = values.storyteller_name or gettext("no storyteller named")
    if values.is_storyteller_anonymous:
        name = gettext("%(name)s (anonymous)") % {"name": name}
    bylines = len(values.related("contributors"))
    return name + " · " + ngettext("%(count)d byline", "%(count)d bylines", bylines) % {"count": bylines}


def image_summary(values):
    if not values.hero_image:
        return gettext("Hero: none")
    if values.hero_image_alt:
        return gettext("Hero: set, alt set")
    return gettext("Hero: set, alt missing")


def sharing_summary(values):
    own = [
        label
        for label, value in (
            (gettext("title"), values.seo_title),
            (gettext("description"), values.seo_description),
            (gettext("image"), values.social_image_override),
        )
        if value
    ]
    if not own:
        return gettext("From the story's title, summary and hero image")
    return gettext("Own %(parts)s") % {"parts": ", ".join(own)}


def address_summary(values):
    language = dict(settings.LANGUAGES).get(values.language, values.language)
    slug = values.slug or gettext("from the title")
    return f"/{slug}/ · {language}"


SUMMARIES = {
    "publishing": publishing_summary,
    "consent": consent_summary,
    "classification": classification_summary,
    "storyteller": storyteller_summary,
    "image": image_summary,
    "sharing": sharing_summary,
    "address": address_summary,
}


def has_errors(form, section):
    return any(form[name].errors for name in section.fields if name in form.fields)


def editor_layout(adminform):
    """{"bar": [...], "main": [...], "side": [...]}: the admin's fieldsets as EditorPanels."""
    sections = {str(section.title): section for section in STORY_FORM_SECTIONS}
    values = StoryValues(adminform.form)
    layout = {BAR: [], MAIN: [], SIDE: []}
    for fieldset in adminform:
        section = sections.get(str(fieldset.name))
        if section is None:  # a fieldset this screen does not know: show it, open, at the side
            layout[SIDE].append(EditorPanel(fieldset, StoryFormSection(fieldset.name), "", True))
            continue
        summarise = SUMMARIES.get(section.key)
        summary = summarise(values) if summarise else ""
        layout[section.placement].append(EditorPanel(fieldset, section, summary, has_errors(adminform.form, section)))
    return layout


def story_editor_context(request, adminform, story):
    """The template context of the story screen: its layout, what the browser scripts need to
    keep a local draft (drafts.py, static/js/admin/story-draft.js), and the review conversation."""
    handovers = conversation(story)
    in_review = story is not None and story.status == story.Status.REVIEW
    return {
        "story_editor": editor_layout(adminform),
        "story_draft": draft_settings(request, story),
        "story_handovers": handovers,
        "story_return_note": open_return_note(handovers),
        **checklist_context(request, story),
        **share_preview_context(story),
        "story_checklist_url": (
            reverse("admin:stories_story_checklist", args=[story.pk])
            if story is not None and story.pk
            else reverse("admin:stories_story_checklist")
        ),
        "story_send_back_url": (
            reverse("admin:stories_story_send_back", args=[story.pk]) if in_review and can_publish(request.user) else ""
        ),
    }
