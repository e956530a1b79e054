"""Ranking: the newest matches of a query, scored, and the rows of one page of results."""

import functools
import math
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import ExpressionWrapper, F, Lookup, OuterRef, Prefetch, Subquery, TextField
from django.utils.translation import get_language

from stories.models import SqliteFullTextEntry, Story, StorySearchDocument
from stories.search.indexing import facet_words
from stories.search.words import is_prefix_term, query_terms

# How many of the newest matching stories are ranked (see rank_stories): about 17 pages.
MAX_RANKED_MATCHES = 200


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
    stories = Story.objects.published().in_language(get_language()).tagged(country=country, theme=theme)
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
