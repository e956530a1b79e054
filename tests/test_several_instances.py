"""Two app instances, each its own gunicorn with its own processes and memory, sharing one
PostgreSQL database, one Redis and one S3-protocol object store (moto's server): what an
editor does through one is what readers get from the other, at the next request."""

import io
import json
import os
import secrets
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import requests
from lxml import html
from PIL import Image

from tests.admin_http import AdminSession
from tests.servers import ROOT, object_store, postgres_database, redis_url
from tests.test_serving import start_server, stop_server

pytestmark = [pytest.mark.operational, pytest.mark.postgres]

PASSWORD = "a-long-test-password"
# Its own Redis database: the page cache's keys carry the content version, so nothing left
# from another run is ever read.
REDIS_DATABASE = 14
SETUP = f"""
import json
from tests.factories import make_country, make_theme, make_user
make_user("chief", is_superuser=True, password={PASSWORD!r})
print(json.dumps({{"country": make_country("Serbia").pk, "theme": make_theme("Poverty").pk}}))
"""


# The counts wait in the shared Redis until a flush writes them (README, "Readership").
COUNT_VIEWS = """
from django.db.models import Sum
from stories.models import DailyStoryViews
from stories.readership.counter import flush
flush()
print(DailyStoryViews.objects.filter(story_id={pk}).aggregate(total=Sum("views"))["total"])
"""


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (1400, 900), (90, 120, 150)).save(buffer, "JPEG")
    return buffer.getvalue()


class Cluster:
    """Instance `one` (where editors work) and instance `two` (where readers read)."""

    one: str
    two: str
    store: object
    vocabulary: dict
    manage_env: dict  # manage.py beside the instances


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("instances")
    with postgres_database("balkanoscope_instances") as database_url, object_store(tmp) as store:
        shared = {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url(REDIS_DATABASE),
            "STORY_PUBLISH_WITHOUT_CONSENT": "true",
            "DJANGO_LOGIN_FAILURE_LIMIT": "2",
            # One secret for the site: preview links and sessions are signed with it.
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            **store.environment(),
        }
        setup_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CACHE_URL"))}
        cluster = Cluster()
        cluster.store = store
        cluster.manage_env = {**setup_env, **shared}
        # One after the other: the first applies the migrations (the entry script migrates).
        cluster.one = start_server(tmp_path_factory.mktemp("one"), **shared)
        try:
            cluster.two = start_server(tmp_path_factory.mktemp("two"), **shared)
            try:
                result = subprocess.run(
                    [sys.executable, "manage.py", "shell", "-c", SETUP],
                    cwd=ROOT,
                    env=cluster.manage_env,
                    capture_output=True,
                    text=True,
                    timeout=120,
                )
                assert result.returncode == 0, result.stderr
                cluster.vocabulary = json.loads(result.stdout.splitlines()[-1])
                yield cluster
            finally:
                stop_server(cluster.two)
        finally:
            stop_server(cluster.one)


@pytest.fixture(scope="module")
def editor(cluster):
    session = AdminSession(cluster.one)
    assert session.login("chief", PASSWORD).status_code == 302
    return session


@pytest.fixture(scope="module")
def story(cluster, editor):
    """A story published through instance one, with a photo uploaded there."""
    pk = editor.save_story(
        None,
        files={"hero_image": ("holiday photo of Ana.jpg", photo(), "image/jpeg")},
        title="Uploaded on one",
        slug="uploaded",
        summary="A story whose photo was uploaded on the first instance.",
        hero_image_alt="A street",
        status="published",
        countries=[cluster.vocabulary["country"]],
        themes=[cluster.vocabulary["theme"]],
    )
    return pk


def get(url, **kwargs):
    return requests.get(url, timeout=15, allow_redirects=False, **kwargs)


def page(url):
    response = get(url)
    return response, html.fromstring(response.text) if response.text else None


