"""Liveness and readiness probes for load balancers and the container's HEALTHCHECK."""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection, connections
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from balkanoscope.logs import OutageReport

logger = logging.getLogger(__name__)
# Probes come every few seconds: an outage is logged when it starts and when it ends.
database_outage = OutageReport(logging.getLogger("balkanoscope.database"), "database")


# Probes only read: other methods (TRACE included) get 405, as on every reader page.
@require_safe
def healthz(request):
    """Liveness: the process answers. Touches neither the database nor the cache, and stays
    200 through a database outage (restarting the app would not bring the database back); it
    reports the outage as this process last met it. Load balancers route on /readyz."""
    database = "unavailable" if database_outage.is_down else "ok"
    return _json({"status": "ok", "database": database}, 200)


@require_safe
def readyz(request):
    """Readiness: the database and the cache answer."""
    checks = {"database": _check_database(), "cache": _check_cache()}
    ready = all(value == "ok" for value in checks.values())
    return _json({"status": "ok" if ready else "unavailable", **checks}, 200 if ready else 503)


def database_failed(exception):
    """This process met a database outage: log it (once per outage) and drop the connections
    that met it, so the next request opens new ones. CONN_HEALTH_CHECKS alone would keep a
    failed SQLite connection: SQLite's connections always call themselves usable."""
    database_outage.failed(exception)
    for each in connections.all(initialized_only=True):
        if not each.in_atomic_block:  # a transaction in progress is its owner's to end
            each.close()


def _check_database():
    try:
        with connection.cursor() as cursor:
            # A real table, not SELECT 1: an empty database file answers that too.
            cursor.execute("SELECT 1 FROM django_migrations LIMIT 1")
            if cursor.fetchone() is None:
                raise DatabaseError("no migration has been applied to this database")
    except Exception as exception:  # any failure means "not ready"; the reason goes to the log, not the page
        database_failed(exception)
        return "unavailable"
    database_outage.recovered()
    return "ok"


def _check_cache():
    try:
        cache.set("readyz", "1", 5)
        if cache.get("readyz") == "1":
            return "ok"
    except Exception:  # the Redis backend survives outages itself; this is for anything else
        logger.warning("readyz: cache unavailable", exc_info=True)
    return "unavailable"


def _json(data, status):
    response = JsonResponse(data, status=status)
    add_never_cache_headers(response)
    response._has_been_logged = True  # probes repeat every few seconds; outages are logged once
    return response
