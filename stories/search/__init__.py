"""Full-text search over published stories.

index_stories() writes each story's StorySearchDocument: its public text folded by
search_words() to lowercase ASCII words, one field per weight (title; subtitle and summary;
storyteller, location, contributors, countries, themes and keywords; body). The database
indexes that table itself, through triggers the migration creates: a weighted tsvector with
a GIN index on PostgreSQL, an FTS5 table on SQLite. Queries are folded by the same function,
so "Đorđe", "Djordje", "Dorde" and "Ђорђе" are one word, and a query reaches the database
only as those plain words, never as query syntax.

rank_stories() starts from Story.objects.published() at query time, so drafts never
appear and a scheduled story appears when it comes due, without reindexing. Signals in
StoriesConfig.ready() call index_stories() whenever a story's indexed text changes.
"""

import functools
import math
import re
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import ExpressionWrapper, F, Lookup, OuterRef, Prefetch, Subquery, TextField
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete, pre_save
from django.utils.html import escape
from django.utils.safestring import mark_safe
from taggit.models import Tag

from stories.models import Contributor, Country, SqliteFullTextEntry, Story, StorySearchDocument, Theme
from stories.sanitize import html_to_text
from stories.text import transliterate

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
# Shorter words must match whole words: a one- or two-letter prefix matches half the index.
MIN_PREFIX_LENGTH = 3
# Query syntax people type out of habit; we search for words only.
QUERY_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
INDEX_BATCH_SIZE = 500
SNIPPET_WORDS = 30
SNIPPET_WORDS_BEFORE_MATCH = 8
# Where a snippet looks for a match; past it the summary stands in (it bounds the work per result).
SNIPPET_SCAN_LENGTH = 20_000
# How many of the newest matching stories are ranked (see rank_stories): about 17 pages.
MAX_RANKED_MATCHES = 200

_ASCII_WORD_RE = re.compile(r"[a-z0-9]+")
_TEXT_WORD_RE = re.compile(r"\w+(?:['’ʼ]\w+)*")
_CONTROL_CHARACTERS_RE = re.compile(r"[\x00-\x1f\x7f]")


def search_words(text: str) -> list[str]:
    """The words search knows `text` by: lowercase ASCII, without diacritics, any script.

    Đ is written "dj" or plain "d" when diacritics are missing, so both fold to "d":
    "Đorđe", "Djordje", "Dorde" and "Ђорђе" all give "dorde".
    """
    return _ASCII_WORD_RE.findall(transliterate(text).replace("dj", "d"))


def clean_query(query: str) -> str:
    """The query as typed, capped in length and without control characters (NUL...)."""
    return " ".join(_CONTROL_CHARACTERS_RE.sub(" ", (query or "")[:MAX_QUERY_LENGTH]).split())


def query_terms(query: str) -> tuple[str, ...]:
    """The distinct words of a query that a story must all contain, at most MAX_QUERY_WORDS."""
    typed = " ".join(part for part in clean_query(query).split() if part not in QUERY_OPERATORS)
    return tuple(dict.fromkeys(search_words(typed)))[:MAX_QUERY_WORDS]


def is_prefix_term(term: str) -> bool:
    # Prefixes stand in for stemming, in languages full of endings: "sarajev" finds Sarajevu.
    return len(term) >= MIN_PREFIX_LENGTH


class SearchRanking(NamedTuple):
    story_ids: list[int]  # best first
    more_than: int | None  # when more stories match than were ranked: how many were


