"""The story form of the admin and its parts: who may set what, consent, concurrent edits."""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stories.editorial.checklist import (
    CARD_TITLE_MAX,
    SUMMARY_MAX,
    SUMMARY_MIN,
    StoryDraft,
    anonymity_leaks,
    anonymity_message,
)
from stories.editorial.consent import validate_consent_form
from stories.editorial.rich_text import rich_text_field
from stories.editorial.roles import can_publish
from stories.models import CONSENT_FIELDS as CONSENT_RECORD_FIELDS
from stories.models import Country, Story, StoryImage, Theme
from stories.models.slugs import free_story_slug
from stories.text import slugify_transliterated

# Where a section goes on the story screen (see editor_layout.py): the sticky bar at the top,
# the writing column, or the side column of folded sections.
BAR, MAIN, SIDE = "bar", "main", "side"


@dataclass(frozen=True)
class StoryFormSection:
    """A section of the story screen: the fields the form edits, in order, then the lines the
    admin only shows (read-only fields and StoryAdmin's display methods)."""

    title: str
    fields: tuple[str, ...] = ()
    read_only: tuple[str, ...] = ()
    description: str = ""
    key: str = ""  # names the section's summary line and its CSS class
    placement: str = SIDE


STATUS_SECTION = StoryFormSection(_("Status"), ("status",), ("publication_state",), key="status", placement=BAR)
CONTENT_SECTION = StoryFormSection(_("Story"), ("title", "subtitle", "summary", "body"), key="content", placement=MAIN)
CONSENT_SECTION = StoryFormSection(
    _("Consent (editors only)"),
    CONSENT_RECORD_FIELDS,
    read_only=("consent_history",),
    description=_("A story cannot be published until the storyteller's consent is recorded."),
    key="consent",
)

# The story screen: the bar, the writing column, then the side column top to bottom. The
# form's Meta.fields and the admin's fieldsets and read-only fields are all made from this
# list, so a field is added in one place.
STORY_FORM_SECTIONS = [
    STATUS_SECTION,
    CONTENT_SECTION,
    StoryFormSection(
        _("Schedule and preview"),
        ("published_at", "is_featured"),
        read_only=("last_changed", "preview_links", "reading_time", "created_at", "updated_at"),
        key="publishing",
    ),
    CONSENT_SECTION,
    StoryFormSection(
        _("Countries, themes and keywords"), ("countries", "themes", "tags", "content_warning"), key="classification"
    ),
    StoryFormSection(
        _("Storyteller"),
        ("storyteller_name", "is_storyteller_anonymous", "location", "contributors"),
        key="storyteller",
    ),
    StoryFormSection(
        _("Hero image"), ("hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"), key="image"
    ),
    StoryFormSection(_("SEO and sharing"), ("seo_title", "seo_description", "social_image_override"), key="sharing"),
    StoryFormSection(_("Address and language"), ("slug", "language"), read_only=("languages",), key="address"),
]
CONSENT_FIELDS = list(CONSENT_RECORD_FIELDS)


class PrivateFileLink:
    """What ClearableFileInput shows for a stored private file: a link to the admin download."""

    def __init__(self, url, label):
        self.url, self.label = url, label

    def __str__(self):
        return str(self.label)


class ConsentFormInput(forms.ClearableFileInput):
    download_url = None

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))  # a private file has no .url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"] and self.download_url:
            context["widget"]["value"] = PrivateFileLink(self.download_url, _("Download the signed form"))
        return context


