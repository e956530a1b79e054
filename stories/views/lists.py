"""The story list, filtered by country, theme or keyword."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from taggit.models import Tag

from stories.models import Country, Story, Theme
from stories.sharing.metadata import page_meta
from stories.views.filters import requested_filter
from stories.views.pagination import paginate, paginated_canonical_url
from stories.views.vocabulary_counts import footnoted_countries


@require_safe
def story_list(request):
    filters = {
        "country": requested_filter(request, "country", Country.objects.all()),
        "theme": requested_filter(request, "theme", Theme.objects.all()),
        "keyword": requested_filter(request, "tag", Tag.objects.all()),
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
