"""The story list, and its keyword listings (?tag=). Filtered by ?country= and ?theme= it still
answers, for old links and forms, but names the listing's own address as canonical
(stories/views/facets.py), and its facets link there."""

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from taggit.models import Tag

from balkanoscope.links import absolute_reverse, absolute_url
from balkanoscope.page_cache import page_cacheable
from stories.models import Story
from stories.sharing.metadata import page_meta
from stories.views.facets import facets, listing_path, vocabulary_counts
from stories.views.filters import requested_filter
from stories.views.pagination import paginate
from stories.views.vocabulary_counts import footnoted_countries


@page_cacheable
@require_safe
def story_list(request):
    counts = vocabulary_counts(request)
    filters = {
        "country": requested_filter(request, "country", counts.countries),
        "theme": requested_filter(request, "theme", counts.themes),
        "keyword": requested_filter(request, "tag", Tag.objects.all()),
    }
    language = get_language()
    stories = Story.objects.published().in_language(language).tagged(**filters).for_cards()
    active_filters = [
        (param, value) for param, value in zip(["country", "theme", "tag"], filters.values(), strict=True) if value
    ]
    page = paginate(
        request,
        stories,
        count_name=f"list:{language}:" + ":".join(str(getattr(f, "pk", "")) for f in filters.values()),
    )
    keyword = filters["keyword"]
    title = _("Stories") if keyword is None else _("Keyword: %(keyword)s") % {"keyword": keyword.name}
    if page.number > 1:
        title = _("%(title)s · page %(number)s") % {"title": title, "number": page.number}
    return render(
        request,
        "stories/story_list.html",
        {
            "page": page,
            "title": title,
            "active_filters": active_filters,
            # A keyword listing has a filter of its own: its facets would multiply the pages.
            "facets": None if keyword else facets(counts, country=filters["country"], theme=filters["theme"]),
            "footnoted_countries": footnoted_countries(
                countries=[filters["country"]] if filters["country"] else [], stories=page.object_list
            ),
            "meta": page_meta(request, title, canonical_url=list_canonical_url(counts, page, **filters)),
            **filters,
        },
    )


def list_canonical_url(counts, page, *, country, theme, keyword):
    """The listing's own address, with its page number: a keyword's listing /stories/?tag=…
    (a country or theme added to it narrows it, but is not a page of its own), else the
    country × theme listing, or /stories/ when that has no stories (and so no page)."""
    query = {"page": page.number} if page.number > 1 else {}
    if keyword is not None:
        return absolute_reverse("stories:list", query={"tag": keyword.slug, **query})
    path = listing_path(country, theme) if counts.count(country, theme) else listing_path()
    return absolute_url(path + (f"?page={page.number}" if query else ""))
