"""How many stories each country and theme has, and the countries a page must footnote."""

from django.db.models import Count, Value
from django.utils.translation import get_language

from stories import content_state
from stories.models import Country, Story, TaggedCountry, TaggedTheme, Theme


def story_counts(request):
    """How many stories a reader can see under each country and each theme. Counting reads
    every published story's tags, so it is one query, cached per content version."""

    def count_by_tag():
        published = Story.objects.published().in_language(language).values("pk")
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

    language = get_language()
    return content_state.cached_value(request, f"story-counts:{language}", count_by_tag)


def all_of(request, vocabulary):
    """Every country or every theme, cached per content version: each object carries its names
    in every language (django-modeltranslation), so one list serves every interface language."""
    return content_state.cached_value(
        request, f"vocabulary:{vocabulary._meta.model_name}", lambda: list(vocabulary.objects.all())
    )


def vocabulary_of(request, story):
    """(countries, themes) a story is tagged with, in their lists' order: one query of the two
    tag tables for the ids, the objects from all_of()'s cached lists."""
    tagged = [
        model.objects.filter(content_object=story).annotate(kind=Value(kind)).values_list("kind", "tag_id")
        for kind, model in (("country", TaggedCountry), ("theme", TaggedTheme))
    ]
    ids = {"country": set(), "theme": set()}
    for kind, tag in tagged[0].union(tagged[1], all=True):
        ids[kind].add(tag)
    return (
        [country for country in all_of(request, Country) if country.pk in ids["country"]],
        [theme for theme in all_of(request, Theme) if theme.pk in ids["theme"]],
    )


def with_story_counts(request, vocabulary, kind):
    """Countries or themes with the number of stories a reader can see under each."""
    counts = story_counts(request)[kind]
    items = all_of(request, vocabulary)
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
