"""The WSGI application: page-cache hits answered in front of Django's request handler.

A hit is a stored response, one content-state query and the middleware outside the page cache
(request log, HTTPS redirect and security headers, readership count). Django's handler adds to
that what a hit never needs: the request signals, whose receivers walk every database and cache
connection (about a sixth of a hit's CPU), and the layers of its own handler. So the front:

1. hands anything that is not a GET or HEAD of a cacheable page, for an allowed host, from a
   reader without a session, to Django as it came (for those it costs a memoised URL check);
2. does for the one database connection the lookup uses what request_started and
   request_finished do for every connection: drop it when broken, too old or moved;
3. looks the page up (page_cache.py); a miss, or a database it cannot read, goes to Django,
   whose page-cache middleware renders and stores it without asking the cache again, or whose
   outage handling answers the branded 503;
4. sends a hit through the middleware it went through in Django's handler: the entries of
   settings.MIDDLEWARE before the page cache, chained as Django chains them.

So a hit's status, headers and body are the same either way (tests/test_cache_front.py); only
requests Django's test client makes, which never pass a WSGI application, are served their hits
by the middleware.
"""

import functools

from django.conf import settings
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIRequest, get_path_info
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.utils.module_loading import import_string

from balkanoscope import after_response
from balkanoscope.page_cache import LOOKED_UP_AND_MISSED, has_session, is_cacheable, page_cache
from balkanoscope.sqlite import close_if_moved

PAGE_CACHE_MIDDLEWARE = "balkanoscope.page_cache.page_cache_middleware"


class CacheFront:
    """Wraps Django's WSGI application (balkanoscope/wsgi.py)."""

    def __init__(self, django_application):
        self.django_application = django_application

    def __call__(self, environ, start_response):
        hit_handler = outer_middleware() if settings.PAGE_CACHE else None
        if hit_handler is None or not may_be_cached(environ):
            return self.django_application(environ, start_response)
        request = WSGIRequest(environ)
        if not page_cache.applies_to(request) or has_session(request):
            return self.django_application(environ, start_response)
        database = connections[DEFAULT_DB_ALIAS]
        drop_if_unusable(database)
        try:
            lookup = page_cache.lookup(request)
        except DatabaseError:
            return self.django_application(environ, start_response)
        if lookup.page is None:
            environ[LOOKED_UP_AND_MISSED] = True
            return self.django_application(environ, start_response)
        request.page_cache_lookup = lookup
        response = hit_handler(request)
        # As django.core.handlers.wsgi.WSGIHandler sends a response.
        headers = [*response.items(), *(("Set-Cookie", c.output(header="")) for c in response.cookies.values())]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return SentHit(response, database)


def may_be_cached(environ):
    """The cheap part of PageCache.applies_to, from the environ: no request is built for a
    static file, an admin page or a form post."""
    return environ.get("REQUEST_METHOD") in ("GET", "HEAD") and is_cacheable(get_path_info(environ) or "/")


def drop_if_unusable(database):
    """What request_started does for each connection (close_old_connections, and
    balkanoscope.sqlite's moved-file check), for the one a hit uses. A connection inside a
    transaction is left as it is: between a server's requests none is open, and a test's own is
    not to be closed (Django's test client unhooks these checks for the same reason). The query
    log, kept only while DEBUG is on or a test counts queries, is bounded by Django: left alone."""
    if not database.in_atomic_block:
        database.close_if_unusable_or_obsolete()
        close_if_moved(database)


def close_if_obsolete(database):
    """What request_finished does for each connection (close_old_connections), for a hit's one."""
    if not database.in_atomic_block:
        database.close_if_unusable_or_obsolete()


def serve_found_page(request):
    return request.page_cache_lookup.response(request)


@functools.cache
def outer_middleware():
    """The middleware outside the page cache around the found page, each layer wrapped as
    Django's handler wraps it (an exception becomes the error page); None without a page cache.
    Built once, as Django builds its chain; again after a setting changes (tests)."""
    middleware = settings.MIDDLEWARE
    if PAGE_CACHE_MIDDLEWARE not in middleware:
        return None
    handler = convert_exception_to_response(serve_found_page)
    for path in reversed(middleware[: middleware.index(PAGE_CACHE_MIDDLEWARE)]):
        handler = convert_exception_to_response(import_string(path)(handler))
    return handler


def rebuild_when_settings_change(setting, **kwargs):
    # Middleware read their settings when built (SecurityMiddleware); tests override them.
    outer_middleware.cache_clear()


setting_changed.connect(rebuild_when_settings_change, dispatch_uid="balkanoscope.cache_front.rebuild")


class SentHit:
    """A hit's body for the server; once it is sent (close()), what request_finished does for a
    hit: the deferred work, then the connection check."""

    def __init__(self, response, database):
        self.response = response
        self.database = database

    def __iter__(self):
        return iter(self.response)

    def close(self):
        try:
            after_response.run_deferred()
        finally:
            close_if_obsolete(self.database)
