"""Varnish, with deploy/varnish/default.vcl, in front of the app served by gunicorn: public pages
are cached for as long as the app says, and every change bans them at once (stories/cache_purge.py);
the admin, previews and anything with a cookie never come from the cache."""

import json
import os
import subprocess
import sys

import pytest
import requests
from lxml import html

from tests.admin_http import AdminSession
from tests.servers import ROOT, varnish
from tests.test_serving import free_port, start_server, stop_server

pytestmark = pytest.mark.operational

PASSWORD = "a-long-test-password"
CREATED = {}  # the pks SETUP made: story, country, theme
SETUP = f"""
from tests.factories import make_story, make_user
make_user("chief", is_superuser=True, password={PASSWORD!r})
story = make_story("Before the edit", slug="cached", countries=["Serbia"], themes=["Poverty"], has_consent=True)
make_story("A neighbour", slug="neighbour", countries=["Serbia"], themes=["Poverty"])
import json
print(json.dumps({{"story": story.pk, "country": story.countries.get().pk, "theme": story.themes.get().pk}}))
"""


def shell(env, code):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(the app's URL, Varnish's URL): one gunicorn instance on SQLite behind Varnish."""
    tmp = tmp_path_factory.mktemp("proxy")
    proxy_port = free_port()
    app = start_server(
        tmp,
        CACHE_PURGE_URLS=f"http://127.0.0.1:{proxy_port}",
        STORY_PUBLISH_WITHOUT_CONSENT="true",
        CACHE_URL="locmem://",
    )
    CREATED.update(json.loads(shell(server_environment(tmp), SETUP).splitlines()[-1]))
    try:
        with varnish([int(app.rsplit(":", 1)[1])], port=proxy_port) as proxy:
            yield app, proxy
    finally:
        stop_server(app)


def server_environment(tmp):
    """start_server()'s database and media, for manage.py commands beside the server."""
    return {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "REDIS_URL"))
        },
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
    }


def new_story(editor, **fields):
    return editor.save_story(None, countries=[CREATED["country"]], themes=[CREATED["theme"]], **fields)


def get(url, **kwargs):
    return requests.get(url, timeout=10, allow_redirects=False, **kwargs)


def title_of(response):
    return html.fromstring(response.text).xpath("string(//h1)").strip()


@pytest.fixture(scope="module")
def editor(site):
    session = AdminSession(site[1])  # editors reach the admin through the proxy too
    assert session.login("chief", PASSWORD).status_code == 302
    return session


def test_public_pages_are_cached_by_the_apps_cache_control(site):
    _app, proxy = site
    first, second = get(proxy + "/stories/cached/"), get(proxy + "/stories/cached/")
    assert first.status_code == second.status_code == 200
    assert second.headers["X-Cache"] == "hit"
    assert "s-maxage=" in second.headers["Cache-Control"]
    assert "Surrogate-Key" not in second.headers  # for proxies only
    assert get(proxy + "/feed/").status_code == 200 and get(proxy + "/feed/").headers["X-Cache"] == "hit"


def test_a_published_edit_is_visible_through_varnish_at_the_next_request(site, editor):
    _app, proxy = site
    get(proxy + "/stories/cached/")
    get(proxy + "/stories/")
    assert get(proxy + "/stories/cached/").headers["X-Cache"] == "hit"
    editor.save_story(CREATED["story"], title="After the edit")
    response = get(proxy + "/stories/cached/")
    assert title_of(response) == "After the edit"
    assert "After the edit" in get(proxy + "/stories/").text  # the lists too
    # The page of another story was not touched by an edit that does not change its sidebar.
    get(proxy + "/stories/neighbour/")
    assert get(proxy + "/stories/neighbour/").headers["X-Cache"] == "hit"


def test_admin_pages_are_never_cached(site, editor):
    _app, proxy = site
    for _ in range(2):
        response = editor.get("/admin/")
        assert response.status_code == 200 and response.headers["X-Cache"] == "miss"
    # Nor the login page, which sets the CSRF cookie, for someone with no cookie at all.
    for _ in range(2):
        response = get(proxy + "/admin/login/")
        assert "csrftoken" in response.headers.get("Set-Cookie", "")
        assert response.headers["X-Cache"] == "miss"


def test_a_public_page_asked_with_a_session_is_neither_served_from_nor_stored_in_the_cache(site, editor):
    _app, proxy = site
    for _ in range(2):
        response = editor.get("/stories/")
        assert response.status_code == 200 and response.headers["X-Cache"] == "miss"
        assert "private" in response.headers["Cache-Control"]


def test_a_preview_is_never_cached(site, editor):
    _app, proxy = site
    pk = new_story(editor, title="Still a draft", status="draft", summary="A draft's summary for cards.")
    link = editor.create_preview_link(pk)
    path = "/" + link.split("/", 3)[3]
    for _ in range(2):
        response = get(proxy + path)
        assert response.status_code == 200 and response.headers["X-Cache"] == "miss"
        assert "Still a draft" in response.text
    editor.revoke_preview_links(pk)
    assert get(proxy + path).status_code in (404, 410)


def test_a_withdrawn_story_answers_410_through_varnish_at_once(site, editor):
    _app, proxy = site
    pk = new_story(
        editor, title="To be withdrawn", slug="to-be-withdrawn", status="published", summary="A summary for cards."
    )
    get(proxy + "/stories/to-be-withdrawn/")
    assert get(proxy + "/stories/to-be-withdrawn/").headers["X-Cache"] == "hit"
    assert "To be withdrawn" in get(proxy + "/stories/").text
    assert editor.withdraw(pk).status_code == 200
    assert get(proxy + "/stories/to-be-withdrawn/").status_code == 410
    assert "To be withdrawn" not in get(proxy + "/stories/").text
    assert get(proxy + f"/s/{pk}/").status_code == 410


def test_a_scheduled_story_is_listed_through_varnish_at_the_first_request_after_its_time(site):
    import time
    from datetime import UTC, datetime, timedelta

    app, proxy = site
    due_at = datetime.now(UTC) + timedelta(seconds=4)
    # Scheduled as the app would (its save bans the lists, which then live until the publish time).
    shell(
        {**server_environment(app.log.parent), "CACHE_PURGE_URLS": proxy},
        "from datetime import datetime\nfrom tests.factories import make_story\n"
        f"make_story('Due in a moment', slug='due', published_at=datetime.fromisoformat({due_at.isoformat()!r}))",
    )
    get(proxy + "/stories/")
    listed = get(proxy + "/stories/")
    assert listed.headers["X-Cache"] == "hit" and "Due in a moment" not in listed.text
    # The app's s-maxage never runs past the next scheduled publish, and Varnish serves no stale
    # copy while the app answers: the first request after the time gets the new list.
    time.sleep(max(0, (due_at - datetime.now(UTC)).total_seconds()) + 0.5)
    assert "Due in a moment" in get(proxy + "/stories/").text
