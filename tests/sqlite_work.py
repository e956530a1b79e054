"""Work measured in SQLite's own instructions, for tests that a query's cost stays flat."""

from django.db import connection


def sqlite_steps(function):
    """How many virtual-machine instructions SQLite runs for `function`: a measure of work
    that, unlike time, does not depend on the machine."""
    steps = 0

    def count():
        nonlocal steps
        steps += 1

    connection.ensure_connection()
    connection.connection.set_progress_handler(count, 1)
    try:
        function()
    finally:
        connection.connection.set_progress_handler(None, 1)
    return steps
