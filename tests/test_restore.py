"""Restoring a version is an edit: text, images and tags come back; the publication state,
publish time, featuring and the consent record stay as they are. Consent has its own history."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html
from reversion.models import Version

from stories.editorial.roles import CONTRIBUTOR
from stories.models import ConsentRecordChange, Story, record_consent_changes
from tests.factories import make_story, make_user
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def change_url(story):
    return reverse("admin:stories_story_change", args=[story.pk])


def restore_url(story, version):
    return reverse("admin:stories_story_revision", args=[story.pk, version.pk])


def page_errors(response):
    return " ".join(e.text_content() for e in html.fromstring(response.content).cssselect(".errorlist, .errornote"))


def signed_form():
    return SimpleUploadedFile("Ana Petrović consent.pdf", b"%PDF-1.4\n%signed\n", content_type="application/pdf")


def published_story_with_history(editor_client):
    """A draft written without consent (version 1), then consent recorded with a signed form,
    published and featured (version 2), then its text edited (version 3)."""
    response = editor_client.post(reverse("admin:stories_story_add"), form_data(title="First words"))
    assert response.status_code == 302, page_errors(response)
    story = Story.objects.get()
    consent = {
        "has_consent": "on",
        "consent_given_on": "2026-11-01",
        "consent_method": "signed_form",
        "consent_notes": "Only with the first name.",
        "consent_form": signed_form(),
    }
    data = form_data(story, status="published", is_featured="on", **consent)
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 302, page_errors(response)
    story.refresh_from_db()
    response = editor_client.post(change_url(story), form_data(story, title="Later words", is_featured="on"))
    assert response.status_code == 302, page_errors(response)
    story.refresh_from_db()
    first_version = Version.objects.get_for_object(story).last()
    return story, first_version


def state(story):
    story.refresh_from_db()
    return {
        "status": story.status,
        "published_at": story.published_at,
        "is_featured": story.is_featured,
        "slug": story.slug,
        "has_consent": story.has_consent,
        "consent_given_on": story.consent_given_on,
        "consent_method": story.consent_method,
        "consent_notes": story.consent_notes,
        "consent_form": story.consent_form.name,
    }


def test_restoring_a_draft_version_keeps_the_story_published_and_its_consent_record(editor_client, client, settings):
    story, first_version = published_story_with_history(editor_client)
    before = state(story)
    consent_changes = story.consent_changes.count()
    assert before["status"] == "published" and before["is_featured"] and before["consent_form"]

    form = html.fromstring(editor_client.get(restore_url(story, first_version)).content)
    token = form.cssselect("input[name=opened_edit_token]")[0].get("value")
    # A hand-made POST trying to change the state through the restore form changes nothing either.
    data = form_data(story, title="First words", status="draft", opened_edit_token=token)
    data.pop("has_consent", None)
    response = editor_client.post(restore_url(story, first_version), data)
    assert response.status_code == 302, page_errors(response)

    assert state(story) == before
    assert story.title == "First words"
    assert (settings.PRIVATE_MEDIA_ROOT / story.consent_form.name).exists()
    assert client.get(story.get_absolute_url()).status_code == 200
    assert story.consent_changes.count() == consent_changes  # a restore is no consent change


def test_restore_page_lists_what_will_change_and_shows_the_state_without_editing_it(editor_client):
    story, first_version = published_story_with_history(editor_client)
    page = html.fromstring(editor_client.get(restore_url(story, first_version)).content)

    assert "never changes the publication state" in page.cssselect(".restore-summary p")[0].text_content()
    rows = page.cssselect(".restore-summary .revision-diff tbody tr")
    changed = [row.cssselect("th")[0].text_content() for row in rows]
    assert changed == ["Title"]
    assert [d.text_content() for d in rows[0].cssselect("del")] == ["Later"]
    assert [i.text_content() for i in rows[0].cssselect("ins")] == ["First"]
    for name in ("status", "published_at_0", "is_featured", "slug", "has_consent", "consent_form"):
        assert not page.cssselect(f"[name={name}]"), name
    assert "Published" in page.cssselect(".field-status")[0].text_content()
    consent = page.cssselect(".field-consent_record")[0].text_content()
    assert "Consent given" in consent and "A signed form is attached" in consent
    story.refresh_from_db()
    assert story.title == "Later words"  # looking changes nothing


def test_restore_page_says_so_when_the_version_is_the_current_one(editor_client):
    story, _ = published_story_with_history(editor_client)
    latest = Version.objects.get_for_object(story).first()
    page = editor_client.get(restore_url(story, latest)).content.decode()
    assert "saving changes nothing" in page


def test_contributor_cannot_restore_a_version(client, editor_client):
    story, first_version = published_story_with_history(editor_client)
    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    client.force_login(contributor)
    mine = make_story("Mine", status=Story.Status.DRAFT, created_by=contributor)
    assert client.get(restore_url(story, first_version)).status_code == 403
    response = client.post(restore_url(story, first_version), form_data(story, title="First words"))
    assert response.status_code == 403
    assert Story.objects.get(pk=story.pk).title == "Later words"
    assert client.get(reverse("admin:stories_story_history", args=[mine.pk])).status_code == 200


def test_consent_changes_are_recorded_with_who_and_when_and_shown_to_editors_only(editor_client, editor, client):
    story = make_story("Consent", status=Story.Status.REVIEW)
    consent = {"has_consent": "on", "consent_given_on": "2026-11-01", "consent_method": "email"}
    assert editor_client.post(change_url(story), form_data(story, **consent)).status_code == 302
    story.refresh_from_db()
    assert editor_client.post(change_url(story), form_data(story, title="Retitled", **consent)).status_code == 302

    change = ConsentRecordChange.objects.get(story=story)  # the title edit changed no consent field
    assert change.changed_by == editor
    assert change.changes == [
        {"field": "has_consent", "from": False, "to": True},
        {"field": "consent_given_on", "from": None, "to": "2026-11-01"},
        {"field": "consent_method", "from": "", "to": "email"},
    ]
    history = html.fromstring(editor_client.get(change_url(story)).content.decode()).cssselect(".field-consent_history")
    text = " ".join(history[0].text_content().split())
    assert "editor" in text and "consent given: no → yes" in text and "Email or message" in text

    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    own = make_story("Own", status=Story.Status.DRAFT, created_by=contributor)
    record_consent_changes(own, None, contributor)  # nothing to record: no consent yet
    client.force_login(contributor)
    page = client.get(change_url(own)).content.decode()
    assert "consent_history" not in page and "History of the consent record" not in page


def test_record_consent_changes_compares_with_the_record_before():
    story = make_story("Model", has_consent=True, consent_given_on=date(2026, 1, 2), consent_method="verbal")
    assert record_consent_changes(story, None, None).changes[0] == {"field": "has_consent", "from": None, "to": True}
    before = {"has_consent": True, "consent_given_on": "2026-01-02", "consent_method": "verbal"}
    assert record_consent_changes(story, before, None) is None
    story.consent_notes = "Withdrawn by phone."
    assert record_consent_changes(story, before, None).changes == [
        {"field": "consent_notes", "from": None, "to": "Withdrawn by phone."}
    ]
