"""A story's images are private until it is published, and stop answering the moment it stops
being public; editors and preview-link holders see them through authorised paths."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.test import Client
from django.utils import timezone

from stories.editorial.preview import preview_path
from stories.editorial.roles import CONTRIBUTOR, EDITOR
from stories.media.views import PREVIEW_MEDIA_SALT
from stories.models import PreviewLink, Story, StoryImage
from stories.sharing.cards import story_card_digest, story_card_jpeg
from tests.factories import WIDE_PHOTO, image_upload, make_partner, make_story, make_user

pytestmark = pytest.mark.django_db


def story_with_images(**fields):
    story = make_story(
        "Pictures",
        hero_image=image_upload("hero.jpg", size=WIDE_PHOTO),
        hero_image_alt="Hills",
        social_image_override=image_upload("share.jpg", size=(1200, 630)),
        **fields,
    )
    StoryImage.objects.create(story=story, image=image_upload("gallery.png", size=WIDE_PHOTO, fmt="PNG"), alt="A room")
    return story


def image_urls(story):
    story.refresh_from_db()
    gallery = story.gallery_images.get()
    names = [story.hero_image.name, story.social_image_override.name, gallery.image.name]
    names += [r["name"] for r in story.hero_renditions + gallery.renditions]
    return ["/media/" + name for name in names]


def statuses(client, urls):
    codes = set()
    for url in urls:
        response = client.get(url)
        codes.add(response.status_code)
    return codes


def test_a_drafts_images_answer_404_and_become_public_with_the_story_then_private_again(client):
    story = story_with_images(status=Story.Status.DRAFT)
    urls = image_urls(story)
    assert len(urls) >= 7
    response = client.get(urls[0])
    assert response.status_code == 404 and response["Cache-Control"] == "no-store"
    assert statuses(client, urls) == {404}

    story.status, story.has_consent = Story.Status.PUBLISHED, True
    story.save()
    assert statuses(client, urls) == {200}
    response = client.get(urls[0])
    assert response["Cache-Control"] == "public, max-age=300"

    other_instance = Client()  # another app process: nothing to tell it, each request asks the database
    story.status = Story.Status.DRAFT
    story.save()
    assert statuses(client, urls) == statuses(other_instance, urls) == {404}


def test_a_scheduled_storys_images_wait_for_its_publish_time(client):
    story = story_with_images(published_at=timezone.now() + timedelta(hours=1))
    urls = image_urls(story)
    assert statuses(client, urls) == {404}
    Story.objects.filter(pk=story.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert statuses(client, urls) == {200}


def test_editors_and_the_owning_contributor_see_a_drafts_images_privately(client):
    contributor = make_user("writer", groups=[Group.objects.get(name=CONTRIBUTOR)])
    story = story_with_images(status=Story.Status.DRAFT, created_by=contributor)
    urls = image_urls(story)

    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    assert statuses(client, urls) == {200}
    response = client.get(urls[0])
    assert response["Cache-Control"] == "private, no-store"

    client.force_login(contributor)
    assert statuses(client, urls) == {200}
    client.force_login(make_user("other-writer", groups=[Group.objects.get(name=CONTRIBUTOR)]))
    assert statuses(client, urls) == {404}
    client.force_login(make_user("not-staff", is_staff=False))
    assert statuses(client, urls) == {404}


def test_a_preview_link_holder_sees_the_images_through_short_lived_urls(client, settings):
    story = story_with_images(status=Story.Status.DRAFT)
    link = PreviewLink.create_for(story, None)
    page = client.get(preview_path(link)).content.decode()

    assert f"/media/stories/{story.media_key}/" not in page
    preview_urls = sorted(set(re.findall(r"/media-preview/[^/\"\s]+/", page)))
    assert len(preview_urls) >= 3  # the hero's renditions and original, the gallery's
    for url in preview_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store" and response["Content-Type"].startswith("image/")
    assert statuses(client, image_urls(story)) == {404}  # the public URLs still refuse

    token = preview_urls[0].split("/")[2]
    forged = signing.dumps({"link": link.token_id.hex, "name": "partners/logo.png"}, salt="elsewhere")
    assert client.get(f"/media-preview/{forged}/").status_code == 404
    other = story_with_images(status=Story.Status.DRAFT)
    payload = signing.loads(token, salt=PREVIEW_MEDIA_SALT)
    payload["name"] = other.hero_image.name  # a link of one story never opens another's files
    wrong_story = signing.dumps(payload, salt=PREVIEW_MEDIA_SALT, compress=True)
    assert client.get(f"/media-preview/{wrong_story}/").status_code == 404

    settings.PREVIEW_MEDIA_MAX_AGE = -1  # every URL made before now has expired
    assert client.get(preview_urls[0]).status_code == 404
    settings.PREVIEW_MEDIA_MAX_AGE = 3600
    story.preview_links.revoke()
    assert statuses(client, preview_urls) == {404}


def test_deleting_a_story_deletes_all_its_files(client, settings, django_capture_on_commit_callbacks):
    story = story_with_images()
    story_card_jpeg(story, story_card_digest(story))  # its share card, drawn into its folder
    stored = story.stored_media_names()
    assert len(stored) >= 8 and any("/card-" in name for name in stored)
    keep = make_story("Stays", hero_image=image_upload())
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert story.stored_media_names() == []
    assert not list((settings.MEDIA_ROOT / "stories" / story.media_key).glob("*"))
    assert keep.stored_media_names()


def test_story_files_are_never_served_by_the_generic_media_path(client):
    story = story_with_images()
    name = story.hero_image.name
    assert client.get(f"/media/partners/../{name}").status_code == 404
    partner = make_partner(logo=image_upload("logo.png", fmt="PNG"))
    response = client.get(partner.logo.url)
    assert response.status_code == 200


def test_a_public_image_costs_one_query(client, django_assert_num_queries):
    url = image_urls(story_with_images())[0]
    with django_assert_num_queries(1):
        response = client.get(url)
    assert response.status_code == 200
