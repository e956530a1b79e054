"""The newsroom dashboard as the admin's home: what waits for editors, and for contributors."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories.editorial.review import send_back
from stories.editorial.roles import CONTRIBUTOR
from stories.models import Story, StoryHandover, StoryImage
from tests.factories import image_upload, make_story, make_user

pytestmark = pytest.mark.django_db

Status, Kind = Story.Status, StoryHandover.Kind


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def texts(page, selector):
    return [" ".join(element.text_content().split()) for element in page.cssselect(selector)]


def sent_for_review(title, by, days_ago):
    story = make_story(title, status=Status.REVIEW, created_by=by)
    StoryHandover.objects.create(
        story=story, kind=Kind.SUBMITTED, made_by=by, made_at=timezone.now() - timedelta(days=days_ago)
    )
    return story


def test_the_review_queue_is_longest_waiting_first_with_who_sent_it(client, editor, contributor):
    other = make_user("ana", groups=[Group.objects.get(name=CONTRIBUTOR)])
    sent_for_review("Sent yesterday", contributor, 1)
    sent_for_review("Sent five days ago", other, 5)
    sent_for_review("Sent three days ago", contributor, 3)
    make_story("A draft", status=Status.DRAFT)
    rows = texts(home(client, editor), "#newsroom-review tbody tr")
    assert [row.split(" contributor")[0].split(" ana")[0] for row in rows] == [
        "Sent five days ago",
        "Sent three days ago",
        "Sent yesterday",
    ]
    assert " ana " in rows[0] and "(5 days ago)" in rows[0]
    assert "Send back…" in rows[0]


def test_scheduled_stories_show_their_publish_time(client, editor):
    when = timezone.localtime(timezone.now() + timedelta(days=2)).replace(hour=9, minute=30)
    make_story("Soon", published_at=when)
    make_story("Already out")
    assert texts(home(client, editor), "#newsroom-scheduled li") == [f"{when:%a} {when.day} {when:%b}, 09:30 Soon"]


def test_recent_drafts_are_those_changed_in_two_weeks(client, editor):
    make_story("Fresh draft", status=Status.DRAFT, updated_by=editor)
    old = make_story("Old draft", status=Status.DRAFT)
    Story.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=30))
    drafts = texts(home(client, editor), "#newsroom-drafts li")
    assert len(drafts) == 1 and drafts[0].startswith("Fresh draft editor,")


def test_published_stories_missing_something_say_what(client, editor):
    make_story("Complete", hero_image=image_upload(), hero_image_alt="A field")
    make_story("No picture")
    make_story("No hero alt", hero_image=image_upload())
    gallery = make_story("Gallery without alt", hero_image=image_upload(), hero_image_alt="A field")
    StoryImage.objects.create(story=gallery, image=image_upload(), alt="")
    make_story("Unpublished, no picture", status=Status.DRAFT)
    missing = dict(item.split(" Missing: ") for item in texts(home(client, editor), "#newsroom-shortcomings li"))
    assert missing == {
        "No picture": "a picture for shares (no hero image, no share image)",
        "No hero alt": "alt text of the hero image",
        "Gallery without alt": "alt text in the gallery",
    }


def test_the_side_column_lists_changes_by_others_only(client, editor, contributor):
    story = make_story("Logged")
    for user, message in ((editor, "Mine"), (contributor, "Theirs")):
        LogEntry.objects.log_actions(user.pk, [story], CHANGE, change_message=message, single_object=True)
    changes = texts(home(client, editor), "#newsroom-changes li")
    assert len(changes) == 1 and "contributor" in changes[0]


def test_a_contributor_sees_their_drafts_with_the_note_sent_back_and_what_happened(client, editor, contributor):
    returned = make_story("Needs work", status=Status.REVIEW, created_by=contributor)
    send_back(returned, editor, "Add the year, please.")
    make_story("Someone else's draft", status=Status.DRAFT, created_by=editor)
    published = sent_for_review("Went out", contributor, 2)
    published.status, published.updated_by = Status.PUBLISHED, editor
    published.save()
    sent_for_review("Waiting", contributor, 1)
    page = home(client, contributor)
    drafts = texts(page, "#newsroom-own-drafts li")
    assert len(drafts) == 1 and "Needs work" in drafts[0] and "editor sent it back: Add the year, please." in drafts[0]
    assert [row.split(" sent ")[0] for row in texts(page, "#newsroom-own-review li")] == ["Waiting"]
    happened = texts(page, "#newsroom-handovers li")
    assert happened[0].startswith("Went out Published by editor")
    assert happened[1].startswith("Needs work Sent back to the contributor by editor")
    assert "Add the year, please." in happened[1]
    assert not page.cssselect("#newsroom-review"), "the editors' queue is not theirs"


def test_the_dashboard_runs_a_fixed_number_of_queries(client, editor, contributor, django_assert_max_num_queries):
    def fill(count):
        for n in range(count):
            sent_for_review(f"Review {n}", contributor, n)
            make_story(f"Draft {n}", status=Status.DRAFT, updated_by=editor)
            make_story(f"Scheduled {n}", published_at=timezone.now() + timedelta(days=n + 1))
            make_story(f"Bare {n}")

    client.force_login(editor)
    fill(2)
    with django_assert_max_num_queries(14) as few:
        client.get(reverse("admin:index"))
    fill(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("admin:index"))
