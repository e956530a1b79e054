"""The content state read on every request (stories/content_state.py): the driver's own cursor
when nobody counts queries, Django's when a test or DEBUG does; the same state either way."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stories import content_state
from stories.content_state import read_content_state
from stories.models import ContentVersion, Story
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def state_both_ways():
    direct = read_content_state()
    assert not connection.queries_logged
    with CaptureQueriesContext(connection) as counted:
        through_django = read_content_state()
    assert len(counted) == 1  # the counted read is visible to query counts
    return direct, through_django


def test_the_direct_read_gives_the_state_djangos_cursor_gives():
    make_story("Published")
    due = make_story("Scheduled", status=Story.Status.PUBLISHED, published_at=timezone.now() + timedelta(hours=3))
    direct, through_django = state_both_ways()
    assert direct.version == through_django.version
    assert direct.next_publish_at == through_django.next_publish_at
    assert abs(direct.next_publish_at - due.published_at) < timedelta(seconds=1)


def test_an_edit_changes_the_state_read_directly():
    before = read_content_state().token
    make_story("Another")
    assert read_content_state().token != before
    assert ContentVersion.objects.count() == 1


def test_a_database_error_on_the_direct_read_is_djangos_own(monkeypatch):
    """So the outage handling (balkanoscope.middleware.DatabaseUnavailableMiddleware) still sees it."""
    broken = ("SELECT no_such_column, 1, 2 FROM stories_contentversion WHERE id = %s", [1])
    monkeypatch.setattr(content_state, "content_state_sql", lambda vendor: broken)
    with pytest.raises(DatabaseError):  # Django's, not the driver's
        read_content_state()
