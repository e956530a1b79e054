import re

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Q, Subquery, Value, prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from taggit.models import Tag

from stories import content_state
from stories.editorial.preview import PreviewLinkExpired, PreviewLinkInvalid, story_pk_from_token
from stories.feeds import CountryStoriesFeed, ThemeStoriesFeed
from stories.models import Country, Story, StorySlug, TaggedCountry, TaggedTheme, Theme
from stories.related import related_stories
from stories.search import clean_query, load_results, query_terms, rank_stories, with_snippets
from stories.sharing import cards as share_images
from stories.sharing.links import share_links
from stories.sharing.metadata import feed_links, page_meta, story_meta, summarise
from stories.sharing.structured_data import vocabulary_breadcrumbs, website

STORIES_PER_PAGE = 12
SLUG = re.compile(r"[-\w]+")


class CachedCountPaginator(Paginator):
    """A paginator whose COUNT(*), the one query that grows with the table, is computed once
    per content version (see content_state.cached_value) instead of on every request."""

    def __init__(self, object_list, per_page, *, request, count_name):
        super().__init__(object_list, per_page)
        self.request = request
        self.count_name = count_name

    @cached_property
    def count(self):
        return content_state.cached_value(self.request, f"count:{self.count_name}", self.object_list.count)


def paginate(request, stories, *, count_name=None, per_page=STORIES_PER_PAGE):
    """The requested page, or 404 for page=0, -1, abc or past the end (never a 500).
    `count_name` names a queryset for its cached count: equal names must mean equal lists;
    a list needs none."""
    number = request.GET.get("page", "1")
    if not number.isdigit() or len(number) > 6:
        raise Http404(_("There is no such page."))
    if count_name is None:
        paginator = Paginator(stories, per_page)
    else:
        paginator = CachedCountPaginator(stories, per_page, request=request, count_name=count_name)
    try:
        page = paginator.page(int(number))
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None
    page.elided_range = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return page


def paginated_canonical_url(request, page):
    """The page's own address without tracking or filter parameters, but with its page number:
    page 2 is not a copy of page 1."""
    query = f"?page={page.number}" if page.number > 1 else ""
    return settings.SITE_URL + request.path + query


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

    return content_state.cached_value(request, "story-counts", count_by_tag)


def with_story_counts(request, vocabulary, kind):
    """Countries or themes with the number of stories a reader can see under each."""
    counts = story_counts(request)[kind]
    items = list(vocabulary.objects.all())
    for item in items:
        item.story_count = counts.get(item.pk, 0)
    return items


def footnoted_countries(*, countries=(), stories=()):
    """The countries a page names that carry a footnote, for the page's footer. Works on
    objects the page has already loaded (prefetched), so it costs no query."""
    found = {country.pk: country for country in countries if country.footnote}
    for story in stories:
        found.update((country.pk, country) for country in story.countries.all() if country.footnote)
    return sorted(found.values(), key=lambda country: (country.sort_order, country.name))


@require_safe
def home(request):
    published = Story.objects.published()
    featured = published.filter(is_featured=True).first()
    newest = list(published[:7])
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
            "footnoted_countries": footnoted_countries(
                countries=countries, stories=[featured, *latest] if featured else []
            ),
            "themes": with_story_counts(request, Theme, "theme"),
            "meta": page_meta(request, structured_data=[website(get_language())]),
        },
    )


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


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    # The forms' lists double as the filters' lookups: no query per filter.
    countries = list(Country.objects.all())
    themes = list(Theme.objects.all())
    country = pick_filter(request, "country", countries)
    theme = pick_filter(request, "theme", themes)
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


def pick_filter(request, param, choices):
    """The country or theme named by ?param=<slug> among `choices`; None if empty, 404 if unknown."""
    slug = request.GET.get(param)
    if not slug:
        return None
    for choice in choices:
        if choice.slug == slug:
            return choice
    raise Http404(_("There is no such filter."))


@require_safe
def country_list(request):
    countries = with_story_counts(request, Country, "country")
    return render(
        request,
        "stories/country_list.html",
        {
            "countries": countries,
            "footnoted_countries": footnoted_countries(countries=countries),
            "meta": page_meta(request, _("Countries")),
        },
    )


@require_safe
def theme_list(request):
    return render(
        request,
        "stories/theme_list.html",
        {"themes": with_story_counts(request, Theme, "theme"), "meta": page_meta(request, _("Themes"))},
    )


def vocabulary_meta(request, item, page, *, list_name, list_url_name, feed):
    """A country's or theme's page: its description, breadcrumbs and its own feeds."""
    return page_meta(
        request,
        item.name,
        summarise(item.description),
        canonical_url=paginated_canonical_url(request, page),
        feeds=feed_links(feed.title(item), feed.url_name, feed.url_name + "_atom", slug=item.slug),
        structured_data=[vocabulary_breadcrumbs(item, list_name=list_name, list_url_name=list_url_name)],
    )


