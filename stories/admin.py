import logging

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from stories.models import Contributor, Country, Story, StorySlug, Theme, unique_slug
from stories.text import slugify_transliterated

logger = logging.getLogger(__name__)


class MediaStorageFailed(Exception):
    """Saving an upload to the media storage failed; the whole save was rolled back."""


class StorageFailureAdminMixin:
    """A full disk or a failing media storage while saving gives the editor the form again,
    with everything they typed and a clear error, instead of a server error; files this save
    had already written are removed, and the database transaction is rolled back."""

    storage_error_message = _(
        "The image could not be stored: the disk may be full or the media storage unavailable. "
        "Nothing was saved. Your other changes are below: choose the image again and save, "
        "or try again later."
    )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except MediaStorageFailed:
            # The admin's transaction has been rolled back: validate the same POST again, this
            # time with the storage error on the form, so it is shown as the editor left it.
            request.media_storage_failed = True
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "media_storage_failed", False):
            return form_class
        message = self.storage_error_message

        class FormWithStorageError(form_class):
            def clean(self):
                cleaned_data = super().clean()
                self.add_error(None, message)
                return cleaned_data

        return FormWithStorageError

    def save_model(self, request, obj, form, change):
        previous_files = self.stored_file_names(obj)
        try:
            super().save_model(request, obj, form, change)
        except OSError:
            logger.exception("Saving %s failed on the media storage", obj._meta.label)
            self.delete_new_files(obj, previous_files)
            raise MediaStorageFailed from None

    @staticmethod
    def file_fields(obj):
        return [field for field in obj._meta.concrete_fields if isinstance(field, models.FileField)]

    def stored_file_names(self, obj):
        """The file names the database holds for obj now, before this save."""
        names = [field.attname for field in self.file_fields(obj)]
        if obj.pk is None or not names:
            return {}
        return type(obj)._default_manager.filter(pk=obj.pk).values(*names).first() or {}

    def delete_new_files(self, obj, previous_files):
        for field in self.file_fields(obj):
            file = getattr(obj, field.attname)
            if file and file._committed and file.name != previous_files.get(field.attname):
                file.storage.delete(file.name)


class StoryAdminForm(forms.ModelForm):
    # Controlled vocabularies: editors tick from the list, so a typo never creates a country.
    countries = forms.ModelMultipleChoiceField(
        Country.objects.all(), widget=forms.CheckboxSelectMultiple, label=_("Countries")
    )
    # Any text is accepted here and turned into a slug in clean_slug(), rather than refused.
    slug = forms.CharField(
        label=_("Slug"),
        required=False,
        max_length=200,
        help_text=Story._meta.get_field("slug").help_text,
    )
    themes = forms.ModelMultipleChoiceField(Theme.objects.all(), widget=forms.CheckboxSelectMultiple, label=_("Themes"))

    class Meta:
        model = Story
        fields = [
            *("title", "slug", "subtitle", "summary", "body", "language", "content_warning"),
            *("hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"),
            *("countries", "themes", "tags"),
            *("storyteller_name", "is_storyteller_anonymous", "location", "contributors"),
            *("status", "published_at", "is_featured", "seo_title", "seo_description", "social_image_override"),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("countries", list(self.instance.countries.all()))
            self.initial.setdefault("themes", list(self.instance.themes.all()))

    def clean_slug(self):
        """Normalise the slug and, if another story has it, take the next free one instead of
        refusing the form: the editor's text is never lost to a clash."""
        slug = slugify_transliterated(self.cleaned_data.get("slug") or self.cleaned_data.get("title") or "")
        if not slug:
            return ""  # Story.save() derives one from the title
        if Story.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            return unique_slug(Story, slug, instance_pk=self.instance.pk)
        return slug

    def clean_countries(self):
        return list(self.cleaned_data["countries"])  # taggit's manager.set() takes a list

    def clean_themes(self):
        return list(self.cleaned_data["themes"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("hero_image_alt"):
            self.add_error("hero_image_alt", _("Describe the image for people who cannot see it."))
        return cleaned


class StorySlugInline(admin.TabularInline):
    """Old addresses of a published story, recorded when its slug changes; each redirects to the story."""

    model = StorySlug
    fields = ["slug", "created_at"]
    readonly_fields = ["created_at"]
    extra = 0
    verbose_name = _("old address")
    verbose_name_plural = _("old addresses (they redirect here)")


@admin.register(Story)
class StoryAdmin(StorageFailureAdminMixin, admin.ModelAdmin):
    form = StoryAdminForm
    inlines = [StorySlugInline]
    list_display = [
        "thumbnail",
        "title",
        "status",
        "country_names",
        "theme_names",
        "published_at",
        "is_featured",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["status", "is_featured", "countries", "themes", "language"]
    search_fields = ["title", "subtitle", "summary", "storyteller_name", "location"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["contributors"]
    readonly_fields = ["reading_time", "created_at", "updated_at"]
    list_per_page = 50
    fieldsets = [
        (
            _("Content"),
            {
                "fields": [
                    "title",
                    "slug",
                    "subtitle",
                    "summary",
                    "body",
                    "language",
                    "content_warning",
                ]
            },
        ),
        (
            _("Image"),
            {
                "fields": [
                    "hero_image",
                    "hero_image_alt",
                    "hero_image_caption",
                    "hero_image_credit",
                ]
            },
        ),
        (_("Classification"), {"fields": ["countries", "themes", "tags"]}),
        (
            _("Storyteller"),
            {
                "fields": [
                    "storyteller_name",
                    "is_storyteller_anonymous",
                    "location",
                    "contributors",
                ]
            },
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_featured",
                    "reading_time",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
        (
            _("SEO and sharing"),
            {"fields": ["seo_title", "seo_description", "social_image_override"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tagged_countries__tag", "tagged_themes__tag")

    @admin.display(description=_("Image"))
    def thumbnail(self, story):
        if not story.hero_image:
            return "—"
        return format_html('<img src="{}" alt="" width="80" style="height:auto">', story.hero_image.url)

    @admin.display(description=_("Countries"))
    def country_names(self, story):
        return ", ".join(tagged.tag.name for tagged in story.tagged_countries.all())

    @admin.display(description=_("Themes"))
    def theme_names(self, story):
        return ", ".join(tagged.tag.name for tagged in story.tagged_themes.all())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "sort_order"]
    list_editable = ["sort_order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Country)
class CountryAdmin(VocabularyAdmin):
    fields = ["name", "slug", "description", "footnote", "sort_order"]


@admin.register(Theme)
class ThemeAdmin(VocabularyAdmin):
    fields = ["name", "slug", "description", "sort_order"]


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "slug"]
    list_filter = ["role"]
    search_fields = ["name", "bio"]
    prepopulated_fields = {"slug": ["name"]}
