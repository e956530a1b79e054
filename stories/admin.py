"""Admin registrations of the stories app; the story admin lives in stories/editorial/."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from stories.editorial import story_admin  # noqa: F401 (registers StoryAdmin)
from stories.editorial.revisions import HistoryAdmin
from stories.editorial.slug_preview import SlugPreviewAdmin
from stories.models import Contributor, Country, Theme


class VocabularyAdmin(TranslationAdmin, SlugPreviewAdmin, HistoryAdmin):
    """Names and descriptions in every language (stories/translation.py): the form shows one
    field per language; the slug is made once, from the English name, and never changes."""

    list_display = ["name", "slug", "sort_order"]
    list_editable = ["sort_order"]
    search_fields = ["name"]
    slug_from = "name_en"  # the English name's field (modeltranslation)


@admin.register(Country)
class CountryAdmin(VocabularyAdmin):
    fields = ["name", "slug", "description", "footnote", "sort_order"]


@admin.register(Theme)
class ThemeAdmin(VocabularyAdmin):
    fields = ["name", "slug", "description", "sort_order"]


@admin.register(Contributor)
class ContributorAdmin(SlugPreviewAdmin, HistoryAdmin):
    list_display = ["name", "role", "slug", "user"]
    list_filter = ["role"]
    search_fields = ["name", "bio"]
    slug_from = "name"
    autocomplete_fields = ["user"]  # the login that writes under this byline
