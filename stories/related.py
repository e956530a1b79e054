"""Related stories for the story page's sidebar."""

from django.db.models import Count, Q

from stories.models import Story, TaggedCountry, TaggedTheme

# Ranking looks at this many of the newest candidates only, so the cost stays flat
# however many stories share a country.
CANDIDATE_POOL = 200


def related_stories(story, *, countries, themes, limit=3):
    """Published stories sharing the most themes and countries with `story`, newest first
    among equals; never the story itself. Two queries at most."""
    country_ids = [country.pk for country in countries]
    theme_ids = [theme.pk for theme in themes]
    if not country_ids and not theme_ids:
        return []
    sharing = Q(pk__in=TaggedTheme.objects.filter(tag__in=theme_ids).values("content_object")) | Q(
        pk__in=TaggedCountry.objects.filter(tag__in=country_ids).values("content_object")
    )
    candidate_ids = list(
        Story.objects.published().filter(sharing).exclude(pk=story.pk).values_list("pk", flat=True)[:CANDIDATE_POOL]
    )
    if not candidate_ids:
        return []
    shared = Count("tagged_themes", filter=Q(tagged_themes__tag__in=theme_ids), distinct=True) + Count(
        "tagged_countries",
        filter=Q(tagged_countries__tag__in=country_ids),
        distinct=True,
    )
    ranked = (
        Story.objects.filter(pk__in=candidate_ids)
        .annotate(shared_tags=shared)
        .order_by("-shared_tags", "-published_at", "-pk")
        .only("title", "slug", "published_at", "summary", "language")
    )
    return list(ranked[:limit])
