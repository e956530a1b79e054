"""What search matches a story on (the indexes are the database's own)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from stories.models.story import Story


class StorySearchDocument(models.Model):
    """What search matches a story on, written by stories.search.index_stories().

    The texts are folded to lowercase ASCII words (stories.search.search_words), one field
    per weight. The database indexes this table itself, through triggers the migration
    creates: a weighted tsvector with a GIN index on PostgreSQL, an FTS5 table on SQLite.
    """

    story = models.OneToOneField(Story, on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    title = models.TextField()
    secondary = models.TextField(blank=True)  # subtitle and summary
    details = models.TextField(blank=True)  # storyteller, location, contributors, countries, themes, keywords
    body = models.TextField(blank=True)
    plain_text = models.TextField(blank=True)  # summary and body as readers see them, for result snippets
    # The story's countries and themes as words ("country12 theme3"): filters that SQLite's
    # full-text index holds in a column of its own (stories.search.facet_words).
    facets = models.TextField(blank=True, editable=False)
    vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only, set by a trigger

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.title


class SqliteFullTextEntry(models.Model):
    """SQLite only: a row of the FTS5 table over StorySearchDocument, declared so that the
    ORM can join it; the migration creates the table itself."""

    # FTS5's rowid is the story id. Reading it costs nothing, while its unindexed story_id
    # column is read from the stored document; ordered by it, FTS5 walks its index newest
    # first and stops at a LIMIT (see search._newest_sqlite_matches).
    story = models.OneToOneField(
        Story,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="sqlite_full_text_entry",
    )
    # FTS5's hidden column named after the table: `stories_search_fts MATCH '...'` searches every column.
    match = models.TextField(db_column="stories_search_fts")
    # FTS5's hidden bm25 score with the column weights the migration configures; lower is better.
    rank = models.FloatField()

    class Meta:
        managed = False
        db_table = "stories_search_fts"

    def __str__(self):
        return str(self.story_id)
