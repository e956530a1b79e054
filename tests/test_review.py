"""Review as a conversation: hand-overs logged with who and when, a story sent back with a
note that its contributor sees, and the e-mails that may tell people."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse
from lxml import html

from stories.editorial.review import handover_kind
from stories.editorial.roles import CONTRIBUTOR, EDITOR
from stories.models import Story, StoryHandover
from tests.factories import make_story, make_user
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db

Status, Kind = Story.Status, StoryHandover.Kind


@pytest.fixture
def editor():
    user = make_user("editor", groups=[Group.objects.get(name=EDITOR)])
    user.email = "editor@example.org"
    user.save()
    return user


@pytest.fixture
def contributor():
    user = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    user.email = "contributor@example.org"
    user.save()
    return user


def as_user(client, user):
    client.force_login(user)
    return client


def change_url(story):
    return reverse("admin:stories_story_change", args=[story.pk])


def send_back_url(story):
    return reverse("admin:stories_story_send_back", args=[story.pk])


def handovers(story):
    return [(h.kind, h.made_by.username, h.note) for h in StoryHandover.objects.filter(story=story).order_by("id")]


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        (None, Status.DRAFT, None),
        (None, Status.REVIEW, Kind.SUBMITTED),
        (Status.DRAFT, Status.REVIEW, Kind.SUBMITTED),
        (Status.REVIEW, Status.DRAFT, Kind.RETURNED),
        (Status.REVIEW, Status.PUBLISHED, Kind.PUBLISHED),
        (Status.DRAFT, Status.PUBLISHED, Kind.PUBLISHED),
        (Status.PUBLISHED, Status.DRAFT, Kind.UNPUBLISHED),
        (Status.PUBLISHED, Status.REVIEW, Kind.UNPUBLISHED),
        (Status.DRAFT, Status.DRAFT, None),
        (Status.PUBLISHED, Status.PUBLISHED, None),
    ],
)
def test_which_status_changes_are_hand_overs(before, after, kind):
    assert handover_kind(before, after) == kind


def test_every_hand_over_of_a_story_is_logged_with_who(client, editor, contributor):
    story = make_story("Journey", status=Status.DRAFT, created_by=contributor, has_consent=True)
    response = as_user(client, contributor).post(change_url(story), form_data(story, status="review"))
    assert response.status_code == 302
    story.refresh_from_db()
    as_user(client, editor).post(send_back_url(story), {"note": "Name the village, please."})
    story.refresh_from_db()
    as_user(client, contributor).post(change_url(story), form_data(story, status="review"))
    story.refresh_from_db()
    as_user(client, editor).post(change_url(story), form_data(story, status="published", has_consent="on"))
    client.post(
        reverse("admin:stories_story_changelist"),
        {"action": "unpublish", "_selected_action": [story.pk], "index": "0"},
    )
    assert handovers(story) == [
        (Kind.SUBMITTED, "contributor", ""),
        (Kind.RETURNED, "editor", "Name the village, please."),
        (Kind.SUBMITTED, "contributor", ""),
        (Kind.PUBLISHED, "editor", ""),
        (Kind.UNPUBLISHED, "editor", ""),
    ]


def test_a_save_that_keeps_the_status_or_has_no_person_is_no_hand_over(client, editor):
    story = make_story("Quiet", status=Status.DRAFT)
    story.status = Status.REVIEW
    story.save()  # an import or a command: nobody handed it over
    as_user(client, editor).post(change_url(story), form_data(story, title="Quiet, edited", status="review"))
    assert handovers(story) == []


def test_send_back_returns_the_story_as_a_draft_with_the_note_and_logs_it(client, editor, contributor):
    story = make_story("Back", status=Status.REVIEW, created_by=contributor)
    page = as_user(client, editor).get(send_back_url(story))
    assert page.status_code == 200 and b"contributor" in page.content
    response = client.post(send_back_url(story), {"note": "The second half needs the storyteller's consent."})
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    story.refresh_from_db()
    assert story.status == Status.DRAFT and story.updated_by == editor
    assert LogEntry.objects.get(object_id=str(story.pk)).change_message == "Sent back to the contributor with a note."


def test_send_back_needs_a_note(client, editor):
    story = make_story("No note", status=Status.REVIEW)
    response = as_user(client, editor).post(send_back_url(story), {"note": ""})
    assert response.status_code == 200
    assert Story.objects.get(pk=story.pk).status == Status.REVIEW


def test_only_editors_send_back_and_only_stories_in_review(client, editor, contributor):
    story = make_story("Mine", status=Status.REVIEW, created_by=contributor)
    assert as_user(client, contributor).post(send_back_url(story), {"note": "x"}).status_code == 403
    draft = make_story("Draft", status=Status.DRAFT)
    response = as_user(client, editor).post(send_back_url(draft), {"note": "x"})
    assert response.status_code == 302 and response["Location"] == change_url(draft)
    assert handovers(draft) == []


def test_the_contributor_sees_the_note_on_the_story(client, editor, contributor):
    story = make_story("Seen", status=Status.REVIEW, created_by=contributor)
    as_user(client, editor).post(send_back_url(story), {"note": "Shorter title, please."})
    page = html.fromstring(as_user(client, contributor).get(change_url(story)).content.decode())
    notice = page.cssselect(".story-notice--returned")[0].text_content()
    assert "editor sent this story back" in notice and "Shorter title, please." in notice
    assert "Shorter title, please." in page.cssselect(".story-conversation")[0].text_content()


def test_the_note_is_gone_once_the_story_is_sent_again(client, editor, contributor):
    story = make_story("Again", status=Status.REVIEW, created_by=contributor)
    as_user(client, editor).post(send_back_url(story), {"note": "Shorter title, please."})
    story.refresh_from_db()
    as_user(client, contributor).post(change_url(story), form_data(story, status="review"))
    page = html.fromstring(as_user(client, editor).get(change_url(story)).content.decode())
    assert not page.cssselect(".story-notice--returned")
    assert page.cssselect(".story-bar a")[-1].text_content().strip() == "Send back…"


def test_no_e_mail_unless_notifications_are_on(
    client, contributor, editor, mailoutbox, django_capture_on_commit_callbacks
):
    story = make_story("Silent", status=Status.DRAFT, created_by=contributor)
    with django_capture_on_commit_callbacks(execute=True):
        as_user(client, contributor).post(change_url(story), form_data(story, status="review"))
    assert mailoutbox == []


def test_e_mails_tell_editors_of_a_story_to_review_and_the_contributor_of_the_note(
    client, contributor, editor, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.NEWSROOM_EMAIL_NOTIFICATIONS = True
    story = make_story("Told", status=Status.DRAFT, created_by=contributor)
    with django_capture_on_commit_callbacks(execute=True):
        as_user(client, contributor).post(change_url(story), form_data(story, status="review"))
    with django_capture_on_commit_callbacks(execute=True):
        as_user(client, editor).post(send_back_url(story), {"note": "One more photo."})
    submitted, returned = mailoutbox
    assert submitted.to == ["editor@example.org"] and "“Told” is waiting for review" in submitted.subject
    assert returned.to == ["contributor@example.org"] and "was sent back to you" in returned.subject
    assert "One more photo." in returned.body
    assert f"https://balkanoscope.example/admin/stories/story/{story.pk}/change/" in returned.body
