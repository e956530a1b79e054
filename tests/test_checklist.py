"""The pre-publish checklist: its checks, the blocking ones enforced when a story is published
from the form or the list, and the same list while the editor types."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from lxml import html

from stories.editorial.checklist import BLOCKING, WARNING, GalleryEntry, StoryDraft, places_naming, story_checklist
from stories.editorial.roles import CONTRIBUTOR, EDITOR
from stories.models import Story, StoryImage
from tests.factories import CONSENT_FORM_FIELDS, image_upload, make_story, make_theme, make_user
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db

GOOD_SUMMARY = "A village on the Drina waits for a bridge that was promised three elections ago."


def good_draft(**changes):
    fields = {
        "title": "The bridge that was promised",
        "summary": GOOD_SUMMARY,
        "body": "<p>Everyone in the village has an opinion about the bridge.</p>",
        "slug": "the-bridge",
        "has_consent": True,
        "country_count": 1,
        "theme_slugs": ["poverty"],
        "has_hero_image": True,
        "hero_image_alt": "The river at dusk",
        "storyteller_name": "Milica Jovanović",
        **changes,
    }
    return StoryDraft(**fields)


def failing(draft):
    return {check.key: check.level for check in story_checklist(draft) if not check.passed}


def check(draft, key):
    return next(item for item in story_checklist(draft) if item.key == key)


def test_a_complete_story_passes_every_check():
    assert failing(good_draft()) == {}


def test_consent_blocks_unless_the_archive_setting_allows_publishing_without(settings):
    assert failing(good_draft(has_consent=False)) == {"consent": BLOCKING}
    assert failing(good_draft(has_consent=False, was_published=True)) == {"consent": WARNING}
    settings.STORY_PUBLISH_WITHOUT_CONSENT = True
    assert failing(good_draft(has_consent=False)) == {"consent": WARNING}


def test_countries_and_themes_block():
    assert failing(good_draft(country_count=0, theme_slugs=[])) == {"countries": BLOCKING, "themes": BLOCKING}


def test_lengths_that_do_not_suit_cards_warn():
    long_title = "A" * 71
    assert failing(good_draft(title=long_title, summary="Too short.")) == {
        "title_length": WARNING,
        "summary_length": WARNING,
    }
    assert check(good_draft(title=long_title), "title_length").detail == "71 characters"
    assert failing(good_draft(title="A" * 70, summary="S" * 200)) == {}
    assert failing(good_draft(summary="S" * 201)) == {"summary_length": WARNING}


def test_a_hero_image_without_alt_warns_and_a_gallery_image_without_alt_blocks():
    gallery = [GalleryEntry(True, "A well"), GalleryEntry(True, ""), GalleryEntry(True, "")]
    draft = good_draft(hero_image_alt="", gallery=gallery)
    assert failing(draft) == {"hero_image": WARNING, "gallery_alt": BLOCKING}
    assert check(draft, "gallery_alt").detail == "Missing on images 2, 3"
    assert check(good_draft(has_hero_image=False), "hero_image").detail == "No hero image: shares show a plain card"


def test_a_sensitive_theme_asks_for_a_content_warning(settings):
    settings.STORY_SENSITIVE_THEMES = ["post-war"]
    assert failing(good_draft(theme_slugs=["post-war", "poverty"])) == {"content_warning": WARNING}
    assert failing(good_draft(theme_slugs=["post-war"], content_warning="Describes wartime violence.")) == {}


def test_an_address_not_chosen_yet_warns():
    assert failing(good_draft(slug="")) == {"slug": WARNING}
    assert check(good_draft(), "slug").detail == "/the-bridge/"


def test_an_anonymous_storytellers_name_blocks_and_the_places_are_listed():
    draft = good_draft(
        is_storyteller_anonymous=True,
        body="<p>She lives by the river.</p><p>Milica says the bridge will never come.</p>",
        hero_image_caption="Jovanović at her door",
        gallery=[GalleryEntry(True, "A door", "The door"), GalleryEntry(True, "Milica's hands", "")],
    )
    result = check(draft, "anonymity")
    assert (result.level, result.passed) == (BLOCKING, False)
    assert result.detail == ("Named in: body, paragraph 2, hero image caption, gallery image 2 alt text")
    assert check(good_draft(body="<p>Milica says hello.</p>"), "anonymity").passed, "a named storyteller may be named"


def test_the_name_is_found_whatever_the_alphabet_the_diacritics_or_the_case_ending():
    places = [("latin", "Drite Gjoni came home."), ("cyrillic", "Милица је рекла."), ("nothing", "Ana Marija")]
    assert places_naming("Dritë Gjoni", places) == ["latin"]
    assert places_naming("Milica", places) == ["cyrillic"]
    assert places_naming("An Li", places) == [], "parts under three letters are too common to look for"
    assert places_naming("Mira", [("beach", "Miramare beach")]) == [], "a name is not found inside another word"
    endings = [("genitive", "kuća Milice"), ("albanian", "shtëpia e Dritës"), ("english", "Jovanović's farm")]
    assert places_naming("Milica Jovanović", endings) == ["genitive", "english"]
    assert places_naming("Dritë", endings) == ["albanian"]
    assert places_naming("Ana", [("word", "An analysis of Ane's analysis")]) == []


# On saving -------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    return client


def change_url(story):
    return reverse("admin:stories_story_change", args=[story.pk])


def errors(response):
    page = html.fromstring(response.content.decode())
    return " ".join(element.text_content() for element in page.cssselect(".errorlist"))


def anonymous_story(title="Anonymous", **fields):
    return make_story(
        title,
        status=Story.Status.REVIEW,
        storyteller_name="Milica Jovanović",
        is_storyteller_anonymous=True,
        has_consent=True,
        countries=["Serbia"],
        themes=["Poverty"],
        **fields,
    )


def publish_data(story, **overrides):
    fields = {
        "status": "published",
        "storyteller_name": story.storyteller_name,
        "is_storyteller_anonymous": "on",
        **CONSENT_FORM_FIELDS,
        **overrides,
    }
    return form_data(story, **fields)


def test_publishing_an_anonymous_story_that_names_the_storyteller_is_refused(editor_client):
    story = anonymous_story()
    response = editor_client.post(
        change_url(story), publish_data(story, body="<p>Quiet.</p><p>Milica never left the village.</p>")
    )
    assert response.status_code == 200
    assert "their name (“Milica Jovanović” or part of it) appears in: body, paragraph 2" in errors(response)
    assert Story.objects.get(pk=story.pk).status == Story.Status.REVIEW


def test_a_draft_may_still_name_them_while_it_is_written(editor_client):
    story = anonymous_story()
    data = publish_data(story, status="review", body="<p>Milica never left the village.</p>")
    assert editor_client.post(change_url(story), data).status_code == 302


def test_a_gallery_caption_naming_the_storyteller_is_refused_on_publishing(editor_client):
    story = anonymous_story()
    data = publish_data(
        story,
        **{
            "gallery_images-TOTAL_FORMS": "1",
            "gallery_images-0-image": image_upload(),
            "gallery_images-0-alt": "Hands on a table",
            "gallery_images-0-caption": "Jovanović at home",
            "gallery_images-0-sort_order": "0",
        },
    )
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "appears in: gallery image 1 caption" in errors(response)
    assert not StoryImage.objects.exists()


# While typing ----------------------------------------------------------------------------


def checklist_url(story=None):
    if story is None:
        return reverse("admin:stories_story_checklist")
    return reverse("admin:stories_story_checklist", args=[story.pk])


def test_the_live_checklist_runs_the_checks_on_what_the_form_holds(editor_client):
    theme = make_theme("Post-war", slug="post-war")
    story = anonymous_story(hero_image=image_upload(), hero_image_alt="A river")
    StoryImage.objects.create(story=story, image=image_upload(), alt="A door")
    data = publish_data(
        story,
        themes=[theme.pk],
        body="<p>Milica waits.</p>",
        title="T" * 80,
        summary=GOOD_SUMMARY,
        hero_image_alt="A river",
        **{
            "gallery_images-TOTAL_FORMS": "2",
            "gallery_images-0-id": str(story.gallery_images.get().pk),
            "gallery_images-0-alt": "",
            "gallery_images-1-image_chosen": "1",  # the script's word for a file chosen, not sent
            "gallery_images-1-alt": "",
        },
    )
    response = editor_client.post(checklist_url(story), data)
    assert response.status_code == 200
    result = {item["key"]: item for item in response.json()["checks"]}
    assert [key for key, item in result.items() if not item["passed"]] == [
        "anonymity",
        "gallery_alt",
        "title_length",
        "content_warning",
    ]
    assert result["gallery_alt"]["detail"] == "Missing on images 1, 2"
    assert response.json()["summary"] == "2 checks block publishing, 2 warnings"


def test_a_new_story_has_a_live_checklist_too(editor_client):
    data = form_data(title="New", summary=GOOD_SUMMARY, hero_image_chosen="1", hero_image_alt="A field")
    result = editor_client.post(checklist_url(), data).json()
    assert [item["key"] for item in result["checks"] if not item["passed"]] == ["consent", "slug"]


def test_the_live_checklist_is_for_people_who_may_see_the_story(client):
    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    client.force_login(contributor)
    assert client.post(checklist_url(make_story("Someone else's"))).status_code == 404
    assert client.post(checklist_url(make_story("Mine", created_by=contributor))).status_code == 200
    assert client.get(checklist_url()).status_code == 405


def test_the_story_screen_shows_the_checklist_before_any_script_runs(editor_client):
    story = anonymous_story(body="<p>Milica waits.</p>")
    page = html.fromstring(editor_client.get(change_url(story)).content.decode())
    blocked = [item.get("data-check") for item in page.cssselect(".story-check--blocking:not(.story-check--passed)")]
    assert blocked == ["anonymity"]
    assert page.cssselect("#story-checklist-summary")[0].text_content() == "1 check blocks publishing, 2 warnings"


# The list's Publish action ---------------------------------------------------------------


def test_the_publish_action_shows_the_checklist_and_publishes_only_what_passes(editor_client):
    ready = anonymous_story(title="Ready", body="<p>She waits.</p>")
    named = anonymous_story(title="Named", body="<p>Milica waits.</p>")
    changelist = reverse("admin:stories_story_changelist")
    page = editor_client.post(changelist, {"action": "publish", "_selected_action": [ready.pk, named.pk]})
    assert page.status_code == 200
    tree = html.fromstring(page.content.decode())
    verdicts = [" ".join(h.text_content().split()) for h in tree.cssselect(".publish-review h2")]
    assert sorted(verdicts) == [
        "Named — held back: 1 check blocks publishing, 2 warnings",
        "Ready — will be published: 2 warnings",
    ]
    assert [i.get("value") for i in tree.cssselect("input[name=_selected_action]")] == [str(ready.pk)]
    response = editor_client.post(
        changelist, {"action": "publish", "_selected_action": [ready.pk, named.pk], "post": "yes"}, follow=True
    )
    assert b"1 story published." in response.content and b"a check holds them back: Named" in response.content
    assert Story.objects.get(pk=ready.pk).is_public
    assert Story.objects.get(pk=named.pk).status == Story.Status.REVIEW
