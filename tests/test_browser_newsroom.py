"""The newsroom's home and the review conversation in a real browser, as an editor and as a
contributor: the queue in order, a story sent back with a note and the note seen."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from stories.editorial.review import send_back
from stories.models import DailyReferrerViews, DailyStoryViews, Story, StoryHandover
from tests.browser import axe_violations
from tests.factories import make_story
from tests.newsroom_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sent_for_review(title, by, days_ago):
    story = make_story(title, status=Story.Status.REVIEW, created_by=by, countries=["Serbia"], themes=["Poverty"])
    StoryHandover.objects.create(
        story=story, kind=StoryHandover.Kind.SUBMITTED, made_by=by, made_at=timezone.now() - timedelta(days=days_ago)
    )
    return story


def test_the_review_queue_shows_the_longest_waiting_story_first(page, editor, contributor):
    sent_for_review("Sent today", contributor, 0)
    sent_for_review("Sent last week", contributor, 6)
    sent_for_review("Sent on Monday", contributor, 2)
    log_in(page, editor)
    titles = page.locator("#newsroom-review tbody th").all_text_contents()
    assert [title.strip() for title in titles] == ["Sent last week", "Sent on Monday", "Sent today"]


def test_an_editor_sends_a_story_back_with_a_note_and_the_contributor_reads_it(
    browser, live_server, editor, contributor
):
    story = sent_for_review("The bridge at Mitrovica", contributor, 1)
    editors_desk = browser.new_context(base_url=live_server.url).new_page()
    log_in(editors_desk, editor)
    editors_desk.locator("#newsroom-review tr", has_text="The bridge at Mitrovica").locator("text=Send back…").click()
    editors_desk.fill("textarea[name=note]", "Please ask her whether we may name the street.")
    editors_desk.click("input[type=submit]")
    expect(editors_desk.locator(".messagelist")).to_contain_text("was sent back with your note")
    expect(editors_desk.locator("#newsroom-review")).to_contain_text("Nothing is waiting for review.")

    contributors_desk = browser.new_context(base_url=live_server.url).new_page()
    log_in(contributors_desk, contributor)
    draft = contributors_desk.locator("#newsroom-own-drafts li", has_text="The bridge at Mitrovica")
    expect(draft).to_contain_text("editor sent it back:")
    expect(draft).to_contain_text("Please ask her whether we may name the street.")
    expect(contributors_desk.locator("#newsroom-handovers")).to_contain_text("Sent back to the contributor by editor")
    draft.locator("a").click()
    expect(contributors_desk.locator(".story-notice--returned")).to_contain_text(
        "Please ask her whether we may name the street."
    )
    contributors_desk.select_option("#id_status", "review")
    contributors_desk.click(".story-bar input[name=_save]")
    contributors_desk.wait_for_selector("#changelist")
    assert Story.objects.get(pk=story.pk).status == Story.Status.REVIEW


@pytest.mark.parametrize("role", ["editor", "contributor"])
def test_the_dashboard_has_no_accessibility_violations(page, request, role, editor, contributor):
    sent_for_review("Waiting", contributor, 3)
    make_story("Soon", published_at=timezone.now() + timedelta(days=1))
    make_story("No picture")
    send_back(sent_for_review("Returned", contributor, 4), editor, "A note.")
    log_in(page, request.getfixturevalue(role))
    assert axe_violations(page) == []


def test_the_readership_page_has_no_accessibility_violations(page, editor):
    story = make_story("Read often", countries=["Serbia"], themes=["Poverty"])
    for days_ago in range(10):
        DailyStoryViews.objects.create(
            story=story, viewed_on=timezone.localdate() - timedelta(days=days_ago), views=10 + days_ago
        )
    DailyReferrerViews.objects.create(domain="news.example.org", viewed_on=timezone.localdate(), views=4)
    log_in(page, editor, "/admin/readership/")
    expect(page.locator(".readership-chart rect")).to_have_count(30)
    page.locator(".readership__numbers summary").click()
    assert axe_violations(page) == []