def test_a_story_published_with_an_upload_on_one_is_served_with_its_media_and_card_by_the_other(cluster, story):
    response, document = page(cluster.two + "/stories/uploaded/")
    assert response.status_code == 200
    assert document.xpath("string(//h1)").strip() == "Uploaded on one"
    image_path = document.xpath('//img[contains(@src, "/media/stories/")]/@src')[0]
    redirect = get(cluster.two + image_path)
    assert redirect.status_code == 302 and redirect.headers["Location"].startswith(cluster.store.url)
    image = requests.get(redirect.headers["Location"], timeout=15)
    assert image.status_code == 200 and image.headers["Content-Type"].startswith("image/")

    card_path = urlsplit(document.xpath('string(//meta[@property="og:image"]/@content)')).path
    card_from_two = get(cluster.two + card_path)
    assert card_from_two.status_code == 200 and card_from_two.headers["Content-Type"] == "image/jpeg"
    card_from_one = get(cluster.one + card_path)  # read from the shared store, not drawn again
    assert card_from_one.content == card_from_two.content
    cards = [name for name in cluster.store.names(cluster.store.media_bucket, "stories/") if "/card-" in name]
    assert len(cards) == 1


def test_an_edit_on_one_is_on_the_other_at_the_next_request(cluster, editor, story):
    assert page(cluster.two + "/stories/uploaded/")[0].status_code == 200  # cached on two
    editor.save_story(story, title="Edited on one")
    _response, document = page(cluster.two + "/stories/uploaded/")
    assert document.xpath("string(//h1)").strip() == "Edited on one"
    assert "Edited on one" in get(cluster.two + "/stories/").text


def test_unpublishing_on_one_hides_the_story_and_its_images_on_the_other(cluster, editor, story):
    _response, document = page(cluster.two + "/stories/uploaded/")
    image_path = document.xpath('//img[contains(@src, "/media/stories/")]/@src')[0]
    editor.save_story(story, status="draft")
    assert get(cluster.two + "/stories/uploaded/").status_code == 404
    assert get(cluster.two + image_path).status_code == 404


def test_a_preview_link_revoked_on_one_stops_working_on_the_other(cluster, editor, story):
    link = editor.create_preview_link(story)  # the story is a draft again
    path = "/" + link.split("/", 3)[3]
    response, document = page(cluster.two + path)
    assert response.status_code == 200 and "Edited on one" in response.text
    preview_image = document.xpath('//img[contains(@src, "/media-preview/")]/@src')[0]
    assert get(cluster.two + preview_image).status_code == 302  # to a signed URL of the store
    editor.revoke_preview_links(story)
    assert get(cluster.two + path).status_code == 410  # the preview page says the link was revoked
    assert get(cluster.two + preview_image).status_code == 404


def test_readers_of_both_instances_are_counted_together(cluster, editor, story):
    editor.save_story(story, status="published")
    reader = {"User-Agent": "Mozilla/5.0 (Android 14; Mobile) Firefox/128.0"}
    for instance in (cluster.one, cluster.two, cluster.two):
        assert get(instance + "/stories/uploaded/", headers=reader).status_code == 200
    count = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", COUNT_VIEWS.format(pk=story)],
        cwd=ROOT,
        env=cluster.manage_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert count.returncode == 0, count.stderr
    assert count.stdout.split()[-1] == "3"


def test_a_withdrawal_on_one_answers_410_on_the_other_and_empties_the_storys_folder(cluster, editor, story):
    editor.save_story(story, status="published")
    response, _document = page(cluster.two + "/stories/uploaded/")
    assert response.status_code == 200
    assert cluster.store.names(cluster.store.media_bucket, "stories/")
    assert editor.withdraw(story).status_code == 200
    assert get(cluster.two + "/stories/uploaded/").status_code == 410
    assert get(cluster.two + f"/s/{story}/").status_code == 410
    assert cluster.store.names(cluster.store.media_bucket, "stories/") == []


def test_a_lockout_on_one_refuses_logins_on_the_other(cluster):
    attacker = AdminSession(cluster.one)
    assert attacker.login("chief", "not-the-password").status_code == 200  # the form again
    assert attacker.login("chief", "not-the-password").status_code == 429  # DJANGO_LOGIN_FAILURE_LIMIT
    owner = AdminSession(cluster.two)
    assert owner.login("chief", PASSWORD).status_code == 429
