from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Q, Subquery, Value, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from taggit.models import Tag

from balkanoscope import page_cache
from stories.models import Country, Story, TaggedCountry, TaggedTheme, Theme
from stories.related import related_stories
from stories.sharing import share_links

STORIES_PER_PAGE = 12


class CachedCountPaginator(Paginator):
    """A paginator whose COUNT(*), the one query that grows with the table, is computed once
    per content version (see page_cache.cached_value) instead of on every request."""

    def __init__(self, object_list, per_page, *, request, count_name):
        super().__init__(object_list, per_page)
        self.request = request
        self.count_name = count_name

    @cached_property
    def count(self):
        return page_cache.cached_value(self.request, f"count:{self.count_name}", self.object_list.count)


def paginate(request, queryset, *, count_name, per_page=STORIES_PER_PAGE):
    """The requested page, or 404 for page=0, -1, abc or past the end (never a 500).
    `count_name` names the list for the cached count: equal names must mean equal lists."""
    number = request.GET.get("page", "1")
    if not number.isdigit() or len(number) > 6:
        raise Http404(_("There is no such page."))
    try:
        page = CachedCountPaginator(queryset, per_page, request=request, count_name=count_name).page(int(number))
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None
    page.elided_range = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return page


def story_counts(request):
    """How many stories a reader can see under each country and each theme. Counting reads
    every published story's tags, so it is one query, cached per content version."""

    def count_by_tag():
        published = Story.objects.published().values("pk")
        per_tag = [
            tagged.objects.filter(content_object__in=published)
            .values("tag")
            .annotate(kind=Value(kind), total=Count("pk"))
            .values_list("kind", "tag", "total")
            for kind, tagged in (("country", TaggedCountry), ("theme", TaggedTheme))
        ]
        counts = {"country": {}, "theme": {}}
        for kind, tag, total in per_tag[0].union(per_tag[1], all=True):
            counts[kind][tag] = total
        return counts

    return page_cache.cached_value(request, "story-counts", count_by_tag)


def with_story_counts(request, vocabulary, kind):
    """Countries or themes with the number of stories a reader can see under each."""
    counts = story_counts(request)[kind]
    items = list(vocabulary.objects.all())
    for item in items:
        item.story_count = counts.get(item.pk, 0)
    return items


def home(request):
    published = Story.objects.published()
    featured = published.filter(is_featured=True).first()
    newest = list(published[:7])
    if featured is None and newest:
        featured = newest[0]
    latest = [story for story in newest if story.pk != getattr(featured, "pk", None)][:6]
    # One prefetch for every card on the page.
    prefetch_related_objects([story for story in [featured, *latest] if story], "countries", "themes")
    return render(
        request,
        "stories/home.html",
        {
            "featured": featured,
            "latest": latest,
            "countries": with_story_counts(request, Country, "country"),
            "themes": with_story_counts(request, Theme, "theme"),
        },
    )


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
    return render(
        request,
        "stories/story_list.html",
        {
            "page": paginate(
                request, stories, count_name="list:" + ":".join(str(getattr(f, "pk", "")) for f in filters.values())
            ),
            "active_filters": active_filters,
            **filters,
        },
    )


def lookup_filter(request, param, model):
    """The country, theme or keyword named by ?param=<slug>; 404 if it does not exist."""
    slug = request.GET.get(param)
    if slug is None:
        return None
    if len(slug) > 100:
        raise Http404(_("There is no such filter."))
    return get_object_or_404(model, slug=slug)


def country_list(request):
    return render(request, "stories/country_list.html", {"countries": with_story_counts(request, Country, "country")})


def theme_list(request):
    return render(request, "stories/theme_list.html", {"themes": with_story_counts(request, Theme, "theme")})


def country_detail(request, slug):
    country = get_object_or_404(Country, slug=slug)
    stories = Story.objects.published().tagged(country=country).for_cards()
    return render(
        request,
        "stories/country_detail.html",
        {"country": country, "page": paginate(request, stories, count_name=f"country:{country.pk}")},
    )


def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    stories = Story.objects.published().tagged(theme=theme).for_cards()
    return render(
        request,
        "stories/theme_detail.html",
        {"theme": theme, "page": paginate(request, stories, count_name=f"theme:{theme.pk}")},
    )


def story_detail(request, slug):
    story = get_object_or_404(Story.objects.published().prefetch_related("contributors"), slug=slug)
    story_url = settings.SITE_URL + story.get_absolute_url()
    context = story_page_context(story, request)
    context.update(story_url=story_url, share_links=share_links(story_url, story.title))
    return render(request, "stories/story_detail.html", context)


def story_page_context(story, request=None):
    """Everything the story page shows around the story itself."""
    # For one story, plain queries through the tag tables cost less than taggit's prefetch.
    countries = list(Country.objects.filter(tagged_stories__content_object=story))
    themes = list(Theme.objects.filter(tagged_stories__content_object=story))
    # The stories around this one change only when stories do: computed once per content version.
    around = page_cache.cached_value(
        request, f"stories-around:{story.pk}", lambda: stories_around(story, countries, themes)
    )
    return {
        "story": story,
        "countries": countries,
        "themes": themes,
        "first_country": countries[0] if countries else None,
        **around,
    }


def stories_around(story, countries, themes):
    """The sidebar's related stories and more from the story's first country, and the
    previous and next stories."""
    related = related_stories(story, countries=countries, themes=themes)
    more_from_country = []
    if countries:
        more_from_country = list(
            Story.objects.published()
            .tagged(country=countries[0])
            .exclude(pk__in=[story.pk, *(s.pk for s in related)])
            .only("title", "slug", "published_at")[:4]
        )
    return {"related_stories": related, "more_from_country": more_from_country, **adjacent_stories(story)}


def adjacent_stories(story):
    """The previous (older) and next (newer) published stories, in one query: each side is
    an index range probe from the story's place in the (published_at, id) order."""
    if story.published_at is None:
        return {"previous_story": None, "next_story": None}
    published = Story.objects.published()
    at = story.published_at
    older = Story.objects.published(until=at).exclude(published_at=at, pk__gte=story.pk)
    newer = published.filter(published_at__gte=at).exclude(published_at=at, pk__lte=story.pk)
    pair = (
        Story.objects.filter(
            Q(pk=Subquery(older.order_by("-published_at", "-pk").values("pk")[:1]))
            | Q(pk=Subquery(newer.order_by("published_at", "pk").values("pk")[:1]))
        )
        .order_by()
        .only("title", "slug", "published_at")
    )
    previous_story = next_story = None
    for neighbour in pair:
        if (neighbour.published_at, neighbour.pk) < (story.published_at, story.pk):
            previous_story = neighbour
        else:
            next_story = neighbour
    return {"previous_story": previous_story, "next_story": next_story}
