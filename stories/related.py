"""Related stories for the story page's sidebar."""

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils.translation import get_language

from stories.models import Story, TaggedCountry, TaggedTheme
from stories.models.querysets import in_translation_groups

# Ranking looks at this many of the newest candidates only, so the cost stays flat
# however many stories share a country.
CANDIDATE_POOL = 200


def related_stories(story, *, countries, themes, limit=3):
    """Published stories sharing the most themes and countries with `story`, newest first
    among equals; never the story itself. One query."""
    country_ids = [country.pk for country in countries]
    theme_ids = [theme.pk for theme in themes]
    if not country_ids and not theme_ids:
        return []
    # Correlated EXISTS probes: the newest stories are read along the ordering index until the
    # pool is full, instead of first listing every story that shares a country or theme.
    sharing = Exists(TaggedTheme.objects.filter(content_object=OuterRef("pk"), tag__in=theme_ids)) | Exists(
        TaggedCountry.objects.filter(content_object=OuterRef("pk"), tag__in=country_ids)
    )
    # Never the story itself, nor the same story in another language.
    original_pk = story.translation_of_id or story.pk
    stories = Story.objects.published().in_language(get_language()).filter(sharing)
    candidates = stories.exclude(in_translation_groups([original_pk])).values("pk")[:CANDIDATE_POOL]
    shared = Count("tagged_themes", filter=Q(tagged_themes__tag__in=theme_ids), distinct=True) + Count(
        "tagged_countries",
        filter=Q(tagged_countries__tag__in=country_ids),
        distinct=True,
    )
    ranked = (
        Story.objects.filter(pk__in=Subquery(candidates))
        .annotate(shared_tags=shared)
        .order_by("-shared_tags", "-published_at", "-pk")
        .only("title", "slug", "published_at", "summary", "language")
    )
    return list(ranked[:limit])