def rank_stories(query: str, *, country=None, theme=None) -> SearchRanking:
    """Ids of the published stories matching every word of `query`, best first: stories whose
    title holds every word, then the better full-text rank (weighted by field), then the newer.

    The work is bounded whatever the number of stories, since ranking reads a rank per
    candidate: the candidates are the MAX_RANKED_MATCHES most recently added stories that
    match (highest ids: the index's own order) and as many whose title matches (which
    include every title match among the former). Up to that many matches the order is
    exact. Past it the oldest matches of a very common word are left out (`more_than` lets
    the page say so), and title matches older than every ranked match follow the ranked
    title matches, newest first.
    """
    terms = query_terms(query)
    if not terms:
        return SearchRanking([], None)
    stories = Story.objects.published().tagged(country=country, theme=theme)
    if connection.vendor == "postgresql":
        newest_matches = _newest_postgresql_matches
    else:
        facets = facet_words(countries=[country] if country else [], themes=[theme] if theme else [])
        newest_matches = functools.partial(_newest_sqlite_matches, facets=facets)
    everywhere = list(newest_matches(stories, terms, title_only=False)[: MAX_RANKED_MATCHES + 1])
    # Title matches are told apart, not scored again: a second bm25 would count every story
    # holding each word once more. Those older than every scored match rank after the others.
    in_title = list(newest_matches(stories, terms, title_only=True, scored=False)[:MAX_RANKED_MATCHES])
    found = {pk: (1, rank, published_at) for pk, published_at, rank in everywhere[:MAX_RANKED_MATCHES]}
    for pk, published_at in in_title:
        found[pk] = (0, found[pk][1] if pk in found else math.inf, published_at)
    # Stable sorts, the least significant first (stored times can be compared but not negated):
    # the newer id, the newer publish time, then title matches first and the better rank.
    ranked = sorted(found, reverse=True)
    ranked.sort(key=lambda pk: found[pk][2], reverse=True)
    ranked.sort(key=lambda pk: found[pk][:2])
    return SearchRanking(ranked, more_than=MAX_RANKED_MATCHES if len(everywhere) > MAX_RANKED_MATCHES else None)


# published_at as the database returns it, compared as it is: ISO text on SQLite (no parsing
# per candidate), a datetime from PostgreSQL's driver.
_STORED_PUBLISHED_AT = ExpressionWrapper(F("published_at"), output_field=TextField())


def _newest_postgresql_matches(stories, terms, *, title_only, scored=True):
    """(id, published_at[, rank]) of the matching stories, newest first, as a lazy queryset."""
    # Each term is [a-z0-9]+ (search_words), so it is safe to write as a raw tsquery,
    # which is the only query type that can ask for prefixes. Weight A is the title.
    labels = ["*" if is_prefix_term(term) else "" for term in terms]
    if title_only:
        labels = [label + "A" for label in labels]
    raw_query = " & ".join(
        f"'{term}':{label}" if label else f"'{term}'" for term, label in zip(terms, labels, strict=True)
    )
    tsquery = SearchQuery(raw_query, search_type="raw", config="simple")
    matches = stories.filter(search_document__vector=tsquery).order_by("-pk")
    if not scored:
        return matches.values_list("pk", _STORED_PUBLISHED_AT)
    # ts_rank: higher is better; negated so that lower is better, as on SQLite.
    rank = -SearchRank(F("search_document__vector"), tsquery)
    return matches.values_list("pk", _STORED_PUBLISHED_AT, rank)


class Fts5Match(Lookup):
    """`<FTS5 table> MATCH <query>` (SQLite)."""

    lookup_name = "fts5_match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


SqliteFullTextEntry._meta.get_field("match").register_lookup(Fts5Match)


def _newest_sqlite_matches(stories, terms, *, title_only, scored=True, facets=()):
    """(id, published_at[, rank]) of the matching stories, newest first, as a lazy queryset.

    The full-text table is the query's only table, so SQLite has one plan: FTS5 walks its
    index in rowid (story id) order, newest first, and the slice's LIMIT ends the walk. A
    country or theme filter is part of the match (`facets`, see facet_words), so FTS5 skips
    the other stories in its index. Each row's story is then one primary-key probe of
    `stories` (its publish time, NULL when a reader may not see it: `stories` still applies
    every filter itself); bm25 is computed, when `scored`, for the rows returned only."""
    # Each term is [a-z0-9]+ (search_words); quoted, FTS5 reads it as a plain word, never
    # as an operator (AND, NEAR...) or a column filter. Space-separated words must all match.
    match = " ".join(f'"{term}"*' if is_prefix_term(term) else f'"{term}"' for term in terms)
    if title_only:
        match = f"{{title}} : ({match})"
    if facets:
        match = "{facets} : (" + " ".join(f'"{word}"' for word in facets) + f") AND ({match})"
    visible_published_at = stories.filter(pk=OuterRef("story_id")).values(stored=_STORED_PUBLISHED_AT)[:1]
    matches = (
        SqliteFullTextEntry.objects.filter(match__fts5_match=match)
        .annotate(published_at=Subquery(visible_published_at))
        .filter(published_at__isnull=False)
        .order_by("-story_id")
    )
    return matches.values_list("story_id", "published_at", *(["rank"] if scored else []))


