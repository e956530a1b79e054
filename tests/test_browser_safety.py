"""Storyteller safety in a real browser: a draft's photo shows to the preview link's holder and
to nobody at its public address; after withdrawal the story is gone."""

import pytest
from django.test import Client

from stories.editorial.preview import preview_path
from stories.editorial.withdrawal import withdraw_story
from stories.models import PreviewLink, Story
from tests.factories import image_upload, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def loaded_images(page):
    return page.eval_on_selector_all("main img", "images => images.map(image => image.naturalWidth > 0)")


def test_a_preview_link_shows_the_drafts_photo_its_public_url_does_not_and_withdrawal_ends_both(page):
    story = make_story("Not out yet", status=Story.Status.DRAFT, hero_image=image_upload(), hero_image_alt="Hills")
    link = PreviewLink.create_for(story, None)

    page.goto(preview_path(link))
    page.wait_for_load_state("networkidle")
    assert page.locator(".preview-banner").count() == 1
    assert loaded_images(page) == [True]
    # Django's live server answers /media/ itself, around the site's views: ask the site directly.
    assert Client().get("/media/" + story.hero_image.name).status_code == 404
    assert all(
        src.startswith("/media-preview/")
        for src in page.eval_on_selector_all("main img", "i => i.map(x => x.getAttribute('src'))")
    )

    withdraw_story(story, reason="Asked by phone.")
    assert page.goto(preview_path(link)).status == 410
    assert page.goto(story.get_short_url()).status == 410
    assert "withdrawn at the storyteller's request" in page.locator("main").text_content()