class StoryAdminForm(forms.ModelForm):
    # Controlled vocabularies: editors tick from the list, so a typo never creates a country.
    countries = forms.ModelMultipleChoiceField(
        Country.objects.all(), widget=forms.CheckboxSelectMultiple, label=_("Countries")
    )
    themes = forms.ModelMultipleChoiceField(Theme.objects.all(), widget=forms.CheckboxSelectMultiple, label=_("Themes"))
    body = rich_text_field(label=_("Body"), required=False)
    # Any text is accepted here and turned into a slug in clean_slug(), rather than refused.
    slug = forms.CharField(
        label=_("Slug"),
        required=False,
        max_length=200,
        help_text=Story._meta.get_field("slug").help_text,
    )
    # The version of the story this form was made from (see Story.edit_token).
    opened_edit_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    # Set by StoryAdmin.get_form() on the class it makes for each request.
    editor_user = None

    class Meta:
        model = Story
        fields = [name for section in STORY_FORM_SECTIONS for name in section.fields]
        widgets = {
            "consent_form": ConsentFormInput,
            "consent_given_on": forms.DateInput(attrs={"type": "date"}),
            "consent_review_on": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "consent_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("countries", list(self.instance.countries.all()))
            self.initial.setdefault("themes", list(self.instance.themes.all()))
            self.initial["opened_edit_token"] = self.instance.edit_token
        status = self.fields.get("status")
        if status is not None:  # only a withdrawal withdraws (stories/editorial/withdrawal.py)
            status.choices = [(value, label) for value, label in status.choices if value != Story.Status.WITHDRAWN]
        if status is not None and not can_publish(self.editor_user):
            status.choices = [(value, label) for value, label in status.choices if value != Story.Status.PUBLISHED]
            status.help_text = _("Set it to “In review” when the story is ready for an editor.")
        of_limit = gettext("%(count)s of %(limit)s characters")
        counters = {
            "title": (CARD_TITLE_MAX, 0, of_limit),
            "summary": (
                SUMMARY_MAX,
                SUMMARY_MIN,
                gettext("%(count)s characters; %(min)s to %(limit)s suit story cards"),
            ),
            "seo_title": (60, 0, of_limit),
            "seo_description": (160, 0, of_limit),
        }
        for name, (limit, minimum, template) in counters.items():
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"data-char-limit": limit, "data-char-min": minimum, "data-char-template": template}
                )
        if "published_at" in self.fields and hasattr(self.fields["published_at"].widget, "widgets"):
            # The admin's split widget labels its two boxes with bare text, which no reader ties to them.
            date_box, time_box = self.fields["published_at"].widget.widgets
            date_box.attrs["aria-label"] = gettext("Publish date")
            time_box.attrs["aria-label"] = gettext("Publish time of day")
        if "consent_form" in self.fields and self.instance.pk:
            self.fields["consent_form"].widget.download_url = reverse(
                "admin:stories_story_consent_form", args=[self.instance.pk]
            )

    def clean_slug(self):
        """Normalise the slug and, if another story has it now, take the next free one instead
        of refusing the form: the editor's text is never lost to a clash. Another story's old
        address is refused (Story.clean names that story): links shared to it must keep
        leading there."""
        typed = self.cleaned_data.get("slug")
        slug = slugify_transliterated(typed or self.cleaned_data.get("title") or "")
        if not slug:
            return ""  # Story.save() derives one from the title
        if not typed or Story.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            return free_story_slug(slug, story_pk=self.instance.pk)
        return slug

    def clean_countries(self):
        return list(self.cleaned_data["countries"])  # taggit's manager.set() takes a list

    def clean_themes(self):
        return list(self.cleaned_data["themes"])

    def clean_consent_form(self):
        upload = self.cleaned_data.get("consent_form")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_consent_form(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("hero_image_alt"):
            self.add_error("hero_image_alt", _("Describe the image for people who cannot see it."))
        if self.instance.language_taken_in_group(cleaned.get("language")):
            self.add_error("language", _("Another translation of this story is in this language."))
        self._check_publishing(cleaned)
        self._check_not_saved_by_someone_else(cleaned)
        return cleaned

    def _check_publishing(self, cleaned):
        if cleaned.get("status") != Story.Status.PUBLISHED:
            return
        if not can_publish(self.editor_user):
            self.add_error("status", _("Only editors can publish or schedule a story."))
            return
        self._check_anonymity(cleaned)
        was_published = self.instance.pk and self.initial.get("status") == Story.Status.PUBLISHED
        has_consent = cleaned.get("has_consent", self.instance.has_consent)
        if not was_published and not has_consent and not settings.STORY_PUBLISH_WITHOUT_CONSENT:
            field = "has_consent" if "has_consent" in self.fields else "status"
            self.add_error(
                field,
                _(
                    "This story cannot be published before the storyteller's consent is recorded: "
                    "tick “consent given” and fill in the date and how it was given."
                ),
            )

    def _check_anonymity(self, cleaned):
        """An anonymous storyteller's name never goes out: not in the text, not in the hero
        image's caption or alt text (the gallery's are checked by GalleryFormSet)."""
        draft = StoryDraft(
            **{
                name: cleaned.get(name, "")
                for name in ("title", "subtitle", "summary", "body", "hero_image_caption", "hero_image_alt")
            },
            is_storyteller_anonymous=cleaned.get("is_storyteller_anonymous", False),
            storyteller_name=cleaned.get("storyteller_name", ""),
        )
        leaks = anonymity_leaks(draft)
        if leaks:
            self.add_error("storyteller_name", anonymity_message(draft.storyteller_name, leaks))

    def _check_not_saved_by_someone_else(self, cleaned):
        if not self.instance.pk:
            return
        # Locks the row until the admin's transaction ends, so two saves cannot both pass.
        current = Story.objects.select_for_update().filter(pk=self.instance.pk).first()
        if current is None or cleaned.get("opened_edit_token") == current.edit_token:
            return
        when = formats.date_format(timezone.localtime(current.updated_at), "DATETIME_FORMAT")
        raise forms.ValidationError(
            _(
                "%(user)s saved this story at %(time)s, after you opened it, so your changes were not saved. "
                "They are still in the form below: open the story in a new tab to see the other version, "
                "copy your changes over there, and save that."
            ),
            code="edit_conflict",
            params={
                "user": current.updated_by.get_username() if current.updated_by else gettext("Someone"),
                "time": when,
            },
        )


class StoryImageForm(forms.ModelForm):
    class Meta:
        model = StoryImage
        fields = ["image", "alt", "caption", "credit", "sort_order"]

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("image") or self.instance.image) and not cleaned.get("alt"):
            self.add_error("alt", _("Describe the image for people who cannot see it."))
        return cleaned