def load_results(story_ids):
    """The stories of one page of results, in the order of `story_ids`, loaded for their cards
    (the body left out: snippets read the search document's plain text)."""
    stories = (
        Story.objects.filter(pk__in=story_ids)
        .defer("body")
        .for_cards()
        .prefetch_related(Prefetch("search_document", StorySearchDocument.objects.only("story_id", "plain_text")))
        .in_bulk()
    )
    return [stories[pk] for pk in story_ids if pk in stories]


def with_snippets(stories, query: str) -> list:
    """`stories` as a list, each with a `snippet`: the part of its text that matches `query`
    with the matching words in <mark>, or its summary when only other fields matched."""
    terms = query_terms(query)
    results = list(stories)
    for story in results:
        document = getattr(story, "search_document", None)
        source = document.plain_text if document else story.summary
        story.snippet = highlight(source, terms) or escape(story.summary)
    return results


def highlight(text: str, terms, *, length=SNIPPET_WORDS, before=SNIPPET_WORDS_BEFORE_MATCH):
    """About `length` words of `text` around the first word matching `terms`, escaped, with the
    matching words in <mark>; "" if no word matches."""
    words = []
    first_match = None
    for index, found in enumerate(_TEXT_WORD_RE.finditer(text, 0, SNIPPET_SCAN_LENGTH)):
        words.append(found)
        if first_match is None and _word_matches(found.group(), terms):
            first_match = index
        if first_match is not None and index >= first_match + length:
            break
    if first_match is None:
        return ""
    start = max(0, first_match - before)
    window = words[start : start + length]
    begin = 0 if start == 0 else window[0].start()
    parts = ["…" if begin else ""]
    position = begin
    for found in window:
        parts.append(escape(text[position : found.start()]))
        word = escape(found.group())
        parts.append(f"<mark>{word}</mark>" if _word_matches(found.group(), terms) else word)
        position = found.end()
    if len(words) > start + length or len(text) > SNIPPET_SCAN_LENGTH:
        parts.append("…")
    else:
        parts.append(escape(text[position:].rstrip()))  # the closing punctuation
    # Safe: every piece of the reader's and the editor's text above went through escape().
    return mark_safe("".join(parts))


@functools.lru_cache(maxsize=8192)
def _folded(word):
    return tuple(search_words(word))


def _word_matches(word, terms):
    return any(
        folded == term or (is_prefix_term(term) and folded.startswith(term))
        for folded in _folded(word)
        for term in terms
    )


def index_stories(stories) -> int:
    """Write the search documents of `stories` (a queryset or story ids), in batches; return how many."""
    if not hasattr(stories, "values_list"):
        stories = Story.objects.filter(pk__in=list(stories))
    ids = list(stories.order_by().values_list("pk", flat=True))
    for start in range(0, len(ids), INDEX_BATCH_SIZE):
        batch = (
            Story.objects.filter(pk__in=ids[start : start + INDEX_BATCH_SIZE])
            .only("title", "subtitle", "summary", "body", "storyteller_name", "is_storyteller_anonymous", "location")
            .prefetch_related("countries", "themes", "tags", "contributors")
        )
        StorySearchDocument.objects.bulk_create(
            [search_document(story) for story in batch],
            update_conflicts=True,
            unique_fields=["story"],
            update_fields=["title", "secondary", "details", "body", "plain_text", "facets"],
        )
    return len(ids)


def index_story(story) -> None:
    """Write one story's search document (after a save or a change of its tags or bylines)."""
    index_stories([story.pk])


def search_document(story) -> StorySearchDocument:
    """The search document of `story`; its countries, themes, tags and contributors prefetched."""
    body_text = html_to_text(story.body)
    details = [
        story.public_storyteller,  # never an anonymous storyteller's name
        story.location,
        *(contributor.name for contributor in story.contributors.all()),
        *(country.name for country in story.countries.all()),
        *(theme.name for theme in story.themes.all()),
        *(keyword.name for keyword in story.tags.all()),
    ]
    return StorySearchDocument(
        story_id=story.pk,
        facets=" ".join(facet_words(countries=story.countries.all(), themes=story.themes.all())),
        title=_folded_text(story.title),
        secondary=_folded_text(f"{story.subtitle}\n{story.summary}"),
        details=_folded_text("\n".join(details)),
        body=_folded_text(body_text),
        plain_text=f"{story.summary}\n{body_text}".strip(),
    )


