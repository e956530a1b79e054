"""The share preview in a real browser: it follows the typing, without saving."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from stories.editorial.share_preview import shorten
from stories.models import Story
from tests.factories import make_story
from tests.newsroom_browser import change_url, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_share_preview_updates_while_typing(page, editor, tmp_path):
    story = make_story("The well", status=Story.Status.DRAFT, summary="A village waits for water.")
    log_in(page, editor, change_url(story))
    page.click("summary:has-text('SEO and sharing')")
    facebook, google = page.locator(".share-card--facebook"), page.locator(".share-card--google")
    expect(facebook.locator(".share-card__title")).to_have_text("The well")

    page.fill("#id_title", "The well in Kumanovo ran dry in July")
    expect(facebook.locator(".share-card__title")).to_have_text("The well in Kumanovo ran dry in July")
    expect(facebook.locator(".share-card__drawn-title")).to_have_text("The well in Kumanovo ran dry in July")
    expect(google.locator(".share-card__title")).to_have_text("The well in Kumanovo ran dry in July · Balkanoscope")

    page.fill("#id_seo_description", "Nobody came. " * 20)
    # The script cuts as the server does.
    expect(facebook.locator(".share-card__description")).to_have_text(shorten("Nobody came. " * 20, 110))
    expect(facebook.locator(".share-card__warning")).to_have_text("Description cut at 110 characters")

    page.fill("#id_seo_title", "Kumanovo's well")
    expect(page.locator(".share-card--x .share-card__title")).to_have_text("Kumanovo's well")
    # The drawn card shows the story's own title, as stories/sharing/cards.py draws it.
    expect(facebook.locator(".share-card__drawn-title")).to_have_text("The well in Kumanovo ran dry in July")

    override = tmp_path / "override.png"
    Image.new("RGB", (1200, 630), (200, 40, 40)).save(override)
    page.set_input_files("#id_social_image_override", str(override))
    picture = facebook.locator(".share-card__picture")
    expect(picture).to_have_attribute("src", re.compile(r"^data:image/png;base64,"))
    expect(facebook.locator(".share-card__drawn-title")).to_be_hidden()
    assert Story.objects.get(pk=story.pk).title == "The well", "nothing was saved"