def vocabulary_page(request, vocabulary, slug, *, list_name, list_url_name, feed):
    """A country's or theme's landing page: its description and its stories."""
    item = get_object_or_404(vocabulary, slug=slug)
    kind = vocabulary.filter_parameter  # "country" or "theme"
    stories = Story.objects.published().tagged(**{kind: item}).for_cards()
    page = paginate(request, stories, count_name=f"{kind}:{item.pk}")
    meta = vocabulary_meta(request, item, page, list_name=list_name, list_url_name=list_url_name, feed=feed)
    named_countries = [item] if vocabulary is Country else []
    return render(
        request,
        f"stories/{kind}_detail.html",
        {
            kind: item,
            "page": page,
            "meta": meta,
            "footnoted_countries": footnoted_countries(countries=named_countries, stories=page.object_list),
        },
    )


@require_safe
def country_detail(request, slug):
    return vocabulary_page(
        request, Country, slug, list_name=_("Countries"), list_url_name="stories:countries", feed=CountryStoriesFeed()
    )


@require_safe
def theme_detail(request, slug):
    return vocabulary_page(
        request, Theme, slug, list_name=_("Themes"), list_url_name="stories:themes", feed=ThemeStoriesFeed()
    )


@require_safe
def story_detail(request, slug):
    story = Story.objects.published().prefetch_related("contributors", "gallery_images").filter(slug=slug).first()
    if story is None:
        return redirect_old_slug(request, slug)
    story_url = settings.SITE_URL + story.get_absolute_url()
    context = story_page_context(story, request)
    context.update(
        story_url=story_url,
        share_links=share_links(story_url, story.title),
        meta=story_meta(
            request,
            story,
            countries=context["countries"],
            themes=context["themes"],
            contributors=context["contributors"],
        ),
    )
    return render(request, "stories/story_detail.html", context)


def redirect_old_slug(request, slug):
    """A published story's former address answers with a permanent redirect to its current one."""
    old = get_object_or_404(StorySlug.objects.filter(story__in=Story.objects.published()), slug=slug)
    return redirect_keeping_query(request, old.story.get_absolute_url())


def redirect_keeping_query(request, path):
    """A 301 to `path` on SITE_URL, keeping the query string (utm_* and the like) as it came."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(settings.SITE_URL + path + (f"?{query}" if query else ""))


@require_safe
def story_short_link(request, pk):
    story = get_object_or_404(Story.objects.published().only("slug"), pk=pk)
    return redirect_keeping_query(request, story.get_absolute_url())


CARD_CACHE_CONTROL = "public, max-age=31536000, immutable"


def jpeg_response(content):
    response = HttpResponse(content, content_type="image/jpeg")
    # The URL names the card's content: it can be cached forever.
    response["Cache-Control"] = CARD_CACHE_CONTROL
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_safe
def story_social_card(request, pk, digest):
    """A published story's share card; an outdated digest redirects to the current card."""
    story = get_object_or_404(Story.objects.published(), pk=pk)
    current = share_images.story_card_digest(story)
    if digest != current:
        return redirect("stories:social_card", pk=story.pk, digest=current, permanent=True)
    return jpeg_response(share_images.story_card_jpeg(story, current))


@require_safe
def default_social_card(request, digest):
    """The branded card of pages that have no image of their own."""
    current = share_images.default_card_digest()
    if digest != current:
        return redirect("stories:default_social_card", digest=current, permanent=True)
    return jpeg_response(share_images.default_card_jpeg(current))


@require_safe
@never_cache
def story_preview(request, token):
    """An unpublished or scheduled story as it will look, for whoever holds a signed link."""
    try:
        story_pk = story_pk_from_token(token)
    except PreviewLinkExpired:
        return preview_refused(request, _("This preview link has expired. Ask the editor for a new one."), 403)
    except PreviewLinkInvalid:
        return preview_refused(request, _("This preview link is not valid. Check that it was copied in full."), 404)
    story = Story.objects.prefetch_related("countries", "themes", "contributors", "gallery_images").filter(pk=story_pk)
    story = story.first()
    if story is None:
        return preview_refused(request, _("This story no longer exists."), 404)
    if story.is_public:
        return redirect(story)
    context = story_page_context(story)
    context.update(story_url=settings.SITE_URL + request.path, share_links=[], is_preview=True)
    return with_preview_headers(render(request, "stories/story_preview.html", context))


def preview_refused(request, message, status):
    response = render(request, "stories/preview_refused.html", {"message": message}, status=status)
    return with_preview_headers(response)


def with_preview_headers(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the link is the key: never hand it to another site
    return response


def story_page_context(story, request=None):
    """Everything the story page shows around the story itself."""
    # For one story, plain queries through the tag tables cost less than taggit's prefetch.
    countries = list(Country.objects.filter(tagged_stories__content_object=story))
    themes = list(Theme.objects.filter(tagged_stories__content_object=story))
    # The stories around this one change only when stories do: computed once per content version.
    around = content_state.cached_value(
        request, f"stories-around:{story.pk}", lambda: stories_around(story, countries, themes)
    )
    return {
        "story": story,
        "countries": countries,
        "themes": themes,
        "contributors": list(story.contributors.all()),
        "footnoted_countries": footnoted_countries(countries=countries),
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
            .only("title", "slug", "published_at", "language")[:4]
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
        .only("title", "slug", "published_at", "language")
    )
    previous_story = next_story = None
    for neighbour in pair:
        if (neighbour.published_at, neighbour.pk) < (story.published_at, story.pk):
            previous_story = neighbour
        else:
            next_story = neighbour
    return {"previous_story": previous_story, "next_story": next_story}
