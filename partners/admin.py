from django import forms
from django.contrib import admin
from django.db import models

from partners.models import Page, Partner
from stories.editorial.admin_base import EditorialAdmin
from stories.editorial.rich_text import rich_text_field
from stories.editorial.slug_preview import SlugPreviewAdmin


@admin.register(Partner)
class PartnerAdmin(SlugPreviewAdmin, EditorialAdmin):
    list_display = ["name", "short_name", "founded_year", "sort_order", "is_listed"]
    list_editable = ["sort_order", "is_listed"]
    search_fields = ["name", "short_name", "description"]
    slug_from = "name"  # filled in by the server's transliteration (stories/editorial/slug_preview.py)
    # "example.org" typed without a scheme means https://example.org (Django 6's default).
    formfield_overrides = {models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}}


class PageAdminForm(forms.ModelForm):
    body = rich_text_field(required=False)

    class Meta:
        model = Page
        fields = ["title", "slug", "intro", "body"]


@admin.register(Page)
class PageAdmin(SlugPreviewAdmin, EditorialAdmin):
    form = PageAdminForm
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "intro", "body"]
    slug_from = "title"
