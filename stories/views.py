from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from taggit.models import Tag

from stories.models import Country, Story, Theme
from stories.related import related_stories
from stories.search import clean_query, query_terms, search_stories, with_snippets
from stories.sharing import share_links

STORIES_PER_PAGE = 12


def paginate(request, queryset, per_page=STORIES_PER_PAGE):
    """The requested page, or 404 for page=0, -1, abc or past the end (never a 500)."""
    number = request.GET.get("page", "1")
    if not number.isdigit() or len(number) > 6:
        raise Http404(_("There is no such page."))
    try:
        page = Paginator(queryset, per_page).page(int(number))
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None
    page.elided_range = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return page


def with_story_counts(vocabulary):
    """Countries or themes with the number of stories a reader can see under each."""
    now = timezone.now()
    published = Q(
        tagged_stories__content_object__status=Story.Status.PUBLISHED,
        tagged_stories__content_object__published_at__lte=now,
    )
    return vocabulary.objects.annotate(story_count=Count("tagged_stories", filter=published))


def home(request):
    published = Story.objects.published().for_cards()
    featured = published.filter(is_featured=True).first()
    newest = list(published[:7])
    if featured is None and newest:
        featured = newest[0]
    latest = [story for story in newest if story.pk != getattr(featured, "pk", None)][:6]
    return render(
        request,
        "stories/home.html",
        {
            "featured": featured,
            "latest": latest,
            "countries": with_story_counts(Country),
            "themes": with_story_counts(Theme),
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
            "page": paginate(request, stories),
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


def search(request):
    query = clean_query(request.GET.get("q", ""))
    # The forms' lists double as the filters' lookups: no query per filter.
    countries = list(Country.objects.all())
    themes = list(Theme.objects.all())
    country = pick_filter(request, "country", countries)
    theme = pick_filter(request, "theme", themes)
    page = None
    if query_terms(query):
        page = paginate(request, search_stories(query, country=country, theme=theme))
        page.object_list = with_snippets(page.object_list, query)
    active_filters = [(param, value) for param, value in [("country", country), ("theme", theme)] if value]
    return render(
        request,
        "stories/search.html",
        {
            "query": query,
            "page": page,
            "countries": countries,
            "themes": themes,
            "country": country,
            "theme": theme,
            "active_filters": active_filters,
        },
    )


def pick_filter(request, param, choices):
    """The country or theme named by ?param=<slug> among `choices`; None if empty, 404 if unknown."""
    slug = request.GET.get(param)
    if not slug:
        return None
    for choice in choices:
        if choice.slug == slug:
            return choice
    raise Http404(_("There is no such filter."))


def country_list(request):
    return render(request, "stories/country_list.html", {"countries": with_story_counts(Country)})


def theme_list(request):
    return render(request, "stories/theme_list.html", {"themes": with_story_counts(Theme)})


def country_detail(request, slug):
    country = get_object_or_404(Country, slug=slug)
    stories = Story.objects.published().tagged(country=country).for_cards()
    return render(
        request,
        "stories/country_detail.html",
        {"country": country, "page": paginate(request, stories)},
    )


def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    stories = Story.objects.published().tagged(theme=theme).for_cards()
    return render(
        request,
        "stories/theme_detail.html",
        {"theme": theme, "page": paginate(request, stories)},
    )


def story_detail(request, slug):
    story = get_object_or_404(
        Story.objects.published().prefetch_related("countries", "themes", "contributors"),
        slug=slug,
    )
    story_url = settings.SITE_URL + story.get_absolute_url()
    context = story_page_context(story)
    context.update(story_url=story_url, share_links=share_links(story_url, story.title))
    return render(request, "stories/story_detail.html", context)


def story_page_context(story):
    """Everything the story page shows around the story itself."""
    published = Story.objects.published()
    countries = list(story.countries.all())
    themes = list(story.themes.all())
    related = related_stories(story, countries=countries, themes=themes)
    more_from_country = []
    if countries:
        more_from_country = list(
            published.tagged(country=countries[0]).exclude(pk__in=[story.pk, *(s.pk for s in related)])[:4]
        )
    neighbours = adjacent_stories(story)
    return {
        "story": story,
        "countries": countries,
        "themes": themes,
        "related_stories": related,
        "more_from_country": more_from_country,
        "first_country": countries[0] if countries else None,
        **neighbours,
    }


def adjacent_stories(story):
    """The previous (older) and next (newer) published stories, in one query."""
    if story.published_at is None:
        return {"previous_story": None, "next_story": None}
    published = Story.objects.published().only("title", "slug", "published_at")
    older = published.filter(
        Q(published_at__lt=story.published_at) | Q(published_at=story.published_at, pk__lt=story.pk)
    )
    newer = published.filter(
        Q(published_at__gt=story.published_at) | Q(published_at=story.published_at, pk__gt=story.pk)
    )
    pair = published.filter(
        Q(pk=Subquery(older.order_by("-published_at", "-pk").values("pk")[:1]))
        | Q(pk=Subquery(newer.order_by("published_at", "pk").values("pk")[:1]))
    )
    previous_story = next_story = None
    for neighbour in pair:
        if (neighbour.published_at, neighbour.pk) < (story.published_at, story.pk):
            previous_story = neighbour
        else:
            next_story = neighbour
    return {"previous_story": previous_story, "next_story": next_story}
