"""MEDIA_STORAGE=s3 against a real S3-protocol server (moto's, started as a process): uploads,
renditions, share cards, private consent forms, story files private until published, deletion
on withdrawal, and backup and restore of the buckets.

moto refuses unsigned reads the bucket policy does not allow, but checks neither a signature nor
its expiry: these tests check that signed URLs carry the expiry configured; MinIO and S3
enforce it."""

import hashlib
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile

from stories.editorial.withdrawal import withdraw_story
from stories.models import Story
from stories.sharing.cards import story_share_image
from tests.factories import image_upload, make_partner, make_story, make_user
from tests.servers import ROOT, object_store
from tests.test_backup import MAKE_CONTENT

pytestmark = [pytest.mark.operational, pytest.mark.django_db]

PDF = b"%PDF-1.4\n% a signed consent form\n"
WITH_CONSENT_FORM = """
from django.core.files.uploadedfile import SimpleUploadedFile
story.consent_form = SimpleUploadedFile("form.pdf", b"%PDF-1.4 form", content_type="application/pdf")
story.save()
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with object_store(tmp_path_factory.mktemp("moto")) as running:
        yield running


@pytest.fixture
def s3_settings(settings, store):
    for name, value in store.environment().items():
        if name != "MEDIA_STORAGE":
            setattr(settings, name, value)
    settings.MEDIA_STORAGE = "s3"
    settings.AWS_S3_PUBLIC_ENDPOINT_URL = None
    settings.AWS_S3_CUSTOM_DOMAIN = None
    settings.MEDIA_SIGNED_URL_MAX_AGE = 120
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "balkanoscope.object_storage.PublicMediaStorage"},
        "private": {"BACKEND": "balkanoscope.object_storage.PrivateMediaStorage"},
    }
    return settings


def anonymous_get(store, bucket, name):
    return requests.get(f"{store.url}/{bucket}/{name}", timeout=5)


def test_story_files_go_to_the_media_bucket_typed_and_unreadable_without_a_signature(s3_settings, store):
    story = make_story("Stored", hero_image=image_upload(size=(1600, 900)), hero_image_alt="Hills")
    names = store.names(store.media_bucket, story.media_folder)
    assert story.hero_image.name in names
    assert {r["name"] for r in story.hero_renditions} <= set(names) and len(story.hero_renditions) >= 2
    stored = store.read(store.media_bucket, story.hero_renditions[0]["name"])
    assert stored["ContentType"] == "image/webp"
    # Nobody reads a story's folder straight from the bucket, published or not.
    assert anonymous_get(store, store.media_bucket, story.hero_image.name).status_code == 403
    # Its URLs are the app's gate, which asks the database first.
    assert story.hero_image.url == f"/media/{story.hero_image.name}"


def test_public_uploads_are_served_by_the_bucket_with_long_cache_headers(s3_settings, store):
    partner = make_partner(logo=image_upload("logo.png", size=(200, 100), fmt="PNG"))
    assert partner.logo.url.startswith(f"{store.url}/{store.media_bucket}/partners/")
    response = requests.get(partner.logo.url, timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers["Cache-Control"] == "public, max-age=86400"


def test_a_published_storys_image_redirects_to_a_signed_url_and_a_drafts_answers_404(s3_settings, store, client):
    public = make_story("Public", hero_image=image_upload(), hero_image_alt="Hills")
    draft = make_story("Draft", status=Story.Status.DRAFT, hero_image=image_upload(), hero_image_alt="Hills")

    response = client.get(public.hero_image.url)
    assert response.status_code == 302
    assert response["Cache-Control"] == f"public, max-age={s3_settings.STORY_MEDIA_MAX_AGE}"
    signed = urlsplit(response["Location"])
    query = parse_qs(signed.query)
    assert "X-Amz-Signature" in query
    # Long enough to outlive the redirect a browser or CDN keeps, and no longer.
    assert query["X-Amz-Expires"] == [str(2 * s3_settings.STORY_MEDIA_MAX_AGE + 60)]
    image = requests.get(response["Location"], timeout=5)
    assert image.status_code == 200 and image.headers["Content-Type"] == "image/jpeg"
    assert image.content == store.read(store.media_bucket, public.hero_image.name)["Body"].read()

    refused = client.get(draft.hero_image.url)
    assert refused.status_code == 404 and "Location" not in refused


def test_a_share_card_is_drawn_once_into_the_shared_bucket(s3_settings, store, client):
    story = make_story("Card", hero_image=image_upload(), hero_image_alt="Hills")
    card_path = urlsplit(story_share_image(story).url).path
    first, second = client.get(card_path), client.get(card_path)
    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "image/jpeg" and first.content == second.content
    cards = [name for name in store.names(store.media_bucket, story.media_folder) if "/card-" in name]
    assert len(cards) == 1
    assert store.read(store.media_bucket, cards[0])["Body"].read() == first.content


def test_a_consent_form_lives_in_the_private_bucket_behind_signed_urls(s3_settings, store):
    story = make_story("Consented")
    story.consent_form = SimpleUploadedFile("Ana Petrović consent.pdf", PDF, content_type="application/pdf")
    story.save()
    name = story.consent_form.name
    assert name in store.names(store.private_bucket)
    assert name not in store.names(store.media_bucket)
    assert anonymous_get(store, store.private_bucket, name).status_code == 403
    url = story.consent_form.url
    assert parse_qs(urlsplit(url).query)["X-Amz-Expires"] == ["120"]  # MEDIA_SIGNED_URL_MAX_AGE
    assert requests.get(url, timeout=5).content == PDF
    with story.consent_form.open("rb") as stored:  # the admin's download view reads it so
        assert stored.read() == PDF


def test_withdrawal_deletes_the_storys_objects(s3_settings, store, django_capture_on_commit_callbacks):
    story = make_story("Withdrawn", hero_image=image_upload(), hero_image_alt="Hills")
    assert store.names(store.media_bucket, story.media_folder)
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_story(story, reason="Consent withdrawn.", user=make_user("chief", is_superuser=True))
    assert store.names(store.media_bucket, story.media_folder + "/") == []


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def bucket_contents(store):
    return {
        (bucket, name): hashlib.sha256(store.read(bucket, name)["Body"].read()).hexdigest()
        for bucket in (store.media_bucket, store.private_bucket)
        for name in store.names(bucket)
    }


def test_backup_holds_the_buckets_objects_and_restore_puts_them_back(tmp_path, store):
    from tests.test_backup import environment

    source = {**environment(tmp_path, "source", f"sqlite:///{tmp_path / 'source.sqlite3'}"), **store.environment()}
    manage(source, "migrate", "--noinput", "-v0")
    manage(source, "shell", "-c", MAKE_CONTENT + WITH_CONSENT_FORM)
    before = bucket_contents(store)
    assert any(bucket == store.private_bucket for bucket, _name in before)
    archive = manage(source, "backup", "--output-dir", str(tmp_path)).strip()

    client = store.client()
    for bucket, name in before:  # the buckets lost, as after an accident
        client.delete_object(Bucket=bucket, Key=name)
    client.put_object(Bucket=store.media_bucket, Key="stories/stray/not-in-the-backup.jpg", Body=b"stray")

    target = {**environment(tmp_path, "target", f"sqlite:///{tmp_path / 'target.sqlite3'}"), **store.environment()}
    manage(target, "migrate", "--noinput", "-v0")
    manage(target, "restore", archive)
    assert bucket_contents(store) == before


def test_an_upload_while_the_store_is_unreachable_gives_the_form_back_with_nothing_saved(s3_settings, client):
    from django.urls import reverse

    from tests.factories import story_form_data
    from tests.test_serving import free_port

    s3_settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    s3_settings.STORAGES = {**s3_settings.STORAGES}  # new storage objects, with that endpoint
    client.force_login(make_user("chief", is_superuser=True))
    data = story_form_data(title="Kept title", hero_image=image_upload(), hero_image_alt="A street")
    response = client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 200
    assert "The image could not be stored" in response.content.decode()
    assert not Story.objects.exists()


def test_an_old_media_address_of_a_public_upload_leads_to_the_store(s3_settings, store, client):
    partner = make_partner(logo=image_upload("logo.png", size=(200, 100), fmt="PNG"))
    response = client.get(f"/media/{partner.logo.name}")
    assert response.status_code == 302 and response["Location"] == partner.logo.url
    assert client.get(f"/media/stories/{'a' * 16}/x.jpg").status_code == 404  # never around the gate
