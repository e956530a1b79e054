"""Slugs filled in while the editor types, by the server's own rules.

Django's prepopulated_fields JavaScript spells Cyrillic its own way (Russian "ch", "sh") and
drops Macedonian Ѓ and Ќ, and the form kept what it wrote. Here the admin's slug field asks
the server instead: the slug shown is the one `stories.text.slugify_transliterated` makes,
the same from Cyrillic and Latin titles, and already free of clashes.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from stories.models.slugs import unique_slug
from stories.text import slugify_transliterated

MAX_SOURCE_LENGTH = 500  # longer than any title or name the forms accept


class SlugPreviewAdmin:
    """A ModelAdmin mixin: `slug_from = "title"` fills the slug field from that field."""

    slug_from = None

    def preview_slug(self, text, object_pk):
        """The slug a save would give an object named `text` (overridden by the story admin)."""
        if not slugify_transliterated(text):
            return ""
        max_length = self.model._meta.get_field("slug").max_length
        return unique_slug(self.model, text, instance_pk=object_pk, max_length=max_length)

    def get_urls(self):
        opts = self.model._meta
        preview = path(
            "slug-preview/",
            self.admin_site.admin_view(self.slug_preview_view),
            name=f"{opts.app_label}_{opts.model_name}_slug_preview",
        )
        return [preview, *super().get_urls()]

    @property
    def media(self):
        return super().media + forms.Media(js=[forms.Script("js/admin/slug-preview.js", defer=True)])

    def slug_preview_view(self, request):
        return require_safe(self._slug_preview)(request)

    def _slug_preview(self, request):
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.GET.get("text", "")[:MAX_SOURCE_LENGTH]
        raw_pk = request.GET.get("object", "")
        object_pk = int(raw_pk) if raw_pk.isascii() and raw_pk.isdigit() else None
        response = JsonResponse({"slug": self.preview_slug(text, object_pk)})
        add_never_cache_headers(response)
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if self.slug_from is None:
            return form_class
        opts = self.model._meta
        url = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_slug_preview")
        source = self.slug_from

        class FormWithSlugPreview(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "slug" in self.fields and source in self.fields:
                    self.fields["slug"].widget.attrs.update(
                        {
                            "data-slug-url": url,
                            "data-slug-from": self[source].auto_id,
                            "data-slug-object": self.instance.pk or "",
                        }
                    )

        FormWithSlugPreview.__name__ = form_class.__name__
        return FormWithSlugPreview
