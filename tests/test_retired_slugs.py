"""Old addresses are reserved for good: no other story can take one, so a link shared years
ago still opens the story it was shared for."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from lxml import html

from stories.models import Story, StorySlug
from tests.factories import make_story, make_user, story_form_data

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"


@pytest.fixture
def renamed_story():
    """A published story that was first at /stories/the-river/ and is now at /stories/the-dam/."""
    story = make_story("The river", slug="the-river")
    story.title, story.slug = "The dam", "the-dam"
    story.save()
    return story


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("chief", is_superuser=True))
    return client


def assert_old_links_open(client, story):
    response = client.get("/stories/the-river/")
    assert response.status_code == 301
    assert response["Location"] == f"{SITE}/stories/the-dam/"
    assert client.get(f"/s/{story.pk}/")["Location"] == f"{SITE}/stories/the-dam/"


def test_a_new_story_with_the_old_title_gets_a_free_address(client, renamed_story):
    newcomer = make_story("The river")
    assert newcomer.slug == "the-river-2"
    assert_old_links_open(client, renamed_story)


def test_model_validation_refuses_another_storys_old_address_naming_that_story(renamed_story):
    newcomer = Story(title="Another river", slug="the-river", summary="S.", storyteller_name="Ana")
    with pytest.raises(ValidationError) as refused:
        newcomer.full_clean()
    (message,) = refused.value.message_dict["slug"]
    assert "“The dam”" in message and "/stories/the-dam/" in message
    renamed_story.slug = "the-river"  # its own old address it may go back to
    renamed_story.full_clean()


def test_the_admin_slug_field_refuses_an_old_address_and_keeps_the_link(editor_client, renamed_story):
    data = story_form_data(title="Another river", slug="the-river")
    response = editor_client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 200
    errors = html.fromstring(response.content.decode()).cssselect(".field-slug .errorlist")
    assert errors and "“The dam”" in errors[0].text_content()
    assert not Story.objects.filter(title="Another river").exists()
    assert_old_links_open(editor_client, renamed_story)


def test_a_title_that_would_make_an_old_address_gets_the_next_free_one_in_the_admin(editor_client, renamed_story):
    response = editor_client.post(reverse("admin:stories_story_add"), story_form_data(title="The river", slug=""))
    assert response.status_code == 302
    assert Story.objects.get(title="The river").slug == "the-river-2"


def test_a_story_changing_to_an_address_someone_else_once_had_does_not_steal_its_redirect(client, renamed_story):
    # Data from before addresses were reserved: another story took the old address, then left it.
    other = make_story("Other", slug="other")
    Story.objects.filter(pk=other.pk).update(slug="the-river")
    other.refresh_from_db()
    other.slug = "other-again"
    other.save()
    assert StorySlug.objects.get(slug="the-river").story == renamed_story
    assert_old_links_open(client, renamed_story)
