"""The story screen as a writing tool, in a real browser: Save and status always in sight,
word count while typing, and nothing typed lost to a closed tab or an ended session."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from stories.models import Story
from tests.factories import make_country, make_story, make_theme
from tests.newsroom_browser import change_url, log_in, move_caret_in_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_BODY = "".join(f"<p>Paragraph {n}: the river rose again and the village waited.</p>" for n in range(60))


def in_viewport(page, selector):
    box = page.locator(selector).bounding_box()
    viewport = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]


def kept_drafts(page):
    return page.evaluate(
        "Object.entries(localStorage).filter(([key]) => key.startsWith('balkanoscope.story-draft.')).map(([, v]) => v)"
    )


def wait_until_kept(page, text):
    """The draft is kept a moment after the last keystroke."""
    for _ in range(50):
        if any(text in draft for draft in kept_drafts(page)):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{text!r} was never kept")


def long_story(**fields):
    return make_story(
        "The long winter", status=Story.Status.DRAFT, body=LONG_BODY, countries=["Serbia"], themes=["Poverty"], **fields
    )


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768), (768, 1024)])
def test_save_and_status_are_in_sight_without_scrolling_and_stay_there(page, editor, size):
    story = long_story()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    log_in(page, editor, change_url(story))
    for selector in (".story-bar input[name=_save]", ".story-bar input[name=_continue]", ".story-bar #id_status"):
        assert in_viewport(page, selector), selector
    assert in_viewport(page, ".story-bar a:text('Preview')")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    assert page.evaluate("window.scrollY") > 1000, "the story is long enough to scroll"
    assert in_viewport(page, ".story-bar input[name=_save]") and in_viewport(page, ".story-bar #id_status")


def test_word_count_and_reading_time_follow_the_typing(page, editor):
    story = make_story("Counting", status=Story.Status.DRAFT, body="<p>One two three.</p>")
    log_in(page, editor, change_url(story))
    stats = page.locator("#story-stats")
    assert stats.text_content() == "3 words · 1 min read"
    move_caret_in_body(page, "Control+End")
    page.keyboard.type(" Four five")
    expect(stats).to_have_text("5 words · 1 min read")
    page.evaluate("""() => {
        const body = document.querySelector('textarea[name=body]');
        body.value = '<p>' + 'word '.repeat(401) + '</p>';
        body.dispatchEvent(new Event('input'));
    }""")
    assert stats.text_content() == "401 words · 3 min read"


def test_a_draft_kept_in_the_browser_is_offered_back_after_the_tab_was_closed(page, editor):
    story = long_story()
    log_in(page, editor, change_url(story))
    page.fill("#id_title", "The long winter, rewritten")
    move_caret_in_body(page, "Control+Home")
    page.keyboard.type("Written before the crash. ")
    expect(page.locator("#story-draft-state")).to_contain_text("kept in this browser")
    wait_until_kept(page, "Written before the crash.")
    context = page.context
    page.close()  # no save, no question: as a crash or a closed tab

    page = context.new_page()
    page.goto(change_url(story))
    offer = page.locator("#story-draft-offer")
    offer.wait_for()
    assert page.input_value("#id_title") == "The long winter", "nothing is restored without asking"
    offer.locator("button:text('Restore my changes')").click()
    assert page.input_value("#id_title") == "The long winter, rewritten"
    assert "Written before the crash." in page.locator(".prose-editor [contenteditable=true]").text_content()
    # What the form sends: the textarea the editor writes to (a CI run once saved it too early).
    try:
        page.wait_for_function(
            "() => document.querySelector('textarea[name=body]').value.includes('Written before the crash.')"
        )
    except PlaywrightTimeoutError:
        raise AssertionError(f"the form would send: {page.input_value('textarea[name=body]')[:300]!r}") from None
    page.click(".story-bar input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    story.refresh_from_db()
    assert story.title == "The long winter, rewritten"
    assert story.body.startswith("<p>Written before the crash. Paragraph 0")
    assert not page.locator("#story-draft-offer").is_visible(), "a saved draft is not offered again"
    assert kept_drafts(page) == []


def test_a_new_story_is_kept_too_and_forgotten_once_saved(page, editor):
    make_country("Serbia"), make_theme("Poverty")
    log_in(page, editor, "/admin/stories/story/add/")
    page.fill("#id_title", "Unsaved new story")
    wait_until_kept(page, "Unsaved new story")
    context = page.context
    page.close()
    page = context.new_page()
    page.goto("/admin/stories/story/add/")
    page.locator("#story-draft-offer button:text('Restore my changes')").click()
    assert page.input_value("#id_title") == "Unsaved new story"
    page.fill("#id_summary", "A summary long enough for a story card, at fifty characters or more.")
    page.locator("details:has(#id_countries)").evaluate("details => details.open = true")
    page.check("#id_countries input >> nth=0")
    page.check("#id_themes input >> nth=0")
    page.click(".story-bar input[name=_save]")
    page.wait_for_selector("#changelist")
    page.goto("/admin/stories/story/add/")
    page.wait_for_timeout(300)
    assert page.locator("#story-draft-offer").is_hidden()


def test_leaving_with_unsaved_changes_asks_first(page, editor):
    story = long_story()
    log_in(page, editor, change_url(story))
    page.fill("#id_subtitle", "Changed")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]


def test_an_ended_session_keeps_the_text_and_saves_after_logging_in_again(page, editor):
    story = long_story()
    log_in(page, editor, change_url(story))
    page.fill("#id_title", "Typed while the session ran out")
    page.context.clear_cookies()  # the session ends while the editor types
    page.click(".story-bar input[name=_save]")
    notice = page.locator("#story-session-ended")
    notice.wait_for()
    assert page.url.endswith(change_url(story)), "the page stays"
    assert page.input_value("#id_title") == "Typed while the session ran out"

    login_tab = page.context.new_page()
    log_in(login_tab, editor)
    login_tab.close()
    page.click(".story-bar input[name=_save]")
    page.wait_for_selector("#changelist")
    story.refresh_from_db()
    assert story.title == "Typed while the session ran out"


@pytest.mark.parametrize("role", ["editor", "contributor"])
def test_the_story_form_has_no_accessibility_violations(page, request, role):
    from tests.browser import axe_violations

    user = request.getfixturevalue(role)
    story = long_story(created_by=user, contributors=["Jelena Đukić"])
    log_in(page, user, change_url(story))
    page.wait_for_load_state("load")
    page.evaluate("document.querySelectorAll('.story-section details').forEach(details => details.open = true)")
    assert axe_violations(page) == []
