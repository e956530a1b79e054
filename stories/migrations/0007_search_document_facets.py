"""Search documents get `facets`: the story's countries and themes as words (country12,
theme3) that SQLite's full-text index holds in a column of their own, so a search filtered by
country or theme is one full-text match that FTS5 answers from its index (stories/search.py).

On SQLite the full-text table is created again with the new column; adding the field makes
Django rebuild stories_storysearchdocument, which drops its triggers, so they are created
again too. PostgreSQL filters with the tag tables and only gains the column.
"""

from django.db import migrations, models


def sqlite_full_text_index(columns, weights):
    """The FTS5 table over the search documents, its triggers and its bm25 column weights."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    indexed = ", ".join(f"{column} UNINDEXED" if column == "story_id" else column for column in columns)
    return [
        f"""
        CREATE VIRTUAL TABLE stories_search_fts USING fts5(
            {indexed},
            content='stories_storysearchdocument', content_rowid='story_id', prefix='3'
        )
        """,
        f"""
        CREATE TRIGGER stories_search_fts_insert AFTER INSERT ON stories_storysearchdocument BEGIN
            INSERT INTO stories_search_fts(rowid, {names}) VALUES (new.story_id, {new});
        END
        """,
        f"""
        CREATE TRIGGER stories_search_fts_delete AFTER DELETE ON stories_storysearchdocument BEGIN
            INSERT INTO stories_search_fts(stories_search_fts, rowid, {names}) VALUES ('delete', old.story_id, {old});
        END
        """,
        f"""
        CREATE TRIGGER stories_search_fts_update AFTER UPDATE ON stories_storysearchdocument BEGIN
            INSERT INTO stories_search_fts(stories_search_fts, rowid, {names}) VALUES ('delete', old.story_id, {old});
            INSERT INTO stories_search_fts(rowid, {names}) VALUES (new.story_id, {new});
        END
        """,
        f"INSERT INTO stories_search_fts(stories_search_fts, rank) VALUES ('rank', 'bm25({weights})')",
        # Index what the documents hold now.
        "INSERT INTO stories_search_fts(stories_search_fts) VALUES ('rebuild')",
    ]


DROP_SQLITE_FULL_TEXT_INDEX = [
    "DROP TRIGGER IF EXISTS stories_search_fts_insert",
    "DROP TRIGGER IF EXISTS stories_search_fts_delete",
    "DROP TRIGGER IF EXISTS stories_search_fts_update",
    "DROP TABLE IF EXISTS stories_search_fts",
]
COLUMNS = ["story_id", "title", "secondary", "details", "body"]
# Weights in column order: title highest, body lowest; facets are filters and weigh nothing.
WITH_FACETS = sqlite_full_text_index([*COLUMNS, "facets"], "0.0, 10.0, 4.0, 2.0, 1.0, 0.0")
WITHOUT_FACETS = sqlite_full_text_index(COLUMNS, "0.0, 10.0, 4.0, 2.0, 1.0")


def on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


def write_facets(apps, schema_editor):
    """The facets of every document, as stories.search.facet_words() writes them."""
    StorySearchDocument = apps.get_model("stories", "StorySearchDocument")
    words = {}
    for kind, model in (("country", "TaggedCountry"), ("theme", "TaggedTheme")):
        for story_id, tag_id in apps.get_model("stories", model).objects.values_list("content_object_id", "tag_id"):
            words.setdefault(story_id, []).append(f"{kind}{tag_id}")
    documents = list(StorySearchDocument.objects.filter(story_id__in=words).only("story_id"))
    for document in documents:
        document.facets = " ".join(words[document.story_id])
    StorySearchDocument.objects.bulk_update(documents, ["facets"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0006_content_version"),
    ]

    operations = [
        migrations.RunPython(
            on_sqlite(DROP_SQLITE_FULL_TEXT_INDEX), on_sqlite([*DROP_SQLITE_FULL_TEXT_INDEX, *WITHOUT_FACETS])
        ),
        migrations.AddField(
            model_name="storysearchdocument",
            name="facets",
            field=models.TextField(blank=True, default="", editable=False),
            preserve_default=False,
        ),
        migrations.RunPython(write_facets, migrations.RunPython.noop),
        migrations.RunPython(on_sqlite(WITH_FACETS), on_sqlite(DROP_SQLITE_FULL_TEXT_INDEX)),
    ]
