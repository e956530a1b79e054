"""A story's page, its short link and its old addresses."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from balkanoscope.cache_tags import add_cache_tags
from balkanoscope.links import absolute_url
from balkanoscope.page_cache import page_cacheable
from stories import content_state
from stories.models import Story, StoryImage, StorySlug, WithdrawnAddress
from stories.related import related_stories
from stories.sharing.links import share_links
from stories.sharing.metadata import story_meta
from stories.sharing.translations import language_paths, other_languages, public_group
from stories.views.vocabulary_counts import footnoted_countries, vocabulary_of


@page_cacheable
@require_safe
def story_detail(request, slug):
    # The story and everything around it change only when the content does: looked up once per
    # content version and interface language, so a render that misses the page cache (page cache
    # off, a variant not yet cached, an entry pushed out) costs the template alone.
    page = content_state.cached_value(
        request, f"story-page:{get_language()}:{slug}", lambda: story_page(request, slug), keep_if=bool
    )
    if page is None:
        return redirect_old_slug(request, slug)
    request.language_paths = page["language_paths"]  # the switcher keeps the reader on this story
    add_cache_tags(request, *page["cache_tags"])
    return render(request, "stories/story_detail.html", page["context"])


def story_page(request, slug):
    """The published story at `slug` and the story page's context, or None."""
    story = (
        Story.objects.published()
        .with_translation_flag()
        .annotate(has_gallery=Exists(StoryImage.objects.filter(story=OuterRef("pk"))))
        .filter(slug=slug)
        .order_by()  # the slug is unique: without the list order the database seeks it in its own index
        .first()
    )
    if story is None:
        return None
    story_url = absolute_url(story.get_canonical_path())
    context = story_page_context(story, request)
    group = public_group(story, request)
    context.update(
        other_languages=other_languages(story, group),
        story_url=story_url,
        share_links=share_links(story_url, story.title),
        meta=story_meta(
            request,
            story,
            countries=context["countries"],
            themes=context["themes"],
            contributors=context["contributors"],
            group=group,
        ),
    )
    return {
        "context": context,
        "language_paths": language_paths(story, group),
        "cache_tags": story_cache_tags(story, context, group),
    }


def story_cache_tags(story, context, group):
    """What a caching proxy bans this page by (balkanoscope/cache_tags.py): every story,
    country, theme and contributor it shows."""
    shown = [story, *group, *context["related_stories"], *context["more_from_country"]]
    shown += [neighbour for neighbour in (context["previous_story"], context["next_story"]) if neighbour]
    return [
        "stories",
        *(f"story-{pk}" for pk in {shown_story.pk for shown_story in shown} | {story.translation_of_id} if pk),
        *(f"country-{country.pk}" for country in context["countries"]),
        *(f"theme-{theme.pk}" for theme in context["themes"]),
        *(f"contributor-{contributor.pk}" for contributor in context["contributors"]),
    ]


def redirect_old_slug(request, slug):
    """A published story's former address answers with a permanent redirect to its current one;
    any address of a withdrawn story with 410 Gone."""
    old = StorySlug.objects.filter(story__in=Story.objects.published(), slug=slug).select_related("story").first()
    if old is not None:
        return redirect_keeping_query(request, old.story.get_absolute_url())
    if WithdrawnAddress.is_withdrawn(slug):
        return story_withdrawn(request)
    raise Http404


def story_withdrawn(request):
    """410 Gone, on a page that says only that the story was withdrawn: no title, no name, no image."""
    response = render(request, "stories/story_withdrawn.html", status=410)
    response["X-Robots-Tag"] = "noindex"
    return response


def redirect_keeping_query(request, path):
    """A 301 to `path` on SITE_URL, keeping the query string (utm_* and the like) as it came."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(absolute_url(path + (f"?{query}" if query else "")))


@require_safe
def story_short_link(request, pk):
    story = Story.objects.published().only("slug", "language").filter(pk=pk).first()
    if story is not None:
        return redirect_keeping_query(request, story.get_canonical_path())
    if Story.objects.filter(pk=pk, status=Story.Status.WITHDRAWN).exists():
        return story_withdrawn(request)
    raise Http404


def story_page_context(story, request=None):
    """Everything the story page shows around the story itself."""
    countries, themes = vocabulary_of(request, story)
    # Computed once per content version: story_detail caches the whole page's data.
    around = stories_around(story, countries, themes)
    return {
        "story": story,
        "countries": countries,
        "themes": themes,
        "contributors": list(story.contributors.all()),
        "keywords": list(story.tags.all()),
        "gallery_images": gallery_of(story),
        "footnoted_countries": footnoted_countries(countries=countries),
        "first_country": countries[0] if countries else None,
        **around,
    }


def gallery_of(story):
    """The photographs under the story: a translation shows its original's
    (stories/models/translations.py); a story looked up with has_gallery=False costs no query."""
    if story.is_translation:
        return list(StoryImage.objects.filter(story_id=story.translation_of_id))
    return list(story.gallery_images.all()) if getattr(story, "has_gallery", True) else []


def stories_around(story, countries, themes):
    """The sidebar's related stories and more from the story's first country, and the
    previous and next stories."""
    related = related_stories(story, countries=countries, themes=themes)
    more_from_country = []
    if countries:
        more_from_country = list(
            Story.objects.published()
            .in_language(get_language())
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
    published = Story.objects.published().in_language(get_language())
    at = story.published_at
    older = Story.objects.published(until=at).in_language(get_language()).exclude(published_at=at, pk__gte=story.pk)
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
