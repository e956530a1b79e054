"""A contributor's login is tied to their public byline, which goes on the stories they start."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from lxml import html

from stories.editorial.roles import CONTRIBUTOR
from stories.models import Contributor, Story
from tests.factories import make_contributor, make_user
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributor():
    return make_user("jelena", groups=[Group.objects.get(name=CONTRIBUTOR)])


def chosen_bylines(client):
    page = html.fromstring(client.get(reverse("admin:stories_story_add")).content.decode())
    return [option.text_content() for option in page.cssselect("select[name=contributors] option[selected]")]


def test_a_contributor_with_a_byline_starts_every_story_under_it(client, contributor):
    make_contributor("Jelena Đukić", user=contributor)
    make_contributor("Someone else")
    client.force_login(contributor)
    assert chosen_bylines(client) == ["Jelena Đukić"]


def test_the_byline_is_saved_with_the_new_story(client, contributor):
    byline = make_contributor("Jelena Đukić", user=contributor)
    client.force_login(contributor)
    response = client.post(reverse("admin:stories_story_add"), form_data(title="Mine", contributors=[byline.pk]))
    assert response.status_code == 302
    assert list(Story.objects.get(title="Mine").contributors.all()) == [byline]


def test_a_login_without_a_byline_starts_with_none(client, contributor):
    make_contributor("Jelena Đukić")
    client.force_login(contributor)
    assert chosen_bylines(client) == []


def test_a_login_has_at_most_one_byline_and_a_deleted_login_leaves_the_byline(contributor):
    byline = make_contributor("Jelena Đukić", user=contributor)
    assert contributor.contributor == byline
    contributor.delete()
    byline.refresh_from_db()
    assert byline.user is None


def test_editors_tie_a_byline_to_a_login_in_the_contributor_admin(admin_client, contributor):
    byline = make_contributor("Jelena Đukić")
    response = admin_client.post(
        reverse("admin:stories_contributor_change", args=[byline.pk]),
        {"name": byline.name, "slug": byline.slug, "role": "writer", "bio": "", "user": contributor.pk},
    )
    assert response.status_code == 302
    assert Contributor.objects.get(pk=byline.pk).user == contributor
