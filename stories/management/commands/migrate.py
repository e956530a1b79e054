"""Django's `migrate`, the one command that may create a missing SQLite database file: every
other process treats a missing file as an outage (balkanoscope/sqlite.py)."""

from django.core.management.commands import migrate

from balkanoscope.sqlite import database_creation_allowed


class Command(migrate.Command):
    def execute(self, *args, **options):
        # execute(), not handle(): the system checks that run first already connect.
        with database_creation_allowed():
            return super().execute(*args, **options)
