"""The search page."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balkanoscope.page_cache import page_cacheable
from stories.models import Country, Theme
from stories.search import clean_query, load_results, query_terms, rank_stories, with_snippets
from stories.sharing.metadata import page_meta
from stories.views.filters import requested_filter
from stories.views.pagination import paginate
from stories.views.vocabulary_counts import all_of, footnoted_countries


@page_cacheable
@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    # The forms' lists double as the filters' lookups: no query per filter (and cached).
    countries = all_of(request, Country)
    themes = all_of(request, Theme)
    country = requested_filter(request, "country", countries)
    theme = requested_filter(request, "theme", themes)
    page = ranking = None
    if query_terms(query):
        ranking = rank_stories(query, country=country, theme=theme)
        page = paginate(request, ranking.story_ids)
        page.object_list = with_snippets(load_results(page.object_list), query)
    active_filters = [(param, value) for param, value in [("country", country), ("theme", theme)] if value]
    return render(
        request,
        "stories/search.html",
        {
            "query": query,
            "page": page,
            # Past search.MAX_RANKED_MATCHES the oldest matches are left out: the page says so.
            "more_results_than": ranking.more_than if ranking else None,
            "countries": countries,
            "themes": themes,
            "country": country,
            "theme": theme,
            "active_filters": active_filters,
            "footnoted_countries": footnoted_countries(stories=page.object_list if page else []),
            "meta": page_meta(request, _("Search")),
        },
    )
