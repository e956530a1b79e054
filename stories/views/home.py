"""The home page."""

from django.db.models import Q, Subquery, prefetch_related_objects
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from balkanoscope.page_cache import page_cacheable
from stories.models import Country, Story, Theme
from stories.readership.reports import most_read_links
from stories.sharing.metadata import page_meta
from stories.sharing.structured_data import website
from stories.views.country_map import map_tiles
from stories.views.vocabulary_counts import footnoted_countries, with_story_counts


@page_cacheable
@require_safe
def home(request):
    published = Story.objects.published().in_language(get_language())
    # The newest featured story and the seven newest, in one query: two index probes find their
    # ids, and the outer query only looks those up (repeating the publication rules there made
    # the database test every story against them).
    newest_featured = published.filter(is_featured=True).values("pk")[:1]
    newest_seven = published.values("pk")[:7]
    shown = list(
        Story.objects.filter(Q(pk=Subquery(newest_featured)) | Q(pk__in=Subquery(newest_seven))).order_by(
            "-published_at", "-pk"
        )
    )
    featured = next((story for story in shown if story.is_featured), None)
    # An eighth story is the featured one, older than the seven newest.
    newest = [story for story in shown if story is not featured] if len(shown) > 7 else shown
    if featured is None and newest:
        featured = newest[0]
    latest = [story for story in newest if story.pk != getattr(featured, "pk", None)][:6]
    # One prefetch for every card on the page.
    prefetch_related_objects([story for story in [featured, *latest] if story], "countries", "themes")
    countries = with_story_counts(request, Country, "country")
    return render(
        request,
        "stories/home.html",
        {
            "featured": featured,
            "latest": latest,
            "countries": countries,
            "country_tiles": map_tiles(countries),
            "footnoted_countries": footnoted_countries(
                countries=countries, stories=[featured, *latest] if featured else []
            ),
            "themes": with_story_counts(request, Theme, "theme"),
            "most_read": most_read_links(request),
            "meta": page_meta(request, structured_data=[website(get_language())]),
        },
    )
