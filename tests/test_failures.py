"""Ordinary failures, survived: the database or Redis going away, a full disk during an upload."""

import errno
import logging
import os
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import OperationalError, connection
from django.urls import reverse

from balkanoscope import cache as resilient_cache
from balkanoscope.health import database_outage
from balkanoscope.storage import AtomicFileSystemStorage
from stories.models import Story
from tests.factories import WIDE_PHOTO, image_upload, make_partner, make_story, make_user
from tests.test_admin import story_form_data

pytestmark = pytest.mark.django_db


# The database goes away.


def refuse_queries(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.fixture
def outage_log_reset():
    database_outage.recovered()
    yield
    database_outage.recovered()


def test_database_outage_answers_a_branded_503_and_recovers(client, caplog, outage_log_reset):
    story = make_story("Still here")
    with caplog.at_level(logging.WARNING), connection.execute_wrapper(refuse_queries):
        responses = [client.get(url) for url in ("/", "/stories/", story.get_absolute_url(), "/countries/")]
        ready = client.get("/readyz")
        alive = client.get("/healthz")
    for response in responses:
        assert response.status_code == 503
        body = response.content.decode()
        assert "trouble reaching our database" in body
        assert "Traceback" not in body and "OperationalError" not in body
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
        assert "Content-Security-Policy" in response
    assert ready.status_code == 503 and ready.json()["database"] == "unavailable"
    assert alive.status_code == 200 and alive.json()["database"] == "unavailable"  # alive, and says why not ready
    outage_records = [r for r in caplog.records if r.name == "balkanoscope.database"]
    assert len(outage_records) == 1  # once per outage, not per request
    assert outage_records[0].exc_info is None
    assert not [r for r in caplog.records if r.name == "django.request"]
    # The database is back: the very next request is served, no restart needed.
    assert client.get(story.get_absolute_url()).status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/healthz").json()["database"] == "ok"


def test_database_outage_outside_a_view_also_gets_the_503(client, outage_log_reset):
    client.force_login(make_user("chief", is_superuser=True))
    client.raise_request_exception = False
    with connection.execute_wrapper(refuse_queries):
        response = client.get(reverse("admin:index"))  # loading the session fails in middleware
    assert response.status_code == 503
    assert b"trouble reaching our database" in response.content


def test_other_errors_still_answer_the_500_page(rf):
    from balkanoscope.views import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500


# Redis goes away.


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port):
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    pytest.fail("redis-server did not start")


@pytest.fixture
def own_redis(settings, monkeypatch):
    """A Redis server of this test's own, on a free port, used as the cache."""
    if not shutil.which("redis-server"):
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: apt-get install redis-server")
        pytest.skip("redis-server is missing: apt-get install redis-server")
    port = free_port()
    server = start_redis(port)
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER_SECONDS", 0)  # retry at once in tests
    settings.CACHES = {
        "default": {
            "BACKEND": "balkanoscope.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    state = {"server": server, "port": port}
    yield state
    state["server"].kill()
    state["server"].wait()


@pytest.mark.operational
def test_redis_outage_is_an_empty_cache_logged_once(client, own_redis, caplog):
    story = make_story("Readable without Redis")
    cache.set("greeting", "hello")
    assert cache.get("greeting") == "hello"

    own_redis["server"].kill()
    own_redis["server"].wait()
    with caplog.at_level(logging.INFO, logger="balkanoscope.cache"):
        for _ in range(3):
            assert client.get(story.get_absolute_url()).status_code == 200
            assert client.get("/").status_code == 200
        assert cache.get("greeting", "fallback") == "fallback"
        assert cache.get_or_set("computed", lambda: 42) == 42
        cache.set("greeting", "lost")
        cache.delete("greeting")
        assert cache.get_many(["a", "b"]) == {}
        assert client.get("/readyz").json()["cache"] == "unavailable"
        outage_lines = [r for r in caplog.records if "unavailable" in r.getMessage()]
        assert len(outage_lines) == 1

        own_redis["server"] = start_redis(own_redis["port"])
        cache.set("greeting", "back")
        assert cache.get("greeting") == "back"
        assert [r.getMessage() for r in caplog.records].count(
            f"cache redis://127.0.0.1:{own_redis['port']}/0 available again"
        ) == 1
    assert client.get("/readyz").status_code == 200


def stop_redis(own_redis):
    own_redis["server"].kill()
    own_redis["server"].wait()


def test_every_redis_outage_is_logged_and_pages_are_cached_again_after_each(
    client, own_redis, caplog, django_assert_num_queries
):
    make_story("Readable through outages")
    location = f"cache redis://127.0.0.1:{own_redis['port']}/0"

    def logged(what):
        return sum(r.getMessage().startswith(f"{location} {what}") for r in caplog.records)

    with caplog.at_level(logging.INFO):
        for outage in (1, 2):
            stop_redis(own_redis)
            # Pages this process has not kept are rendered, meeting the outage in the cache.
            for n in range(3):
                assert "Readable through outages" in client.get(f"/stories/?during={outage}-{n}").content.decode()
            assert logged("unavailable:") == outage
            own_redis["server"] = start_redis(own_redis["port"])
            url = f"/stories/?after={outage}"
            assert client.get(url).status_code == 200
            assert logged("available again") == outage
            with django_assert_num_queries(1):  # cached again: the content state only
                assert client.get(url).status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.name != "balkanoscope.cache"]


# The disk fills up during an upload.


class FullDiskStorage(AtomicFileSystemStorage):
    """Media storage on a disk that is full after `room` more files."""

    room = 0

    def _save(self, name, content):
        if FullDiskStorage.room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        FullDiskStorage.room -= 1
        return super()._save(name, content)


@pytest.fixture
def full_disk(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "tests.test_failures.FullDiskStorage"}}
    FullDiskStorage.room = 0
    return FullDiskStorage


