"""Browsing by country × theme: the one canonical address of each combination, and the facets
a story listing offers, with counts that follow the current selection.

Every listing of stories by country and theme has one address: /stories/, /countries/<c>/,
/themes/<t>/ or /countries/<c>/themes/<t>/. The story list's ?country= and ?theme= redirect
there. Only combinations that have stories are linked, so crawlers find a finite set of pages.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from balkanoscope.links import reverse
from stories import content_state
from stories.models import Country, Story, TaggedCountry, Theme
from stories.views.vocabulary_counts import all_of, story_counts


@dataclass(frozen=True)
class VocabularyCounts:
    """The countries and themes, with how many published stories each has, alone and in pairs."""

    countries: list
    themes: list
    total: int
    country_totals: dict  # country pk → stories
    theme_totals: dict  # theme pk → stories
    pairs: dict  # (country pk, theme pk) → stories tagged with both

    def count(self, country=None, theme=None):
        """How many stories the listing of `country` and `theme` (either may be None) shows."""
        if country is not None and theme is not None:
            return self.pairs.get((country.pk, theme.pk), 0)
        if country is not None:
            return self.country_totals.get(country.pk, 0)
        if theme is not None:
            return self.theme_totals.get(theme.pk, 0)
        return self.total


@dataclass(frozen=True)
class FacetOption:
    name: str
    item: object  # the Country or Theme, None for "all"
    count: int
    url: str | None  # None for the selected option: the page itself
    is_selected: bool


@dataclass(frozen=True)
class Facets:
    countries: list[FacetOption]
    themes: list[FacetOption]
    themes_first: bool = False  # on a country's own page, its themes are the way on

    @property
    def groups(self):
        """(heading, options) of each facet, as the template shows them."""
        groups = [(_("Country"), self.countries), (_("Theme"), self.themes)]
        return groups[::-1] if self.themes_first else groups


def listing_path(country=None, theme=None):
    """The canonical path of the stories of `country` and `theme` (either may be None)."""
    if country is not None and theme is not None:
        return reverse("stories:country_theme", kwargs={"country": country.slug, "theme": theme.slug})
    if country is not None:
        return country.get_absolute_url()
    if theme is not None:
        return theme.get_absolute_url()
    return reverse("stories:list")


def pair_counts(language):
    """{(country pk, theme pk): published stories tagged with both, each once in `language`},
    in one grouped query."""
    rows = (
        TaggedCountry.objects.filter(content_object__in=Story.objects.published().in_language(language).values("pk"))
        .values("tag", "content_object__tagged_themes__tag")
        .annotate(total=Count("content_object", distinct=True))
        .values_list("tag", "content_object__tagged_themes__tag", "total")
        .order_by()
    )
    return {(country, theme): total for country, theme, total in rows if theme is not None}


def vocabulary_counts(request):
    """Countries, themes and every count the facets show: cached per content version, so a
    listing page pays one cache lookup for them whatever the number of stories."""

    language = get_language()  # lists count each story once, in the reader's language

    def compute():
        totals = story_counts(request)
        return VocabularyCounts(
            countries=all_of(request, Country),
            themes=all_of(request, Theme),
            total=Story.objects.published().in_language(language).count(),
            country_totals=totals["country"],
            theme_totals=totals["theme"],
            pairs=pair_counts(language),
        )

    return content_state.cached_value(request, f"vocabulary-counts:{language}", compute)


def facet_options(items, selected, count_of, path_of, all_name, all_count, all_path):
    """ "All" first, then each item that has stories (or is selected). Each option links to the
    listing its count counts, except the selected one, which is the page itself: "All" removes it."""
    options = [FacetOption(str(all_name), None, all_count, None if selected is None else all_path, selected is None)]
    for item in items:
        is_selected = selected is not None and item.pk == selected.pk
        count = count_of(item)
        if count or is_selected:
            options.append(FacetOption(item.name, item, count, None if is_selected else path_of(item), is_selected))
    return options


def facets(counts, *, country=None, theme=None):
    """The country and theme facets of the listing of `country` × `theme`: each count is the
    number of stories the option's link lists."""
    return Facets(
        countries=facet_options(
            counts.countries,
            country,
            count_of=lambda item: counts.count(item, theme),
            path_of=lambda item: listing_path(item, theme),
            all_name=_("All countries"),
            all_count=counts.count(None, theme),
            all_path=listing_path(None, theme),
        ),
        themes=facet_options(
            counts.themes,
            theme,
            count_of=lambda item: counts.count(country, item),
            path_of=lambda item: listing_path(country, item),
            all_name=_("All themes"),
            all_count=counts.count(country, None),
            all_path=listing_path(country, None),
        ),
        themes_first=country is not None and theme is None,
    )
