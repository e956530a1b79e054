"""Site-wide middleware."""

import logging
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.db.backends.signals import connection_created

from balkanoscope import health
from balkanoscope.health import database_outage

HEALTH_CHECKS = {"/healthz": health.healthz, "/readyz": health.readyz}
DATABASE_ERRORS = (OperationalError, InterfaceError)

request_logger = logging.getLogger("balkanoscope.request")


def health_check_middleware(get_response):
    """Answer load balancers' probes before host validation, sessions or anything else:
    probes come to the container's own address, which is not an allowed host."""

    def middleware(request):
        check = HEALTH_CHECKS.get(request.path_info)
        if check is not None:
            return check(request)
        return get_response(request)

    return middleware


def client_ip(request):
    """The client's address: the socket's, or the one our trusted proxies put in X-Forwarded-For
    (counting from the right, so a client cannot choose its own address)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def request_log_middleware(get_response):
    """One line per request: method, path (never the query string, which may carry tokens or
    search terms), status and time. No cookies, no user; the address only if configured."""

    def middleware(request):
        started = time.perf_counter()
        response = get_response(request)
        fields = {
            "method": request.method,
            "path": request.path[:300],
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        }
        if response.status_code == 400 and _has_disallowed_host(request):
            # Scanners probe with other Host headers all day: this line is the whole record.
            fields["reason"] = "disallowed_host"
        if settings.LOG_CLIENT_IP:
            fields["client_ip"] = client_ip(request)
        request_logger.info("%(method)s %(path)s %(status)s", fields, extra=fields)
        return response

    return middleware


def _has_disallowed_host(request):
    try:
        request.get_host()
    except DisallowedHost:
        return True
    return False


class DatabaseUnavailableMiddleware:
    """A stopped or unreachable database answers readers with the branded 503 page (no
    traceback, no hang), logged once per outage; the connection that failed is dropped, so
    the next request after the database comes back is served normally."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            from balkanoscope.views import service_unavailable

            health.database_failed(exception)
            return service_unavailable(request)
        return None


def _database_connected(sender, connection, **kwargs):
    database_outage.recovered()


connection_created.connect(_database_connected, dispatch_uid="balkanoscope.database_outage")
