"""The WSGI front (balkanoscope/cache_front.py) answers page-cache hits before Django's handler,
with the same status, headers and body as the handler's middleware would send, and hands
everything else to Django.

Django's test client never passes the WSGI application, so these tests call it as a server
does: an environ in, start_response, the body iterated and closed.
"""

import logging
from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from balkanoscope import wsgi
from balkanoscope.cache_front import CacheFront
from stories.models import DailyStoryViews
from stories.readership import counter
from tests.factories import make_story

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) TestBrowser/1.0"


class Sent:
    """What a WSGI server would send for one request. As Django's test client does, Django's
    handler is kept from closing the test's database connection, which holds its transaction."""

    def __init__(self, application, environ):
        self.started = []
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            body = application(environ, self.start_response)
            try:
                self.body = b"".join(body)
            finally:
                body.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        self.status, self.headers = self.started[0]

    def start_response(self, status, headers):
        self.started.append((status, headers))

    @property
    def status_code(self):
        return int(self.status.split()[0])

    def header(self, name):
        return {key.lower(): value for key, value in self.headers}.get(name.lower())


@pytest.fixture
def handled_by_django():
    """How many requests reached Django's handler (it sends request_started for each)."""
    requests = []

    def count(**kwargs):
        requests.append(kwargs)

    request_started.connect(count, dispatch_uid="test_cache_front.count")
    yield requests
    request_started.disconnect(dispatch_uid="test_cache_front.count")


@pytest.fixture
def story():
    return make_story("Water for Bor", countries=["Serbia"], themes=["Poverty"])


def front():
    """A fresh application, built with the test's settings (Django's handler reads MIDDLEWARE once)."""
    return CacheFront(WSGIHandler())


def send(path, method="GET", application=None, secure=False, **headers):
    environ = RequestFactory().generic(method, path, secure=secure, headers=headers).environ
    # As a server sets it: the path's bytes, one character each (PEP 3333).
    environ["PATH_INFO"] = unquote_to_bytes(urlsplit(path).path).decode("latin-1")
    return Sent(application or front(), environ)


def through_django(client, path, method="GET", **headers):
    """The same request sent by Django's own WSGI handler, whose page-cache middleware serves it."""
    return as_sent(send(path, method, application=WSGIHandler(), **headers))


def as_sent(sent):
    return sent.status_code, sorted(sent.headers), sent.body


def test_the_project_serves_through_the_front():
    assert isinstance(wsgi.application, CacheFront)


@pytest.mark.parametrize("encoding", ["br, gzip", "gzip", "br;q=0, gzip", ""])
@pytest.mark.parametrize("path", ["/", "story", "/stories/?country=serbia", "/feed/", "/sr-latn/"])
def test_a_hit_skips_djangos_handler_and_is_what_the_middleware_sends(client, story, handled_by_django, path, encoding):
    path = story.get_absolute_url() if path == "story" else path
    application = front()
    first = send(path, application=application, accept_encoding=encoding)  # a miss: rendered and stored
    assert first.status_code == 200 and len(handled_by_django) == 1
    hit = send(path, application=application, accept_encoding=encoding)
    assert len(handled_by_django) == 1  # the front answered
    assert as_sent(hit) == as_sent(first)
    assert as_sent(hit) == through_django(client, path, accept_encoding=encoding)


def test_a_hit_costs_the_content_state_query_only(story, handled_by_django, django_assert_num_queries):
    application = front()
    send(story.get_absolute_url(), application=application)
    with django_assert_num_queries(1):
        assert send(story.get_absolute_url(), application=application).status_code == 200
    assert len(handled_by_django) == 1


def test_head_and_conditional_requests_are_answered_as_the_middleware_answers_them(client, story, handled_by_django):
    path = story.get_absolute_url()
    application = front()
    etag = send(path, application=application, accept_encoding="gzip").header("ETag")
    head = send(path, "HEAD", application=application, accept_encoding="gzip")
    revalidated = send(path, application=application, accept_encoding="gzip", if_none_match=etag)
    assert len(handled_by_django) == 1
    assert as_sent(head) == through_django(client, path, "HEAD", accept_encoding="gzip")
    assert revalidated.status_code == 304 and revalidated.body == b""
    assert revalidated.header("Content-Security-Policy")
    assert as_sent(revalidated) == through_django(client, path, accept_encoding="gzip", if_none_match=etag)


def test_a_hit_goes_through_the_https_redirect_and_gets_hsts(client, story, settings, handled_by_django):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    path = story.get_absolute_url()
    application = front()
    assert send(path, application=application, x_forwarded_proto="https").status_code == 200
    secure_hit = send(path, application=application, x_forwarded_proto="https")
    plain_hit = send(path, application=application)
    assert len(handled_by_django) == 1
    assert secure_hit.header("Strict-Transport-Security") == "max-age=3600"
    assert plain_hit.status_code == 301
    assert plain_hit.header("Location") == f"https://testserver{path}"
    assert as_sent(plain_hit) == through_django(client, path)
    assert as_sent(secure_hit) == through_django(client, path, x_forwarded_proto="https")


