"""The admin's slug fields are filled by the server's transliteration, not Django's JavaScript."""

import pytest
from django.urls import reverse
from lxml import html

from stories.models import Story
from tests.factories import make_story, make_user

pytestmark = pytest.mark.django_db

SLUG_FIELDS = [
    ("stories/story", "title"),
    ("stories/country", "name_en"),  # a name per language: the slug follows the English one
    ("stories/theme", "name_en"),
    ("stories/contributor", "name"),
    ("partners/partner", "name"),
    ("partners/page", "title"),
]


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("chief", is_superuser=True))
    return client


def preview(client, model, text, **params):
    app, name = model.split("/")
    response = client.get(reverse(f"admin:{app}_{name}_slug_preview"), {"text": text, **params})
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    return response.json()["slug"]


@pytest.mark.parametrize(("model", "source"), SLUG_FIELDS)
def test_every_slug_field_follows_its_source_with_the_servers_rules_and_no_django_prepopulate(
    editor_client, model, source
):
    app, name = model.split("/")
    response = editor_client.get(reverse(f"admin:{app}_{name}_add"))
    tree = html.fromstring(response.content)
    (slug,) = tree.cssselect("input[name=slug]")
    assert slug.get("data-slug-from") == f"id_{source}"
    assert slug.get("data-slug-url") == reverse(f"admin:{app}_{name}_slug_preview")
    assert tree.cssselect("script[src$='js/admin/slug-preview.js']")
    # Django's own prepopulate script is loaded with every admin form, but is given no field.
    (constants,) = tree.cssselect("#django-admin-prepopulated-fields-constants")
    assert constants.get("data-prepopulated-fields") == "[]"
    assert preview(editor_client, model, "Ђорђе чека у Нишу") == "djordje-ceka-u-nisu"


def test_the_story_slug_is_the_one_a_save_would_make_from_either_script(editor_client):
    for title in ["Ђорђе чека у Нишу", "Đorđe čeka u Nišu"]:
        assert preview(editor_client, "stories/story", title) == "djordje-ceka-u-nisu"
    assert preview(editor_client, "stories/story", "Ѓорѓи чека во Скопје") == "gjorgji-ceka-vo-skopje"
    assert preview(editor_client, "stories/story", "Ќерка") == "kjerka"
    assert preview(editor_client, "stories/story", "!!!") == ""


def test_the_story_slug_preview_skips_taken_and_retired_addresses_but_not_the_storys_own(editor_client):
    story = make_story("The river", slug="the-river")
    assert preview(editor_client, "stories/story", "The river") == "the-river-2"
    assert preview(editor_client, "stories/story", "The river", object=str(story.pk)) == "the-river"
    story.slug = "the-dam"
    story.save()  # the-river is now its old address
    assert preview(editor_client, "stories/story", "The river") == "the-river-2"
    assert preview(editor_client, "stories/story", "The river", object=str(story.pk)) == "the-river"
    assert (
        preview(editor_client, "stories/story", "The river", object="²") == "the-river-2"
    )  # not a number: a new story


def test_the_slug_preview_is_for_editors_only_and_read_only(client, editor_client):
    url = reverse("admin:stories_story_slug_preview")
    assert editor_client.post(url, {"text": "x"}).status_code == 405
    client.logout()
    response = client.get(url, {"text": "x"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Story.objects.exists()
