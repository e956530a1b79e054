class SearchIndexRouter:
    """Keeps SqliteFullTextEntry out of dumpdata, loaddata and migrations.

    It only lets the ORM join SQLite's FTS5 table, which is the database's own index of
    StorySearchDocument (created by a migration of its own); on PostgreSQL the table does not exist.
    """

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if app_label == "stories" and model_name == "sqlitefulltextentry":
            return False
        return None
