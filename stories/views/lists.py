"""The story list, filtered by country, theme or keyword."""

import re

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from taggit.models import Tag

from stories.models import Country, Story, Theme
from stories.sharing.metadata import page_meta
from stories.views.pagination import paginate, paginated_canonical_url
from stories.views.vocabulary_counts import footnoted_countries

SLUG = re.compile(r"[-\w]+")


@require_safe
def story_list(request):
    filters = {
        "country": lookup_filter(request, "country", Country),
        "theme": lookup_filter(request, "theme", Theme),
        "keyword": lookup_filter(request, "tag", Tag),
    }
    stories = Story.objects.published().tagged(**filters).for_cards()
    active_filters = [
        (param, value) for param, value in zip(["country", "theme", "tag"], filters.values(), strict=True) if value
    ]
    page = paginate(
        request, stories, count_name="list:" + ":".join(str(getattr(f, "pk", "")) for f in filters.values())
    )
    title = _("Stories")
    if page.number > 1:
        title = _("%(title)s · page %(number)s") % {"title": title, "number": page.number}
    return render(
        request,
        "stories/story_list.html",
        {
            "page": page,
            "active_filters": active_filters,
            "footnoted_countries": footnoted_countries(
                countries=[filters["country"]] if filters["country"] else [], stories=page.object_list
            ),
            "meta": page_meta(request, title, canonical_url=paginated_canonical_url(request, page)),
            **filters,
        },
    )


def lookup_filter(request, param, model):
    """The country, theme or keyword named by ?param=<slug>; 404 if it does not exist."""
    slug = request.GET.get(param)
    if slug is None:
        return None
    # Slugs are short words and hyphens; anything else (NUL bytes, markup, a megabyte of text)
    # cannot name a filter and must not reach the database.
    if len(slug) > 100 or not SLUG.fullmatch(slug):
        raise Http404(_("There is no such filter."))
    return get_object_or_404(model, slug=slug)
