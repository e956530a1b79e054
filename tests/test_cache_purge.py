"""What each change bans from the proxies in CACHE_PURGE_URLS (stories/cache_purge.py), and the
tags pages carry (balkanoscope/cache_tags.py). A small HTTP listener stands in for Varnish
here; tests/test_caching_proxy.py runs the real one."""

import logging
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from django.utils import timezone

from stories import cache_purge
from stories.models import Story
from tests.factories import make_country, make_page, make_partner, make_story

pytestmark = pytest.mark.django_db


class Proxy(ThreadingHTTPServer):
    """Records the Surrogate-Key of every BAN; answers `status`."""

    def __init__(self):
        self.bans, self.status = [], 200

        class Handler(BaseHTTPRequestHandler):
            def do_BAN(handler):  # noqa: N802 (the HTTP method's name)
                self.bans.append(set(handler.headers["Surrogate-Key"].split()))
                handler.send_response(self.status)
                handler.end_headers()

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture
def proxy(settings, monkeypatch):
    server = Proxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{server.server_address[1]}"]
    monkeypatch.setattr(cache_purge, "RETRY_PAUSE_SECONDS", 0)
    yield server
    server.shutdown()
    server.server_close()


def made(make, capture, *args, **fields):
    """make(*args, **fields), its own bans sent and forgotten."""
    with capture(execute=True):
        made = make(*args, **fields)
    return made


def test_an_edit_bans_the_storys_pages_and_the_lists_once_per_transaction(proxy, django_capture_on_commit_callbacks):
    story = made(make_story, django_capture_on_commit_callbacks, "Edited")
    proxy.bans.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Edited again"
        story.save()
        story.tags.add("water")
    assert proxy.bans == [{f"story-{story.pk}", "lists"}]


def test_publishing_also_bans_every_story_page_whose_sidebar_may_change(proxy, django_capture_on_commit_callbacks):
    story = made(make_story, django_capture_on_commit_callbacks, "Draft", status=Story.Status.DRAFT)
    proxy.bans.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.status, story.published_at = Story.Status.PUBLISHED, timezone.now()
        story.save()
    assert proxy.bans == [{f"story-{story.pk}", "lists", "stories"}]


def test_a_country_edit_bans_its_pages_and_partner_and_page_edits_ban_every_page(
    proxy, django_capture_on_commit_callbacks
):
    country = made(make_country, django_capture_on_commit_callbacks, "Kosovo")
    with django_capture_on_commit_callbacks(execute=True):
        country.description = "New description."
        country.save()
    with django_capture_on_commit_callbacks(execute=True):
        make_partner()
    with django_capture_on_commit_callbacks(execute=True):
        make_page()
    assert proxy.bans[-3:] == [{f"country-{country.pk}", "lists"}, {"site"}, {"site"}]


def test_a_proxy_that_fails_is_tried_three_times_and_logged_and_the_edit_is_kept(
    proxy, django_capture_on_commit_callbacks, caplog
):
    story = made(make_story, django_capture_on_commit_callbacks, "Kept")
    proxy.status = 503
    proxy.bans.clear()
    with caplog.at_level(logging.ERROR, logger="stories.cache_purge"), django_capture_on_commit_callbacks(execute=True):
        Story.objects.get(pk=story.pk).save()
    assert len(proxy.bans) == 3
    assert [record.getMessage() for record in caplog.records] == ["Cache purge failed"]
    assert Story.objects.filter(pk=story.pk, title="Kept").exists()


def record_tags(tags):
    RECORDED.append(tags)


RECORDED = []


def test_the_cdn_hook_gets_the_same_tags(settings, django_capture_on_commit_callbacks):
    settings.CACHE_PURGE_HOOK = "tests.test_cache_purge.record_tags"
    cache_purge.purge_hook.cache_clear()
    story = made(make_story, django_capture_on_commit_callbacks, "Hooked")
    RECORDED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.save()
    assert [sorted({f"story-{story.pk}", "lists"})] == RECORDED


def test_a_scheduled_story_coming_due_bans_lists_and_story_pages_at_the_next_request(proxy, monkeypatch, client):
    due_at = timezone.now() + timedelta(minutes=5)
    make_story("Scheduled", published_at=due_at)
    monkeypatch.setitem(cache_purge.next_publish_seen, "at", None)
    client.get(reverse("stories:home"))
    assert proxy.bans == []
    later = due_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    client.get(reverse("stories:home"))
    wait_for(lambda: proxy.bans)  # sent beside the reader's request
    assert proxy.bans == [{"lists", "stories"}]
    client.get(reverse("stories:home"))  # once
    assert len(proxy.bans) == 1


def wait_for(condition, seconds=5):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_pages_name_what_they_show_in_their_tags(client):
    story = make_story("Tagged", countries=["Serbia"], themes=["Poverty"])
    detail = client.get(story.get_absolute_url())
    tags = set(detail["Surrogate-Key"].split())
    assert {"site", "stories", f"story-{story.pk}"} <= tags
    assert {f"country-{c.pk}" for c in story.countries.all()} <= tags
    assert client.get(story.get_absolute_url())["Surrogate-Key"] == detail["Surrogate-Key"]  # from the page cache
    assert client.get(reverse("stories:list"))["Surrogate-Key"] == "site lists"
