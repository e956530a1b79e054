"""The admin, as an editor uses it."""

import pytest
from django.urls import reverse
from lxml import html

from stories.models import Country, Story
from tests import factories
from tests.factories import (
    WIDE_PHOTO,
    image_upload,
    make_contributor,
    make_country,
    make_page,
    make_partner,
    make_story,
    make_theme,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("chief", is_superuser=True))
    return client


@pytest.mark.parametrize(
    "model",
    ["stories/story", "stories/country", "stories/theme", "stories/contributor", "partners/partner", "partners/page"],
)
def test_admin_pages_load_for_an_editor(editor_client, model):
    story = make_story(
        "Listed", countries=["Serbia"], themes=["Poverty"], hero_image=image_upload(), hero_image_alt="Hills"
    )
    objects = {
        "stories/story": story,
        "stories/country": make_country("Serbia"),
        "stories/theme": make_theme("Poverty"),
        "stories/contributor": make_contributor(),
        "partners/partner": make_partner(),
        "partners/page": make_page(),
    }
    app, name = model.split("/")
    assert editor_client.get(reverse(f"admin:{app}_{name}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:{app}_{name}_add")).status_code == 200
    assert editor_client.get(reverse(f"admin:{app}_{name}_change", args=[objects[model].pk])).status_code == 200


def test_story_changelist_shows_thumbnail_countries_and_themes_and_filters(editor_client):
    make_story(
        "Listed",
        countries=["Serbia"],
        themes=["Poverty"],
        hero_image=image_upload(size=WIDE_PHOTO),
        hero_image_alt="Hills",
    )
    response = editor_client.get(reverse("admin:stories_story_changelist"), {"status__exact": "published"})
    tree = html.fromstring(response.content)
    row = tree.cssselect("#result_list tbody tr")[0].text_content()
    assert "Listed" in row and "Serbia" in row and "Poverty" in row
    (thumbnail,) = tree.cssselect("#result_list tbody img.admin-thumbnail")
    story = Story.objects.get()
    smallest = min(story.hero_renditions, key=lambda rendition: rendition["width"])
    assert smallest["width"] == 480 and len(story.hero_renditions) > 1
    assert thumbnail.get("src") == story.hero_image.storage.url(smallest["name"])  # never the full-size original


def story_form_data(**overrides):
    """A new story's form, with a title and keywords these tests look for."""
    return factories.story_form_data(
        **{"title": "Đorđe's new story", "tags": "mining, youth", "storyteller_name": "Đorđe", **overrides}
    )


def test_editor_creates_a_story_picking_countries_and_themes_from_the_list(editor_client):
    response = editor_client.post(reverse("admin:stories_story_add"), story_form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    story = Story.objects.get()
    assert story.slug == "djordjes-new-story"
    assert [c.name for c in story.countries.all()] == ["Serbia"]
    assert sorted(t.name for t in story.tags.all()) == ["mining", "youth"]
    assert Country.objects.count() == 1


def test_country_field_is_a_checkbox_list_not_free_text(editor_client):
    make_country("Serbia")
    tree = html.fromstring(editor_client.get(reverse("admin:stories_story_add")).content)
    assert tree.cssselect("input[type=checkbox][name=countries]")
    assert not tree.cssselect("input[type=text][name=countries]")


def test_image_without_alt_text_is_a_form_error_that_keeps_the_input(editor_client):
    data = story_form_data(hero_image=image_upload(), title="Keep my title")
    response = editor_client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 200
    assert b"Describe the image" in response.content
    assert b"Keep my title" in response.content
    assert not Story.objects.exists()


def test_unknown_country_cannot_be_created_from_the_story_form(editor_client):
    response = editor_client.post(reverse("admin:stories_story_add"), story_form_data(countries=["999"]))
    assert response.status_code == 200
    assert not Story.objects.exists()


def test_a_clashing_slug_is_resolved_and_the_form_saves(editor_client):
    make_story("Existing", slug="same-slug")
    response = editor_client.post(
        reverse("admin:stories_story_add"), story_form_data(title="New one", slug="same-slug")
    )
    assert response.status_code == 302
    assert Story.objects.get(title="New one").slug == "same-slug-2"


def test_a_typed_slug_is_transliterated(editor_client):
    response = editor_client.post(reverse("admin:stories_story_add"), story_form_data(slug="Ѓорѓи Ђурић"))
    assert response.status_code == 302
    assert Story.objects.get().slug == "gjorgji-djuric"


def test_gallery_thumbnails_in_the_story_form_are_the_smallest_rendition(editor_client):
    from stories.models import StoryImage

    story = make_story("Gallery")
    picture = StoryImage.objects.create(story=story, image=image_upload("wide.jpg", size=(1700, 900)), alt="Wide")
    tree = html.fromstring(editor_client.get(reverse("admin:stories_story_change", args=[story.pk])).content)
    sources = {img.get("src") for img in tree.cssselect("img.admin-thumbnail")}
    smallest = min(picture.renditions, key=lambda rendition: rendition["width"])
    assert sources == {picture.image.storage.url(smallest["name"])}


def test_a_contributor_sees_a_story_in_review_rendered_not_as_html_source(client):
    from django.contrib.auth.models import Group

    from stories.editorial.roles import CONTRIBUTOR

    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    story = make_story(
        "In review",
        status=Story.Status.REVIEW,
        created_by=contributor,
        body="<p>The well ran <strong>dry</strong>.</p>",
    )
    Story.objects.filter(pk=story.pk).update(
        body=story.body + '<script>alert("x")</script>'
    )  # as if stored by an old bug
    client.force_login(contributor)
    response = client.get(reverse("admin:stories_story_change", args=[story.pk]))
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    (body,) = tree.cssselect(".field-body_as_published .readonly")
    assert body.cssselect("p strong")[0].text_content() == "dry"
    assert "<p>" not in body.text_content() and not body.cssselect("script")
    assert not tree.cssselect("textarea[name=body], [name=body]")
