"""Admin registrations of the stories app; the story admin lives in stories/editorial/."""

from django.contrib import admin

from stories.editorial import story_admin  # noqa: F401 (registers StoryAdmin)
from stories.editorial.revisions import HistoryAdmin
from stories.editorial.slug_preview import SlugPreviewAdmin
from stories.models import Contributor, Country, Theme


class VocabularyAdmin(SlugPreviewAdmin, HistoryAdmin):
    list_display = ["name", "slug", "sort_order"]
    list_editable = ["sort_order"]
    search_fields = ["name"]
    slug_from = "name"


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