@pytest.mark.parametrize(
    "request_options",
    [
        {"cookie": "sessionid=abc"},  # an editor: rendered fresh, kept private
        {"host": "evil.example"},  # refused by Django with its 400
        {"method": "POST"},
        {"path": f"/{django_settings.ADMIN_URL}login/"},  # not a cacheable view
    ],
    ids=["session", "disallowed host", "post", "admin"],
)
def test_anything_but_a_readers_cacheable_page_goes_to_django(client, story, handled_by_django, request_options):
    options = {"path": story.get_absolute_url(), **request_options}
    path, method = options.pop("path"), options.pop("method", "GET")
    application = front()
    send(story.get_absolute_url(), application=application)  # cached for readers
    before = len(handled_by_django)
    sent = send(path, method, application=application, **options)
    assert len(handled_by_django) == before + 1
    if "cookie" in options:
        assert sent.status_code == 200 and sent.header("Cache-Control") == "private, no-cache"
    if "host" in options:
        assert sent.status_code == 400


def test_a_hit_counts_the_view_and_writes_the_batch_once_it_is_sent(story, handled_by_django):
    path = story.get_absolute_url()
    application = front()
    counter.is_flush_due()  # as if a batch had just been written
    for _ in range(2 * counter.CHECK_FLUSH_EVERY_VIEWS):  # the first through Django, then hits
        send(path, application=application, user_agent=BROWSER)
    assert len(handled_by_django) == 1
    assert not DailyStoryViews.objects.exists()  # counted in the cache, not yet written

    cache.delete(f"{counter.PREFIX}:flushed-recently")  # a minute later: the next check finds a batch due
    environ = RequestFactory().get(path, headers={"user_agent": BROWSER}).environ
    body = application(environ, lambda status, headers: None)  # a hit: Django's signals are not sent
    assert not DailyStoryViews.objects.exists()  # the reader is not kept waiting for it
    body.close()
    assert DailyStoryViews.objects.get(story=story).views == 2 * counter.CHECK_FLUSH_EVERY_VIEWS + 1
    assert len(handled_by_django) == 1


def test_a_hit_is_logged_like_any_request(story, caplog):
    path = story.get_absolute_url()
    application = front()
    send(path, application=application)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="balkanoscope.request"):
        send(path, application=application, if_none_match='"nothing"')
    [record] = [record for record in caplog.records if record.name == "balkanoscope.request"]
    assert (record.method, record.path, record.status) == ("GET", path, 200)


def test_without_the_page_cache_everything_goes_to_django(story, settings, handled_by_django):
    settings.PAGE_CACHE = False
    application = front()
    for _ in range(2):
        assert send(story.get_absolute_url(), application=application).status_code == 200
    assert len(handled_by_django) == 2


@pytest.mark.parametrize(
    "path",
    [
        "/stories/%FF%FE/",
        "/stories/a%00b/",
        "/%C0%AF",
        "/" + "a" * 3000,
        "/countries/%3Cscript%3E/",
        "/stories/?page=%00&utm_source=x",
        "/stories/?country=serbia&country=serbia&page=1e309",
        "/search/?q=" + "x" * 2000,
        "/sr-latn/stories/%D0%B0%E2%80%AE/",
    ],
)
def test_hostile_addresses_get_what_django_gives_them_and_never_a_5xx(client, story, path):
    application = front()
    sent = [send(path, application=application) for _ in range(2)]  # the second may be a hit
    assert all(response.status_code < 500 for response in sent)
    assert as_sent(sent[1]) == as_sent(sent[0]) == through_django(client, path)


def receivers(signal):
    live = signal._live_receivers(None)
    live = live[0] if isinstance(live, tuple) else live  # Django 5 returns (sync, async)
    return {f"{receiver.__module__}.{receiver.__qualname__}" for receiver in live}


def test_the_request_signals_a_hit_skips_do_only_what_the_front_does_itself():
    """A hit sends neither signal: the front does their work for a hit (cache_front.py). A new
    receiver must be weighed here: the front runs it too, or a hit does not need it."""
    assert receivers(request_started) == {
        "django.db.reset_queries",  # the query log is bounded; a hit leaves it
        "django.db.close_old_connections",  # drop_if_unusable(), for the one connection a hit uses
        "balkanoscope.sqlite.close_moved_connections",  # drop_if_unusable() too
    }
    assert receivers(request_finished) == {
        "django.db.close_old_connections",  # SentHit.close()
        "balkanoscope.after_response.run_deferred",  # SentHit.close()
        "django.core.cache.close_caches",  # a no-op for the local-memory and Redis backends
        "django.core.handlers.base.reset_urlconf",  # a hit never sets one
    }