def media_files(root):
    return {path.relative_to(root) for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("chief", is_superuser=True))
    return client


@pytest.mark.parametrize("room", [0, 2], ids=["image-fails", "renditions-fail-half-way"])
def test_full_disk_on_upload_keeps_the_form_and_leaves_no_file(editor_client, full_disk, media_root, room, caplog):
    full_disk.room = room
    before = media_files(media_root)
    data = story_form_data(title="Keep my title", summary="Keep my summary", hero_image=image_upload(size=WIDE_PHOTO))
    data["hero_image_alt"] = "Keep my alt text"
    with caplog.at_level(logging.ERROR):
        response = editor_client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "The image could not be stored" in body
    for kept in ("Keep my title", "Keep my summary", "Keep my alt text"):
        assert kept in body
    assert not Story.objects.exists()
    assert media_files(media_root) == before
    assert any("media storage" in r.getMessage() and r.exc_info for r in caplog.records)  # traceback in the log


def test_full_disk_when_replacing_an_image_keeps_the_old_one(editor_client, full_disk, media_root):
    full_disk.room = 100
    story = make_story("Pictured", hero_image=image_upload(), hero_image_alt="Hills")
    old_name, old_renditions = story.hero_image.name, story.hero_renditions
    before = media_files(media_root)
    full_disk.room = 1  # the new image fits, its renditions do not
    data = story_form_data(title="Pictured", slug=story.slug, hero_image=image_upload("new.jpg"))
    data["hero_image_alt"] = "New hills"
    data["opened_edit_token"] = str(story.edit_token)  # the version this editor opened
    response = editor_client.post(reverse("admin:stories_story_change", args=[story.pk]), data)
    assert response.status_code == 200 and b"The image could not be stored" in response.content
    story.refresh_from_db()
    assert (story.hero_image.name, story.hero_renditions) == (old_name, old_renditions)
    assert media_files(media_root) == before  # the old files are all still there, no new ones


def test_partner_logo_on_a_full_disk_is_a_form_error(editor_client, full_disk):
    partner = make_partner()
    response = editor_client.post(
        reverse("admin:partners_partner_change", args=[partner.pk]),
        {"name": partner.name, "slug": partner.slug, "description": "x", "sort_order": 0, "logo": image_upload()},
    )
    assert response.status_code == 200
    assert b"The image could not be stored" in response.content


class DiskFullHalfWay(ContentFile):
    """Content whose writing fails after the first chunk, as a disk filling up would."""

    def chunks(self, chunk_size=None):
        yield b"\xff\xd8 first half"
        raise OSError(errno.ENOSPC, "No space left on device")


def test_storage_removes_a_half_written_file(tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path)
    with pytest.raises(OSError):
        storage.save("stories/photo.jpg", DiskFullHalfWay(b""))
    assert media_files(tmp_path) == set()
    name = storage.save("stories/photo.jpg", ContentFile(b"complete"))
    assert (tmp_path / name).read_bytes() == b"complete"
    assert media_files(tmp_path) == {tmp_path.joinpath(name).relative_to(tmp_path)}
