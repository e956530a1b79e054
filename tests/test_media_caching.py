"""Media files: a story's for a few minutes (it may stop being public), other uploads for a day."""

import pytest

from tests.factories import image_upload, make_partner, make_story

pytestmark = pytest.mark.django_db


def cache_control(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["Cache-Control"]


def test_a_public_storys_images_are_cached_briefly_and_other_uploads_for_a_day(client, settings):
    story = make_story("With an image", hero_image=image_upload())
    rendition_url = "/media/" + story.hero_renditions[0]["name"]
    assert cache_control(client, rendition_url) == "public, max-age=300"
    assert cache_control(client, story.hero_image.url) == "public, max-age=300"
    settings.STORY_MEDIA_MAX_AGE = 60
    assert cache_control(client, story.hero_image.url) == "public, max-age=60"
    partner = make_partner(logo=image_upload("logo.png", fmt="PNG"))
    assert cache_control(client, partner.logo.url) == "public, max-age=86400"


def test_a_new_image_under_a_reused_name_gets_new_rendition_names(client):
    story = make_story("Changing images", hero_image=image_upload("photo.jpg"))
    first = {r["name"] for r in story.hero_renditions}
    story.hero_image = image_upload("photo.jpg", color=(10, 20, 30))
    story.save()
    story.hero_image = image_upload("photo.jpg", color=(200, 20, 30))
    story.save()
    assert not first & {r["name"] for r in story.hero_renditions}
