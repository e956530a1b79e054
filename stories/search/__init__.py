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
StoriesConfig.ready() call index_stories() whenever a story's indexed text changes; inside
indexing_deferred() (the admin's save, the seeding) once, at the end of the block.
"""

from stories.search.indexing import (
    connect_signals,
    facet_words,
    index_stories,
    index_story,
    indexing_deferred,
    rebuild_index,
)
from stories.search.ranking import MAX_RANKED_MATCHES, SearchRanking, load_results, rank_stories
from stories.search.snippets import highlight, with_snippets
from stories.search.words import clean_query, query_terms, search_words

__all__ = [
    "MAX_RANKED_MATCHES",
    "SearchRanking",
    "clean_query",
    "connect_signals",
    "facet_words",
    "highlight",
    "index_stories",
    "index_story",
    "indexing_deferred",
    "load_results",
    "query_terms",
    "rank_stories",
    "rebuild_index",
    "search_words",
    "with_snippets",
]
