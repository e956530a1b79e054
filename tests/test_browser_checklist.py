"""The pre-publish checklist in a real browser: it follows the typing, and publishing is
refused without consent or with an anonymous storyteller's name in the body."""

import pytest
from playwright.sync_api import expect

from stories.models import Story
from tests.factories import make_story
from tests.newsroom_browser import change_url, log_in, move_caret_in_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def story_in_review(**fields):
    return make_story(
        "The well",
        status=Story.Status.REVIEW,
        summary="A village on the Drina waits for a bridge that was promised three elections ago.",
        body="<p>She waits by the well every morning.</p>",
        countries=["Serbia"],
        themes=["Poverty"],
        storyteller_name="Milica Jovanović",
        is_storyteller_anonymous=True,
        **fields,
    )


def item(page, key):
    return page.locator(f"#story-checklist [data-check={key}]")


def test_the_checklist_warns_for_a_long_title_as_it_is_typed(page, editor):
    story = story_in_review(has_consent=True)
    log_in(page, editor, change_url(story))
    expect(item(page, "title_length")).to_have_class("story-check story-check--warning story-check--passed")
    expect(page.locator("#story-checklist-summary")).to_have_text("1 warning")  # no hero image
    page.fill("#id_title", "A title far too long for a story card, where it would be cut off mid-sentence")
    expect(item(page, "title_length")).to_have_class("story-check story-check--warning")
    expect(item(page, "title_length")).to_contain_text("77 characters")
    expect(page.locator("#story-checklist-summary")).to_have_text("2 warnings")


def test_an_anonymous_storytellers_name_in_the_body_blocks_publishing(page, editor):
    story = story_in_review(has_consent=True)
    log_in(page, editor, change_url(story))
    expect(item(page, "anonymity")).to_have_class("story-check story-check--blocking story-check--passed")
    move_caret_in_body(page, "Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Milica says the bridge will never come.")
    expect(item(page, "anonymity")).to_have_class("story-check story-check--blocking")
    expect(item(page, "anonymity")).to_contain_text("Named in: body, paragraph 2")
    page.select_option("#id_status", "published")
    expect(page.locator("#story-publish-blocked")).to_be_visible()
    page.click(".story-bar input[name=_save]")
    expect(page.locator(".field-storyteller_name .errorlist")).to_contain_text("appears in: body, paragraph 2")
    assert Story.objects.get(pk=story.pk).status == Story.Status.REVIEW


def test_publishing_without_consent_is_blocked(page, editor):
    story = story_in_review()
    log_in(page, editor, change_url(story))
    expect(item(page, "consent")).to_have_class("story-check story-check--blocking")
    page.select_option("#id_status", "published")
    expect(page.locator("#story-publish-blocked")).to_be_visible()
    page.click(".story-bar input[name=_save]")
    expect(page.locator(".field-has_consent .errorlist")).to_contain_text("cannot be published before")
    expect(page.locator(".story-section--consent details")).to_have_attribute("open", "")
    assert Story.objects.get(pk=story.pk).status == Story.Status.REVIEW
    page.check("#id_has_consent")
    expect(item(page, "consent")).to_have_class("story-check story-check--blocking story-check--passed")
    expect(page.locator("#story-publish-blocked")).to_be_hidden()
