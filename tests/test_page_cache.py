"""The page cache is correct: readers never see a page older than the last edit, scheduled
stories appear on time, editors and the admin are never cached, and conditional GET works."""

import gzip
import time
from datetime import timedelta

import brotli
import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from balkanoscope import page_cache
from balkanoscope.page_cache import CachedPage, HotPages, preferred_encoding
from partners.models import Page
from stories.models import Story
from tests.factories import make_contributor, make_country, make_page, make_partner, make_story, make_theme, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    serbia, poverty = make_country("Serbia"), make_theme("Poverty")
    make_partner()
    make_page()
    story = make_story("Water for Bor", countries=[serbia], themes=[poverty], contributors=["Jelena Đukić"])
    return {"story": story, "country": serbia, "theme": poverty}


PAGES_SHOWING_THE_STORY = [
    "/",
    "/stories/",
    "/stories/?country=serbia&theme=poverty",
    "/countries/serbia/",
    "/themes/poverty/",
    "/search/?q=bor",
    "/feed/",
    "/feed/atom/",
    "/countries/serbia/feed/",
    "/themes/poverty/feed/atom/",
]


def text(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def warm(client, urls):
    for url in urls:
        client.get(url)


def test_a_cached_page_costs_one_query_and_is_the_same_page(client, content, django_assert_num_queries):
    url = content["story"].get_absolute_url()
    first = text(client, url)
    with django_assert_num_queries(1):  # the content version; nothing else runs
        assert text(client, url) == first


def test_an_edited_story_shows_on_every_page_at_the_next_request(client, content):
    story = content["story"]
    urls = [*PAGES_SHOWING_THE_STORY, story.get_absolute_url()]
    warm(client, urls)
    story.title = "Clean water for Bor"
    story.save()
    for url in urls:
        assert "Clean water for Bor" in text(client, url), url


def test_publishing_unpublishing_and_deleting_show_at_the_next_request(client, content):
    draft = make_story("Quiet village", status=Story.Status.DRAFT, countries=[content["country"]])
    urls = [*PAGES_SHOWING_THE_STORY, draft.get_absolute_url()]
    warm(client, urls)
    text(client, draft.get_absolute_url(), status=404)

    draft.status = Story.Status.PUBLISHED
    draft.save()
    assert "Quiet village" in text(client, draft.get_absolute_url())
    assert "Quiet village" in text(client, "/")
    assert "Quiet village" in text(client, "/countries/serbia/")

    draft.status = Story.Status.DRAFT
    draft.save()
    text(client, draft.get_absolute_url(), status=404)
    assert "Quiet village" not in text(client, "/")

    story = content["story"]
    warm(client, [*urls, story.get_absolute_url()])
    story.delete()
    text(client, story.get_absolute_url(), status=404)
    for url in PAGES_SHOWING_THE_STORY:
        assert "Water for Bor" not in text(client, url), url


def test_the_sitemap_follows_publishing_and_deleting_at_the_next_request(client, content):
    draft = make_story("Quiet village", status=Story.Status.DRAFT)
    assert draft.get_absolute_url() not in text(client, "/sitemap-stories.xml")
    draft.status = Story.Status.PUBLISHED
    draft.save()
    assert draft.get_absolute_url() in text(client, "/sitemap-stories.xml")
    draft.delete()
    assert draft.get_absolute_url() not in text(client, "/sitemap-stories.xml")


def test_retagging_a_story_updates_filtered_lists_and_counts(client, content):
    story = content["story"]
    albania = make_country("Albania")
    warm(client, ["/countries/", "/countries/albania/", "/stories/?country=serbia&theme=poverty"])
    story.countries.set([albania])
    assert "Water for Bor" in text(client, "/countries/albania/")
    assert "Water for Bor" not in text(client, "/stories/?country=serbia&theme=poverty")
    assert "0 stories" in text(client, "/countries/serbia/")


def test_editing_a_country_theme_contributor_partner_or_page_shows_everywhere(client, content):
    story_url = content["story"].get_absolute_url()
    warm(client, [story_url, "/", "/countries/serbia/", "/themes/poverty/", "/about/", "/partners/"])

    content["country"].description = "Land of rivers."
    content["country"].footnote = "A footnote for Serbia."
    content["country"].save()
    assert "Land of rivers." in text(client, "/countries/serbia/")
    assert "A footnote for Serbia." in text(client, story_url)

    content["theme"].name = "Hardship"
    content["theme"].save()
    assert "Hardship" in text(client, story_url)
    assert "Hardship" in text(client, "/")

    contributor = make_contributor("Jelena Đukić")
    contributor.name = "Jelena Đukić-Petrović"
    contributor.save()
    assert "Jelena Đukić-Petrović" in text(client, story_url)

    partner = make_partner()
    partner.name = "EWB renamed"
    partner.logo = ""
    partner.save()
    assert "EWB renamed" in text(client, "/partners/")

    page = Page.objects.get(slug="about")
    page.body = "<p>A new about text.</p>"
    page.save()
    assert "A new about text." in text(client, "/about/")


def test_a_scheduled_story_appears_at_its_time_with_the_cache_warm(client, content, monkeypatch):
    publish_at = timezone.now() + timedelta(hours=1)
    scheduled = make_story("Tomorrow's story", published_at=publish_at, countries=[content["country"]])
    urls = ["/", "/stories/", "/countries/serbia/"]
    for url in urls:
        assert "Tomorrow&#x27;s story" not in text(client, url)
        assert "Tomorrow&#x27;s story" not in text(client, url)  # now served from the cache
    text(client, scheduled.get_absolute_url(), status=404)

    later = publish_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    for url in urls:
        assert "Tomorrow&#x27;s story" in text(client, url), url
    text(client, scheduled.get_absolute_url())


def test_public_pages_never_cache_control_past_the_next_scheduled_story(client, content, monkeypatch):
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)  # the clock stands still: no window to miss
    make_story("Soon", published_at=now + timedelta(seconds=30))
    max_age = int(client.get("/")["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age == 30


def test_matching_if_none_match_gets_304_and_a_change_gets_200(client, content):
    url = content["story"].get_absolute_url()
    response = client.get(url)
    etag = response["ETag"]
    assert response["Last-Modified"]
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag

    compressed = client.get(url, HTTP_ACCEPT_ENCODING="br")
    assert client.get(url, HTTP_IF_NONE_MATCH=compressed["ETag"]).status_code == 304

    content["story"].subtitle = "Changed"
    content["story"].save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_conditional_get_follows_django_semantics_for_every_encoding(client, content):
    url = content["story"].get_absolute_url()
    plain, compressed = client.get(url), client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["ETag"] == f"W/{plain['ETag']}"  # the same page, in another encoding
    for tag in (plain["ETag"], compressed["ETag"], f'"other", {plain["ETag"]}', "*"):
        for accept in ("", "br", "gzip"):
            assert client.get(url, HTTP_IF_NONE_MATCH=tag, HTTP_ACCEPT_ENCODING=accept).status_code == 304, tag
    assert client.get(url, HTTP_IF_NONE_MATCH='"another-page"').status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=plain["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="Thu, 01 Jan 2015 00:00:00 GMT").status_code == 200
    # If-None-Match decides alone when both are sent.
    both = {"HTTP_IF_NONE_MATCH": '"another-page"', "HTTP_IF_MODIFIED_SINCE": plain["Last-Modified"]}
    assert client.get(url, **both).status_code == 200
    assert client.get(url, HTTP_IF_MATCH='"another-page"').status_code == 412


def test_a_not_modified_answer_carries_the_validators_and_policies(client, content, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    url = content["story"].get_absolute_url()
    page = client.get(url, secure=True, HTTP_ACCEPT_ENCODING="br")
    not_modified = client.get(url, secure=True, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=page["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    kept = ["ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Security-Policy", "Permissions-Policy"]
    kept += ["Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy"]
    assert {name: not_modified[name] for name in kept} == {name: page[name] for name in kept}
    assert "Content-Encoding" not in not_modified and "Content-Type" not in not_modified


def test_a_hit_carries_exactly_the_headers_of_the_render(client, content, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    for url in [content["story"].get_absolute_url(), "/", "/feed/", "/robots.txt"]:
        for accept in ("", "gzip, deflate, br"):
            rendered = client.get(url, secure=True, HTTP_ACCEPT_ENCODING=accept)
            cached = client.get(url, secure=True, HTTP_ACCEPT_ENCODING=accept)
            assert dict(cached.items()) == dict(rendered.items()), url
            assert cached.content == rendered.content
    for name in ("Strict-Transport-Security", "Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert name in cached


def test_a_cached_page_still_redirects_plain_http_to_https(client, content, settings):
    url = content["story"].get_absolute_url()
    text(client, url)
    settings.SECURE_SSL_REDIRECT = True
    response = type(client)().get(url)  # a new client: middleware reads the setting at start-up
    assert response.status_code == 301 and response["Location"] == f"https://testserver{url}"


@pytest.mark.parametrize(
    ("accept_encoding", "expected"),
    [
        ("gzip, deflate, br", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0.5, br;q=0.9", "br"),
        ("gzip;q=0.9, br;q=0.5", "gzip"),
        ("br;q=0.0", None),
        ("br;q=0.000, gzip;q=0", None),
        ("BR ; Q=1, GZIP", "br"),
        ("x-gzip", "gzip"),
        ("*", "br"),
        ("*;q=0", None),
        ("*;q=0.5, br;q=0", "gzip"),
        ("identity", None),
        ("identity;q=0, gzip", "gzip"),
        ("gzip;q=0.5, identity", None),
        ("br;q=x, gzip;q=2", None),
        ("deflate", None),
        ("", None),
    ],
)
def test_accept_encoding_q_values_choose_the_coding(accept_encoding, expected):
    assert preferred_encoding(accept_encoding) == expected


def test_a_refused_coding_is_never_sent(client, content):
    plain = client.get("/").content
    assert client.get("/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")["Content-Encoding"] == "gzip"
    assert client.get("/", HTTP_ACCEPT_ENCODING="gzip;q=0.5, br;q=0.9")["Content-Encoding"] == "br"
    refused = client.get("/", HTTP_ACCEPT_ENCODING="br;q=0.0")
    assert "Content-Encoding" not in refused and refused.content == plain


def test_pages_are_served_compressed_to_browsers_that_accept_it(client, content):
    plain = client.get("/").content
    as_brotli = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert as_brotli["Content-Encoding"] == "br"
    assert brotli.decompress(as_brotli.content) == plain
    as_gzip = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert as_gzip["Content-Encoding"] == "gzip"
    assert gzip.decompress(as_gzip.content) == plain
    assert "Accept-Encoding" in as_gzip["Vary"]


def test_tracking_parameters_share_the_cache_entry(client, content, django_assert_num_queries):
    page = text(client, "/stories/?country=serbia")
    with django_assert_num_queries(1):
        tracked = text(client, "/stories/?utm_source=facebook&country=serbia&fbclid=abc&gclid=x&utm_medium=social")
    assert tracked == page


def test_public_pages_are_public_and_set_no_cookies(client, content):
    for url in [*PAGES_SHOWING_THE_STORY, content["story"].get_absolute_url(), "/countries/", "/themes/", "/about/"]:
        response = client.get(url)
        assert not response.cookies, url
        assert "Set-Cookie" not in response
        cache_control = response["Cache-Control"]
        assert cache_control.startswith("public, max-age=") and "s-maxage=" in cache_control, url
        assert "Cookie" not in response.get("Vary", "")


def test_errors_are_not_cached(client, content):
    response = client.get("/stories/not-yet/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
    make_story("Not yet", slug="not-yet")
    assert client.get("/stories/not-yet/").status_code == 200


def test_editors_get_fresh_private_pages_and_never_fill_the_cache(client, content):
    editor = make_user(is_superuser=True)
    client.force_login(editor)
    response = client.get("/")
    assert response["Cache-Control"] == "private, no-cache"
    assert "ETag" not in response
    client.logout()
    client.cookies.clear()
    assert client.get("/")["Cache-Control"].startswith("public")


def test_admin_responses_are_never_cached(client, content):
    client.force_login(make_user(is_superuser=True))
    for url in [reverse("admin:index"), reverse("admin:stories_story_changelist")]:
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    client.cookies.clear()
    response = client.get(reverse("admin:login"))
    assert "public" not in response.get("Cache-Control", "")


def test_a_disallowed_host_is_refused_even_when_the_page_is_cached(client, content, django_assert_num_queries):
    text(client, "/")
    with django_assert_num_queries(0):  # refused before the content state, the cache or the view
        refused = client.get("/", HTTP_HOST="evil.example")
    assert refused.status_code == 400
    elsewhere = client.get("/no-such-page/", HTTP_HOST="evil.example")  # never a cached page
    assert dict(refused.items()) == dict(elsewhere.items())


def test_page_cache_off_renders_every_time_with_validators(client, content, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE = False
    url = content["story"].get_absolute_url()
    text(client, url)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert "stories/story_detail.html" in [template.name for template in response.templates]  # rendered again
    assert response["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_loading_data_raw_as_a_restore_does_outdate_cached_pages(client, content):
    from django.core import serializers

    story = content["story"]
    saved = serializers.serialize("json", [story])
    warm(client, [story.get_absolute_url()])
    story.title = "Edited after the backup"
    story.save()
    assert "Edited after the backup" in text(client, story.get_absolute_url())
    for restored in serializers.deserialize("json", saved):
        restored.save()  # raw, as loaddata saves
    assert "Water for Bor" in text(client, story.get_absolute_url())


def test_pages_render_from_the_database_when_the_cache_backend_is_down(client, content, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "balkanoscope.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert "Water for Bor" in text(client, "/")
    assert "Water for Bor" in text(client, content["story"].get_absolute_url())


def test_hot_pages_keep_the_newest_pages_until_their_cache_entries_expire(monkeypatch):
    hot = HotPages(size=2)
    page = CachedPage.variants(HttpResponse(b"<p>A page</p>"))[None]
    for key in ("first", "second", "third"):
        hot.put(key, page, timeout=60)
    assert hot.get("first") is None
    assert hot.get("third").stored_response.content == b"<p>A page</p>"
    assert hot.get("second") is not hot.get("second")  # a fresh response for every hit
    later = time.monotonic() + 61
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    assert hot.get("third") is None


def test_hot_pages_are_one_processs_and_forgotten_when_settings_change(client, content, settings):
    """One PageCache serves the middleware and the WSGI front; a test that changes settings (a
    fresh cache backend, another SITE_URL) must not be served a page rendered before."""
    client.get(content["story"].get_absolute_url())
    assert page_cache.page_cache.hot_pages.entries
    settings.SITE_URL = "https://elsewhere.example"
    assert not page_cache.page_cache.hot_pages.entries
