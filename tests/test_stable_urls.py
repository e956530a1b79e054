"""Shared links keep working: short links, old slugs, share cards whose URL follows their content."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from lxml import html
from PIL import Image

from stories.models import Story, StorySlug
from stories.sharing.cards import story_card_storage_name
from tests.factories import CONSENT_FORM_FIELDS, image_upload, make_story, make_user

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"


def og_image(client, story):
    tree = html.fromstring(client.get(story.get_absolute_url()).content)
    return tree.xpath("//meta[@property='og:image']/@content")[0].removeprefix(SITE)


def test_short_link_redirects_permanently_to_the_canonical_url(client):
    story = make_story("Short and sweet")
    response = client.get(f"/s/{story.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"{SITE}/stories/short-and-sweet/"
    response = client.get(f"/s/{story.pk}/?utm_source=telegram")
    assert response["Location"] == f"{SITE}/stories/short-and-sweet/?utm_source=telegram"


@pytest.mark.parametrize(
    "fields", [{"status": Story.Status.DRAFT}, {"published_at": timezone.now() + timedelta(days=1)}]
)
def test_short_link_of_an_unpublished_story_is_404(client, fields):
    story = make_story("Not yet", **fields)
    assert client.get(f"/s/{story.pk}/").status_code == 404
    assert client.get("/s/999999/").status_code == 404


def test_changing_a_published_slug_keeps_the_old_url_working(client):
    story = make_story("First title", slug="first-title")
    story.slug = "second-title"
    story.save()
    story.slug = "third-title"
    story.save()
    assert sorted(StorySlug.objects.filter(story=story).values_list("slug", flat=True)) == [
        "first-title",
        "second-title",
    ]
    for old in ["first-title", "second-title"]:
        response = client.get(f"/stories/{old}/?fbclid=abc")
        assert response.status_code == 301
        assert response["Location"] == f"{SITE}/stories/third-title/?fbclid=abc"
    assert client.get("/stories/third-title/").status_code == 200


def test_going_back_to_an_old_slug_serves_the_story_and_forgets_that_redirect(client):
    story = make_story("Title", slug="one")
    story.slug = "two"
    story.save()
    story.slug = "one"
    story.save()
    assert list(StorySlug.objects.values_list("slug", flat=True)) == ["two"]
    assert client.get("/stories/one/").status_code == 200
    assert client.get("/stories/two/")["Location"] == f"{SITE}/stories/one/"


def test_draft_slug_changes_are_not_recorded(client):
    story = make_story("Draft", slug="draft-one", status=Story.Status.DRAFT)
    story.slug = "draft-two"
    story.save()
    assert not StorySlug.objects.exists()


def test_old_slug_of_an_unpublished_story_is_404(client):
    story = make_story("Withdrawn", slug="old")
    story.slug = "new"
    story.save()
    Story.objects.filter(pk=story.pk).update(status=Story.Status.DRAFT)
    assert client.get("/stories/old/").status_code == 404
    assert client.get("/stories/new/").status_code == 404


def test_old_addresses_are_editable_in_the_story_admin(client):
    story = make_story("Title", slug="one")
    story.slug = "two"
    story.save()
    client.force_login(make_user("chief", is_superuser=True))
    tree = html.fromstring(client.get(reverse("admin:stories_story_change", args=[story.pk])).content)
    assert tree.xpath("//input[@name='old_slugs-0-slug']/@value") == ["one"]
    assert tree.xpath("//input[@name='social_image_override']")


def card(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size) == ("JPEG", (1200, 630))
    return response.content


def test_story_card_is_a_1200_by_630_jpeg_stored_once_in_media(client):
    story = make_story("Card story", hero_image=image_upload(), hero_image_alt="Hills")
    url = og_image(client, story)
    digest = url.rsplit("card-", 1)[1].removesuffix(".jpg")
    stored_name = story_card_storage_name(story, digest)
    default_storage.delete(stored_name)
    first = card(client, url)
    assert default_storage.exists(stored_name)
    assert card(client, url) == first  # served from storage the second time


def test_card_url_changes_with_the_title_and_the_hero_image(client):
    story = make_story("Before", hero_image=image_upload(), hero_image_alt="Hills")
    first = og_image(client, story)
    story.title = "After"
    story.save()
    second = og_image(client, story)
    assert second != first
    story.hero_image = image_upload("other.jpg", color=(200, 40, 40))
    story.save()
    third = og_image(client, story)
    assert third not in (first, second)
    story.summary = "Only the summary changed."
    story.save()
    assert og_image(client, story) == third
    card(client, third)


def test_outdated_card_url_redirects_to_the_current_card(client):
    story = make_story("Before")
    old = og_image(client, story)
    story.title = "After"
    story.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == og_image(client, story)


@pytest.mark.parametrize(
    "fields", [{"status": Story.Status.REVIEW}, {"published_at": timezone.now() + timedelta(days=1)}]
)
def test_cards_of_unpublished_stories_are_404(client, fields):
    story = make_story("Secret draft title", **fields)
    digest_url = reverse("stories:social_card", kwargs={"pk": story.pk, "digest": "0123456789ab"})
    assert client.get(digest_url).status_code == 404


def test_default_card_is_served_and_an_outdated_one_redirects(client):
    tree = html.fromstring(client.get("/").content)
    url = tree.xpath("//meta[@property='og:image']/@content")[0].removeprefix(SITE)
    card(client, url)
    response = client.get("/social/default-000000000000.jpg")
    assert response.status_code == 301
    assert response["Location"] == url


def test_a_new_title_removes_the_outdated_card_from_storage(client):
    story = make_story("Before")
    old_url = og_image(client, story)
    card(client, old_url)
    old_name = story_card_storage_name(story, old_url.rsplit("card-", 1)[1].removesuffix(".jpg"))
    assert default_storage.exists(old_name)
    story.summary = "Not on the card."
    story.save()
    assert default_storage.exists(old_name)
    story.title = "After"
    story.save()
    assert not default_storage.exists(old_name)


def test_an_old_address_cannot_be_a_current_one():
    make_story("Current", slug="current")
    other = make_story("Other")
    with pytest.raises(ValidationError):
        StorySlug(story=other, slug="current").full_clean()


def test_editor_uploads_a_share_image_that_replaces_the_card(client):
    from tests.test_admin import story_form_data

    editor = make_user("chief", is_superuser=True)
    client.force_login(editor)
    data = story_form_data(
        status="published",
        **CONSENT_FORM_FIELDS,
        social_image_override=image_upload("share.jpg", size=(1200, 630), color=(10, 200, 10)),
    )
    response = client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story = Story.objects.get()
    assert story.social_image_override.name.startswith(f"stories/{story.media_key}/")
    assert (story.social_image_width, story.social_image_height) == (1200, 630)
    client.logout()
    assert og_image(client, story) == story.social_image_override.url


def test_unpublishing_a_story_removes_its_card_from_storage(client):
    story = make_story("Going away")
    url = og_image(client, story)
    card(client, url)
    name = story_card_storage_name(story, url.rsplit("card-", 1)[1].removesuffix(".jpg"))
    assert default_storage.exists(name)
    story.status = Story.Status.DRAFT
    story.save()
    assert not default_storage.exists(name)
    assert client.get(url).status_code == 404
