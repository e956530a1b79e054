"""SQLite connections that treat a missing or replaced database file as an outage.

SQLite's default opens a missing file by creating an empty database there: a worker started
while the file was moved aside (a restore, a volume remounting) would then serve an empty site,
and keep its connection to that empty file after the real one is back. Here a connection opens
the file read-write but never creates it, so the worker answers the branded 503 and retries on
the next request; only `migrate` creates the database (stories/management/commands/migrate.py).
A connection whose path now names another file, or none, is closed before the next request,
so every worker sees the same database as a newly started one would.
"""

import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from django.core.signals import request_started

_creating = threading.local()


@contextmanager
def database_creation_allowed():
    """Within this block a missing database file is created (by `migrate` only)."""
    _creating.allowed = True
    try:
        yield
    finally:
        _creating.allowed = False


def is_database_file(database):
    """True for a path on disk; False for :memory:, the empty name and file: URIs (Django's
    in-memory test databases among them), which are opened as given."""
    name = os.fspath(database)
    return bool(name) and name != ":memory:" and not name.startswith("file:")


class ExistingDatabaseConnection(sqlite3.Connection):
    """The `factory` Django's SQLite backend opens connections with (settings.DATABASES)."""

    def __init__(self, database, *args, **kwargs):
        self.path = Path(database).absolute() if is_database_file(database) else None
        if self.path is not None and not getattr(_creating, "allowed", False):
            database = self.path.as_uri() + "?mode=rw"  # "unable to open database file" if missing
            kwargs["uri"] = True
        super().__init__(database, *args, **kwargs)
        self.file_identity = self.identity_on_disk()

    def identity_on_disk(self):
        if self.path is None:
            return None
        try:
            found = self.path.stat()
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def is_at_its_path(self):
        """Whether the file this connection opened is still the one at its path."""
        return self.path is None or self.identity_on_disk() == self.file_identity


def close_moved_connections(**kwargs):
    """Close this thread's SQLite connections whose file was moved, replaced or deleted: the
    request then opens the file now at the path, or meets the outage."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        close_if_moved(connection)


def close_if_moved(connection):
    """Close one connection (any vendor's: others are left alone) if its SQLite file moved."""
    raw = connection.connection
    if isinstance(raw, ExistingDatabaseConnection) and not raw.is_at_its_path() and not connection.in_atomic_block:
        connection.close()


request_started.connect(close_moved_connections, dispatch_uid="balkanoscope.sqlite.close_moved_connections")
