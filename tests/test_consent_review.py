"""A story's consent can carry a "review consent by" date; editors list the stories past it."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories.editorial.roles import CONTRIBUTOR, EDITOR
from stories.models import Story
from tests.factories import make_story, make_user
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:stories_story_changelist"


def listed_titles(client, **query):
    page = html.fromstring(client.get(reverse(CHANGELIST), query).content)
    return sorted(a.text_content() for a in page.cssselect("#result_list .field-title a"))


def test_editor_sets_a_review_date_recorded_in_the_consent_history(client):
    editor = make_user("editor", groups=[Group.objects.get(name=EDITOR)])
    client.force_login(editor)
    story = make_story("Reviewed", status=Story.Status.REVIEW)
    data = form_data(story, has_consent="on", consent_given_on="2026-01-10", consent_review_on="2027-01-10")
    response = client.post(reverse("admin:stories_story_change", args=[story.pk]), data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.consent_review_on == date(2027, 1, 10)
    change = story.consent_changes.get()
    assert {"field": "consent_review_on", "from": None, "to": "2027-01-10"} in change.changes


def test_editors_filter_the_stories_whose_consent_review_is_due(client):
    today = timezone.localdate()
    make_story("Past due", has_consent=True, consent_review_on=today - timedelta(days=1))
    make_story("Next week", has_consent=True, consent_review_on=today + timedelta(days=7))
    make_story("Next year", has_consent=True, consent_review_on=today + timedelta(days=365))
    make_story("No date", has_consent=True)
    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    assert listed_titles(client, consent_review="due") == ["Past due"]
    assert listed_titles(client, consent_review="soon") == ["Next week"]
    assert b"Review date passed" in client.get(reverse(CHANGELIST)).content


def test_contributors_have_no_consent_review_filter(client):
    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    make_story("Mine", status=Story.Status.DRAFT, created_by=contributor, consent_review_on=date(2020, 1, 1))
    client.force_login(contributor)
    page = client.get(reverse(CHANGELIST)).content
    assert b"Review date passed" not in page
    assert client.get(reverse(CHANGELIST), {"consent_review": "due"}).status_code == 302  # an unknown filter
