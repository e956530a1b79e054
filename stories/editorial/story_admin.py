"""The story admin: the editors' and contributors' writing and publishing screen."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.urls import path
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from stories.editorial.admin_base import EditorialAdmin
from stories.editorial.consent import content_type_for
from stories.editorial.forms import CONSENT_FIELDS, StoryAdminForm, StoryImageForm
from stories.editorial.preview import preview_path, preview_url
from stories.editorial.roles import can_manage_consent, can_publish
from stories.editorial.slug_preview import SlugPreviewAdmin
from stories.media.renditions import smallest_rendition_url
from stories.models import Story, StoryImage, StorySlug
from stories.models.slugs import free_story_slug
from stories.sanitize import clean_html
from stories.text import slugify_transliterated

# What only editors may set; a contributor's form has none of these, so a hand-made POST
# carrying them changes nothing.
EDITOR_ONLY_FIELDS = ["published_at", "is_featured"]
STATE_FIELDS = ["publication_state", "last_changed", "preview_link"]


class StoryImageInline(admin.StackedInline):
    model = StoryImage
    form = StoryImageForm
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
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value in ("draft", "review"):
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
class StoryAdmin(SlugPreviewAdmin, EditorialAdmin):
    form = StoryAdminForm
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
    actions = ["publish", "unpublish", "feature", "unfeature"]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = [forms.Script("js/admin/char-counter.js", defer=True)]

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

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or can_publish(request.user):
            return True
        return obj.created_by_id == request.user.pk and obj.status == Story.Status.DRAFT

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
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
        readonly = ["reading_time", "created_at", "updated_at", "body_as_published", *STATE_FIELDS]
        if not can_publish(request.user):
            readonly += EDITOR_ONLY_FIELDS
        return readonly

    def get_fieldsets(self, request, obj=None):
        editable = obj is None or self.has_change_permission(request, obj)
        body = "body" if editable else "body_as_published"  # read-only, it is shown as readers see it
        content = ["title", "slug", "subtitle", "summary", body, "language", "content_warning"]
        fieldsets = [
            (_("State"), {"fields": STATE_FIELDS}),
            (_("Content"), {"fields": [*content, "opened_edit_token"] if editable else content}),
            (_("Image"), {"fields": ["hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"]}),
            (_("Classification"), {"fields": ["countries", "themes", "tags"]}),
            (
                _("Storyteller"),
                {"fields": ["storyteller_name", "is_storyteller_anonymous", "location", "contributors"]},
            ),
            (
                _("Publishing"),
                {"fields": ["status", "published_at", "is_featured", "reading_time", "created_at", "updated_at"]},
            ),
        ]
        if can_manage_consent(request.user):
            fieldsets.append(
                (
                    _("Consent (editors only)"),
                    {
                        "fields": CONSENT_FIELDS,
                        "description": _("A story cannot be published until the storyteller's consent is recorded."),
                    },
                )
            )
        fieldsets.append((_("SEO and sharing"), {"fields": ["seo_title", "seo_description", "social_image_override"]}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.editor_user = request.user  # a fresh class per request: safe to set
        return form

    # Saving ---------------------------------------------------------------

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

    def get_object(self, request, object_id, from_field=None):
        story = super().get_object(request, object_id, from_field)
        # While restoring, reversion has just put the old version in place (inside a
        # transaction): repair its images before a form looks at the files.
        if story is not None and hasattr(request, "story_images_before_restore"):
            story.keep_images_after_restore(request.story_images_before_restore)
        return story

    def revision_view(self, request, object_id, version_id, extra_context=None):
        story = Story.objects.filter(pk=unquote(object_id)).first()
        request.story_images_before_restore = story.images_snapshot() if story else None
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request.story_images_before_restore = None
        return super().recover_view(request, version_id, extra_context)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        # A removed picture leaves the public storage (after the transaction, in case it rolls back).
        for gallery_image in formset.deleted_objects:
            if isinstance(gallery_image, StoryImage):
                transaction.on_commit(gallery_image.delete_files)

    # Change form ------------------------------------------------------------

    def view_on_site(self, story):
        return story.get_absolute_url() if story.is_public else None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        story = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if story is not None and not story.is_public:
            context["story_preview_path"] = preview_path(story)
        return super().change_view(request, object_id, form_url, context)

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

    @admin.display(description=_("Preview link"))
    def preview_link(self, story):
        if not story.pk:
            return _("Save the story to get a preview link.")
        if story.is_public:
            return format_html('<a href="{}">{}</a>', story.get_absolute_url(), gettext("View on site"))
        expires = timezone.localtime() + timedelta(seconds=settings.STORY_PREVIEW_MAX_AGE)
        return format_html(
            '<input class="preview-link__url vTextField" type="url" readonly value="{}" aria-label="{}">'
            '<div class="help">{}</div>',
            preview_url(story),
            gettext("Preview link"),
            gettext("Send this link to the storyteller to read the story before it goes out. Valid until %(time)s.")
            % {"time": formats.date_format(expires, "DATETIME_FORMAT")},
        )

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
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', preview_path(story), gettext("Preview")
        )

    # Actions ---------------------------------------------------------------

    def _save_each(self, request, stories, change):
        """Save one by one, so each change gets its revision, its log entry and a new edit token."""
        for story in stories:
            change(story)
            story.updated_by = request.user
            story.save()
            self.log_change(request, story, gettext("Changed by the list action."))

    @admin.action(permissions=["publish"], description=_("Publish the selected stories"))
    def publish(self, request, queryset):
        without_consent = [story for story in queryset if story.is_missing_consent and not story.is_public]
        if without_consent:
            self.message_user(
                request,
                gettext("Not published, because the storyteller's consent is not recorded: %(titles)s")
                % {"titles": ", ".join(story.title for story in without_consent)},
                messages.ERROR,
            )
        ready = [story for story in queryset if story not in without_consent]

        def publish(story):
            story.status = Story.Status.PUBLISHED  # a future publish time stays: the story is scheduled

        self._save_each(request, ready, publish)
        if ready:
            self.message_user(
                request, ngettext("%d story published.", "%d stories published.", len(ready)) % len(ready)
            )

    @admin.action(permissions=["publish"], description=_("Unpublish the selected stories (back to draft)"))
    def unpublish(self, request, queryset):
        stories = list(queryset.filter(status=Story.Status.PUBLISHED))
        self._save_each(request, stories, lambda story: setattr(story, "status", Story.Status.DRAFT))
        self.message_user(
            request, ngettext("%d story unpublished.", "%d stories unpublished.", len(stories)) % len(stories)
        )

    @admin.action(permissions=["publish"], description=_("Feature the selected stories on the home page"))
    def feature(self, request, queryset):
        self._save_each(request, list(queryset), lambda story: setattr(story, "is_featured", True))

    @admin.action(permissions=["publish"], description=_("Stop featuring the selected stories"))
    def unfeature(self, request, queryset):
        self._save_each(request, list(queryset), lambda story: setattr(story, "is_featured", False))

    # Consent form download ----------------------------------------------------

    def preview_slug(self, text, object_pk):
        return free_story_slug(text, story_pk=object_pk) if slugify_transliterated(text) else ""

    def get_urls(self):
        download = path(
            "<path:object_id>/consent-form/",
            self.admin_site.admin_view(self.consent_form_view),
            name="stories_story_consent_form",
        )
        return [download, *super().get_urls()]

    def consent_form_view(self, request, object_id):
        if not can_manage_consent(request.user):
            raise PermissionDenied
        story = self.get_object(request, unquote(object_id))
        if story is None or not story.consent_form or not story.consent_form.storage.exists(story.consent_form.name):
            raise Http404(gettext("This story has no signed consent form."))
        name = story.consent_form.name
        extension = name[name.rfind(".") :] if "." in name else ""
        response = FileResponse(
            story.consent_form.open("rb"),
            as_attachment=True,
            filename=f"consent-{story.slug}{extension}",
            content_type=content_type_for(name),
        )
        response["Cache-Control"] = "private, no-store"
        return response
