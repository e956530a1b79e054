"""The story admin: the editors' and contributors' writing and publishing screen."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stories.editorial.admin_base import EditorialAdmin
from stories.editorial.bylines import default_bylines
from stories.editorial.consent_admin import ConsentAdminMixin
from stories.editorial.editor_layout import story_editor_context
from stories.editorial.forms import (
    CONSENT_FIELDS,
    CONSENT_SECTION,
    CONTENT_SECTION,
    STORY_FORM_SECTIONS,
    StoryAdminForm,
    StoryImageForm,
)
from stories.editorial.gallery_formset import GalleryFormSet
from stories.editorial.newsroom_urls import newsroom_urls
from stories.editorial.preview_admin import PreviewLinksAdminMixin
from stories.editorial.roles import can_manage_consent, can_publish
from stories.editorial.slug_preview import SlugPreviewAdmin
from stories.editorial.story_actions import StoryActionsMixin
from stories.editorial.translations import READ_ONLY_ON_TRANSLATIONS, TranslationAdminMixin
from stories.editorial.withdrawal_admin import WithdrawalAdminMixin
from stories.media.renditions import smallest_rendition_url
from stories.models import Story, StoryImage, StorySlug
from stories.models.slugs import free_story_slug
from stories.sanitize import clean_html
from stories.search import indexing_deferred
from stories.text import slugify_transliterated

# What only editors may set; a contributor's form has none of these, so a hand-made POST
# carrying them changes nothing.
EDITOR_ONLY_FIELDS = ["published_at", "is_featured"]
# A restore is an edit: it never changes where the story is in the workflow, its address or the
# storyteller's consent. On the restore page these are shown, not edited.
KEPT_ON_RESTORE = ["status", "published_at", "is_featured", "slug"]


class StoryImageInline(admin.StackedInline):
    model = StoryImage
    form = StoryImageForm
    formset = GalleryFormSet
    extra = 1
    fields = ["thumbnail", "image", "alt", "caption", "credit", "sort_order"]
    readonly_fields = ["thumbnail"]
    verbose_name = _("gallery image")
    verbose_name_plural = _("gallery (shown after the body, in this order)")

    @admin.display(description=_("Preview"))
    def thumbnail(self, gallery_image):
        if not gallery_image.image:
            return "—"
        url = smallest_rendition_url(gallery_image.image, gallery_image.renditions)
        return format_html('<img src="{}" alt="" class="admin-thumbnail">', url)


class PublicationListFilter(admin.SimpleListFilter):
    """Status, with scheduled stories told apart from those already on the site."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("review", _("In review")),
            ("scheduled", _("Scheduled")),
            ("published", _("Published")),
            ("withdrawn", _("Withdrawn")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value in ("draft", "review", "withdrawn"):
            return queryset.filter(status=value)
        if value == "published":
            return queryset.published()
        if value == "scheduled":
            return queryset.scheduled()
        return queryset


class StorySlugInline(admin.TabularInline):
    """Old addresses of a published story, recorded when its slug changes; each redirects to the story."""

    model = StorySlug
    fields = ["slug", "created_at"]
    readonly_fields = ["created_at"]
    extra = 0
    verbose_name = _("old address")
    verbose_name_plural = _("old addresses (they redirect here)")


@admin.register(Story)
class StoryAdmin(
    SlugPreviewAdmin,
    ConsentAdminMixin,
    PreviewLinksAdminMixin,
    WithdrawalAdminMixin,
    StoryActionsMixin,
    TranslationAdminMixin,
    EditorialAdmin,
):
    form = StoryAdminForm
    fields_kept_on_restore = [*KEPT_ON_RESTORE, *CONSENT_FIELDS]
    restore_note = _(
        "Restoring brings this version's text, images, classification and gallery back, as an edit: it never "
        "changes the publication state, the publish time, featuring, the address or the consent record. Check "
        "the form below, then save to restore."
    )
    inlines = [StoryImageInline, StorySlugInline]
    list_display = [
        "thumbnail",
        "title",
        "state_badge",
        "country_names",
        "theme_names",
        "published_at",
        "is_featured",
        "created_by",
        "site_link",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = [PublicationListFilter, "is_featured", "countries", "themes", "contributors", "language"]
    search_fields = ["title", "subtitle", "summary", "storyteller_name", "location"]
    date_hierarchy = "published_at"
    slug_from = "title"  # the slug field follows the title (stories/editorial/slug_preview.py)
    autocomplete_fields = ["contributors"]
    list_per_page = 50

    class Media:
        css = {"all": ["css/admin.css", "css/story-editor.css"]}
        js = [
            forms.Script("js/admin/char-counter.js", defer=True),
            forms.Script("js/admin/story-editor.js", defer=True),
            forms.Script("js/admin/story-draft.js", defer=True),
            forms.Script("js/admin/story-checklist.js", defer=True),
            forms.Script("js/admin/share-preview.js", defer=True),
            forms.Script("js/admin/autocomplete-a11y.js", defer=True),
        ]

    # Roles ---------------------------------------------------------------

    def get_queryset(self, request):
        stories = (
            super()
            .get_queryset(request)
            .select_related("created_by")
            .prefetch_related("tagged_countries__tag", "tagged_themes__tag")
        )
        if not can_publish(request.user):
            stories = stories.filter(created_by=request.user)  # contributors see their own stories only
        return stories

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is not None and obj.status == Story.Status.WITHDRAWN:
            return False  # nothing is left to edit, and nobody may publish it again by accident
        if obj is None or can_publish(request.user):
            return True
        return obj.created_by_id == request.user.pk and obj.status == Story.Status.DRAFT

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is not None and obj.status == Story.Status.WITHDRAWN:
            return False  # its addresses must go on answering 410
        if obj is None or can_publish(request.user):
            return True
        return obj.created_by_id == request.user.pk and obj.status != Story.Status.PUBLISHED

    def has_restore_permission(self, request, obj=None):
        return can_publish(request.user) and super().has_restore_permission(request, obj)

    def delete_queryset(self, request, queryset):
        # The delete action asks has_delete_permission for each story already; this is the
        # last line should that ever change.
        if any(not self.has_delete_permission(request, story) for story in queryset):
            raise PermissionDenied
        super().delete_queryset(request, queryset)

    def get_readonly_fields(self, request, obj=None):
        readonly = [name for section in STORY_FORM_SECTIONS for name in section.read_only]
        readonly += ["body_as_published", "consent_record", "withdrawal_details", "withdrawal_reason"]
        if not can_publish(request.user):
            readonly += EDITOR_ONLY_FIELDS
        if self.is_restore_request(request):
            readonly += KEPT_ON_RESTORE
        if obj is not None and obj.is_translation:
            readonly += READ_ONLY_ON_TRANSLATIONS  # the original's: edited there
        return readonly

    def get_fieldsets(self, request, obj=None):
        if obj is not None and obj.status == Story.Status.WITHDRAWN:
            return self.withdrawn_fieldsets(request)
        editable = obj is None or self.has_change_permission(request, obj)
        fieldsets = []
        for section in STORY_FORM_SECTIONS:
            if section is CONSENT_SECTION and not can_manage_consent(request.user):
                continue
            fields = [*section.fields, *section.read_only]
            if section is CONTENT_SECTION and not editable:
                fields[fields.index("body")] = "body_as_published"  # read-only, shown as readers see it
            if section is CONTENT_SECTION and editable:
                fields.append("opened_edit_token")  # see Story.edit_token; a view-only page has no form to send
            if section is CONSENT_SECTION and self.is_restore_request(request):
                fields = ["consent_record"]  # consent is the storyteller's act: a restore shows it, never edits it
            options = {"fields": fields}
            if section.description:
                options["description"] = section.description
            fieldsets.append((section.title, options))
        return fieldsets

    def get_changeform_initial_data(self, request):
        return {"contributors": default_bylines(request.user), **super().get_changeform_initial_data(request)}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.editor_user = request.user  # a fresh class per request: safe to set
        return form

    # Saving ---------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The story, then each of its relations, is saved: index the result once, in the same
        # transaction, rather than after every relation.
        with indexing_deferred():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        replaced_consent_form = None
        if change and "consent_form" in form.changed_data:
            replaced_consent_form = Story.objects.filter(pk=obj.pk).values_list("consent_form", flat=True).first()
        super().save_model(request, obj, form, change)
        if replaced_consent_form and replaced_consent_form != obj.consent_form.name:
            # A cleared or replaced signed form is not kept anywhere.
            storage = obj.consent_form.storage
            transaction.on_commit(lambda: storage.delete(replaced_consent_form))

    # Restore ---------------------------------------------------------------------

    def before_revert(self, request, obj):
        return {**super().before_revert(request, obj), "images": obj.images_snapshot() if obj else None}

    def after_revert(self, request, obj, before):
        super().after_revert(request, obj, before)
        # The restored version names the image files it had: repair those gone since, before
        # a form looks at the files.
        obj.keep_images_after_restore(before["images"])
        if obj.consent_form and not obj.consent_form.storage.exists(obj.consent_form.name):
            obj.consent_form = ""  # a recovered story whose signed form left the storage
            Story.objects.filter(pk=obj.pk).update(consent_form="")

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.is_restore_request(request) else super().get_prepopulated_fields(request, obj)

    @admin.display(description=_("Consent record"))
    def consent_record(self, story):
        """The consent record as it stays through a restore, in words."""
        if not story.has_consent:
            text = gettext("Consent is not recorded.")
        else:
            when = formats.date_format(story.consent_given_on) if story.consent_given_on else gettext("no date")
            text = gettext("Consent given (%(when)s, %(how)s).") % {
                "when": when,
                "how": story.get_consent_method_display() or gettext("how not recorded"),
            }
        if story.consent_form:
            text += " " + gettext("A signed form is attached.")
        if story.consent_review_on:
            text += " " + gettext("Review by %(date)s.") % {"date": formats.date_format(story.consent_review_on)}
        return text + " " + gettext("Restoring a version never changes the consent record.")

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        # A removed picture leaves the public storage (after the transaction, in case it rolls back).
        for gallery_image in formset.deleted_objects:
            if isinstance(gallery_image, StoryImage):
                transaction.on_commit(gallery_image.delete_files)

    # Change form ------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(story_editor_context(request, context["adminform"], obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [*newsroom_urls(self), *super().get_urls()]

    def view_on_site(self, story):
        return story.get_absolute_url() if story.is_public else None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        story = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if story is not None and story.status != Story.Status.WITHDRAWN:
            if not story.is_public:
                context["story_preview_path"] = reverse("admin:stories_story_preview", args=[story.pk])
            if can_publish(request.user):
                context["story_withdraw_path"] = reverse("admin:stories_story_withdraw", args=[story.pk])
        return super().change_view(request, object_id, form_url, context)

    def get_inlines(self, request, obj):
        if obj is not None and obj.status == Story.Status.WITHDRAWN:
            return []
        return super().get_inlines(request, obj)

    @admin.display(description=_("State"))
    def publication_state(self, story):
        if not story.pk:
            return _("Not saved yet")
        return self.state_badge(story)

    @admin.display(description=_("Last changed"))
    def last_changed(self, story):
        if not story.pk:
            return "—"
        when = formats.date_format(timezone.localtime(story.updated_at), "DATETIME_FORMAT")
        who = story.updated_by.get_username() if story.updated_by else gettext("unknown")
        return gettext("%(time)s by %(user)s") % {"time": when, "user": who}

    # Change list ---------------------------------------------------------------

    @admin.display(description=_("Image"))
    def thumbnail(self, story):
        if not story.hero_image:
            return "—"
        url = smallest_rendition_url(story.hero_image, story.hero_renditions)
        return format_html('<img src="{}" alt="" class="admin-thumbnail">', url)

    @admin.display(description=_("Body"))
    def body_as_published(self, story):
        # Sanitised again on the way out, as the story page relies on (stories/sanitize.py).
        return format_html('<div class="prose readonly-body">{}</div>', mark_safe(clean_html(story.body)))

    @admin.display(description=_("Status"), ordering="status")
    def state_badge(self, story):
        kind = "scheduled" if story.is_scheduled else story.status
        return format_html('<span class="status-badge status-badge--{}">{}</span>', kind, story.publication_state)

    @admin.display(description=_("Countries"))
    def country_names(self, story):
        return ", ".join(tagged.tag.name for tagged in story.tagged_countries.all())

    @admin.display(description=_("Themes"))
    def theme_names(self, story):
        return ", ".join(tagged.tag.name for tagged in story.tagged_themes.all())

    @admin.display(description=_("On the site"))
    def site_link(self, story):
        if story.is_public:
            return format_html('<a href="{}">{}</a>', story.get_absolute_url(), gettext("View on site"))
        if story.status == Story.Status.WITHDRAWN:
            return "—"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("admin:stories_story_preview", args=[story.pk]),
            gettext("Preview"),
        )

    def preview_slug(self, text, object_pk):
        return free_story_slug(text, story_pk=object_pk) if slugify_transliterated(text) else ""
