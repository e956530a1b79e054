"""The story screen laid out for writing: the bar, the writing column, the folded side sections
and what each says about the story, and the session check the page makes before saving."""

from datetime import date

import pytest
from django.urls import reverse
from lxml import html

from stories.models import Story
from tests.factories import image_upload, make_story
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db


def story_page(client, user, story=None):
    client.force_login(user)
    url = reverse("admin:stories_story_change", args=[story.pk]) if story else reverse("admin:stories_story_add")
    response = client.get(url)
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def summaries(page):
    return {
        section.cssselect("h2")[0].text_content().strip(): section.cssselect(".story-section__summary")[0]
        .text_content()
        .strip()
        for section in page.cssselect(".story-section:not(.story-section--checklist)")
    }


def test_the_bar_holds_status_state_preview_and_both_save_buttons(client, editor):
    story = make_story("Bar", status=Story.Status.DRAFT)
    bar = story_page(client, editor, story).cssselect(".story-bar")[0]
    assert bar.cssselect("select[name=status]")
    assert "Draft" in bar.cssselect(".field-publication_state")[0].text_content()
    assert {button.get("name") for button in bar.cssselect("input[type=submit]")} == {"_save", "_continue"}
    assert bar.cssselect(".story-bar__actions a")[0].text_content().strip() == "Preview"


def test_the_writing_column_is_title_subtitle_summary_then_body(client, editor):
    page = story_page(client, editor)
    main = page.cssselect(".story-editor__main")[0]
    names = [field.get("name") for field in main.cssselect(".story-writing input:not([type=hidden]), textarea")]
    assert names[:4] == ["title", "subtitle", "summary", "body"]
    assert main.cssselect("#gallery_images-group"), "the gallery is under the body"
    assert not page.cssselect(".story-editor__side input[name=title]")


def test_folded_sections_say_what_they_hold(client, editor):
    story = make_story(
        "Sections",
        countries=["Serbia", "Kosovo"],
        themes=["Poverty"],
        has_consent=True,
        consent_given_on=date(2026, 11, 12),
        hero_image=image_upload(),
        hero_image_alt="A well",
        storyteller_name="Ana",
        is_storyteller_anonymous=True,
    )
    page = story_page(client, editor, story)
    states = summaries(page)
    assert states["Consent (editors only)"] == "Consent: recorded 12 Nov"
    assert states["Countries, themes and keywords"] == "2 countries, 1 theme"
    assert states["Hero image"] == "Hero: set, alt set"
    assert states["Storyteller"] == "Ana (anonymous) · 0 bylines"
    assert states["Address and language"] == "/sections/ · English"
    assert not page.cssselect(".story-section:not(.story-section--checklist) details[open]"), "sections start folded"


def test_a_new_story_says_what_is_missing(client, editor):
    states = summaries(story_page(client, editor))
    assert states["Consent (editors only)"] == "Consent: not recorded"
    assert states["Hero image"] == "Hero: none"
    assert states["Countries, themes and keywords"] == "0 countries, 0 themes"


def test_a_section_with_an_error_opens(client, editor):
    story = make_story("Errors", status=Story.Status.DRAFT)
    client.force_login(editor)
    url = reverse("admin:stories_story_change", args=[story.pk])
    response = client.post(url, form_data(story, hero_image=image_upload(), themes=[]))
    assert response.status_code == 200
    page = html.fromstring(response.content)
    opened = [
        section.cssselect("h2")[0].text_content()
        for section in page.cssselect(".story-section:not(.story-section--checklist)")
        if section.cssselect("details[open]")
    ]
    assert opened == ["Countries, themes and keywords", "Hero image"]


def test_a_contributor_has_no_consent_section(client, contributor):
    assert "Consent (editors only)" not in summaries(story_page(client, contributor))


def test_the_page_tells_the_draft_script_which_version_it_shows(client, editor):
    story = make_story("Token", status=Story.Status.DRAFT, updated_by=editor)
    editor_box = story_page(client, editor, story).cssselect("#story-editor")[0]
    assert editor_box.get("data-story") == str(story.pk)
    assert editor_box.get("data-edit-token") == str(story.edit_token)
    assert editor_box.get("data-updated-by-me") == "1"
    assert editor_box.get("data-session-url") == reverse("admin:stories_story_session")


def test_the_add_page_knows_when_this_user_last_created_a_story(client, editor):
    story = make_story("Mine", created_by=editor)
    editor_box = story_page(client, editor).cssselect("#story-editor")[0]
    assert editor_box.get("data-story") == "new"
    assert editor_box.get("data-own-latest-created-at") == story.created_at.isoformat()


def test_session_check_gives_a_logged_in_editor_a_fresh_csrf_token(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:stories_story_session"))
    assert response.status_code == 200
    assert response.json()["authenticated"] is True
    assert len(response.json()["csrfToken"]) == 64
    assert "no-cache" in response["Cache-Control"]


def test_session_check_answers_a_logged_out_browser_without_redirecting(client):
    response = client.get(reverse("admin:stories_story_session"))
    assert response.status_code == 401
    assert response.json() == {"authenticated": False}


def test_title_and_summary_have_card_length_counters(client, editor):
    page = story_page(client, editor)
    assert page.cssselect("#id_title")[0].get("data-char-limit") == "70"
    summary = page.cssselect("#id_summary")[0]
    assert (summary.get("data-char-min"), summary.get("data-char-limit")) == ("50", "200")


def test_the_consent_summary_names_the_review_date(client, editor):
    story = make_story(
        "Review", has_consent=True, consent_given_on=date(2026, 11, 12), consent_review_on=date(2027, 11, 1)
    )
    assert summaries(story_page(client, editor, story))["Consent (editors only)"] == (
        "Consent: recorded 12 Nov · review by 1 Nov 2027"
    )