def facet_words(*, countries=(), themes=()):
    """The words that file a story under its countries and themes in the index's `facets`
    column. Only that column is searched for them, so no story text can match them."""
    return [f"country{country.pk}" for country in countries] + [f"theme{theme.pk}" for theme in themes]


def _folded_text(text):
    return " ".join(search_words(text))


def rebuild_index() -> int:
    """Index every story again from scratch; return how many. Readers see the old index until it is done."""
    with transaction.atomic():
        StorySearchDocument.objects.all().delete()
        count = index_stories(Story.objects.all())
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                # Rebuilds FTS5's index from the documents, then merges its segments for speed.
                cursor.execute("INSERT INTO stories_search_fts(stories_search_fts) VALUES ('rebuild')")
                cursor.execute("INSERT INTO stories_search_fts(stories_search_fts) VALUES ('optimize')")
    return count


# Keeping the index in step: every change to a story's indexed text reindexes the story.
# (Code that writes through-model rows directly, like seed_demo's bulk path, calls
# index_stories() itself.)

# The Story relation each vocabulary or byline is reached by.
_STORY_LOOKUPS = {Country: "countries", Theme: "themes", Tag: "tags", Contributor: "contributors"}


def connect_signals(app_config):
    post_save.connect(_story_saved, sender=Story, dispatch_uid="search_story_saved")
    for relation in _STORY_LOOKUPS.values():
        through = Story._meta.get_field(relation).remote_field.through
        m2m_changed.connect(_story_links_changed, sender=through, dispatch_uid=f"search_{relation}_changed")
    for model in _STORY_LOOKUPS:
        pre_save.connect(_name_saving, sender=model, dispatch_uid=f"search_{model.__name__}_saving")
        post_save.connect(_name_saved, sender=model, dispatch_uid=f"search_{model.__name__}_saved")
        pre_delete.connect(_name_deleting, sender=model, dispatch_uid=f"search_{model.__name__}_deleting")
        post_delete.connect(_name_deleted, sender=model, dispatch_uid=f"search_{model.__name__}_deleted")
    post_migrate.connect(_index_unindexed_stories, sender=app_config, dispatch_uid="search_after_migrate")


def _story_saved(sender, instance, raw=False, **kwargs):
    # loaddata saves raw, before the story's relations: a fixture from dumpdata brings the
    # search documents along, and rebuild_search_index indexes any other.
    if not raw:
        index_story(instance)


def _story_links_changed(sender, instance, action, model, pk_set, **kwargs):
    if action in {"post_add", "post_remove"} and not pk_set:
        return  # nothing changed: taggit sends post_add on every set(), so on every admin save
    if isinstance(instance, Story):  # story.countries.set(...)
        if action in {"post_add", "post_remove", "post_clear"}:
            index_story(instance)
    elif model is not Story:  # taggit's keywords are shared with any other tagged model
        return
    elif action == "pre_clear":  # contributor.stories.clear(): note whose bylines go
        instance._search_story_ids = _linked_story_ids(instance)
    elif action in {"post_add", "post_remove"}:
        index_stories(pk_set)
    elif action == "post_clear":
        index_stories(getattr(instance, "_search_story_ids", []))


def _linked_story_ids(instance):
    return list(Story.objects.filter(**{_STORY_LOOKUPS[type(instance)]: instance}).values_list("pk", flat=True))


def _name_saving(sender, instance, raw=False, **kwargs):
    instance._search_name_changed = (
        not raw
        and instance.pk is not None
        and not type(instance).objects.filter(pk=instance.pk, name=instance.name).exists()
    )


def _name_saved(sender, instance, created, raw=False, **kwargs):
    if getattr(instance, "_search_name_changed", False):  # a rename: reindex its stories
        index_stories(_linked_story_ids(instance))


def _name_deleting(sender, instance, **kwargs):
    instance._search_story_ids = _linked_story_ids(instance)


def _name_deleted(sender, instance, **kwargs):
    index_stories(getattr(instance, "_search_story_ids", []))


def _index_unindexed_stories(using, **kwargs):
    """After `migrate`, index stories that have no search document (a database from before search)."""
    if StorySearchDocument._meta.db_table in connection.introspection.table_names():
        index_stories(Story.objects.filter(search_document__isnull=True))
