"""The story page's data cache (stories/views/story.py): with the page cache off, the story and
everything around it are looked up once per content version, and any edit shows at once."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import html

from balkanoscope.cache_tags import TAGS_HEADER
from stories import content_state
from stories.models import Story
from tests.factories import make_country, make_story, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE = False


@pytest.fixture
def pair():
    serbia, poverty = make_country("Serbia"), make_theme("Poverty")
    earlier = make_story(
        "The mine above the town",
        countries=[serbia],
        themes=[poverty],
        published_at=timezone.now() - timedelta(days=2),
    )
    story = make_story("Water for Bor", countries=[serbia], themes=[poverty], contributors=["Jelena Đukić"])
    return story, earlier


def rendered(response):
    assert response.status_code == 200
    assert "stories/story_detail.html" in [template.name for template in response.templates]
    return html.fromstring(response.content)


def test_a_second_render_reads_only_the_content_state_and_is_the_same_page(client, pair, django_assert_num_queries):
    story, earlier = pair
    first = client.get(story.get_absolute_url())
    with django_assert_num_queries(1):  # the content version; the story and its sidebar are cached
        second = client.get(story.get_absolute_url())
    rendered(second)
    assert second.content == first.content
    assert second[TAGS_HEADER] == first[TAGS_HEADER]
    assert f"story-{earlier.pk}" in second[TAGS_HEADER].split()


def test_an_edit_to_the_story_or_to_what_is_around_it_shows_on_the_next_render(client, pair):
    story, earlier = pair
    client.get(story.get_absolute_url())
    story.title = "Water for Bor, a year on"
    story.save()
    earlier.title = "The mine, closed"
    earlier.save()
    serbia = story.countries.get()
    serbia.name = "Srbija"
    serbia.save()
    page = rendered(client.get(story.get_absolute_url()))
    assert page.cssselect("h1")[0].text_content() == "Water for Bor, a year on"
    assert "The mine, closed" in page.cssselect(".story-nav")[0].text_content()
    assert [chip.text_content().strip() for chip in page.cssselect(".story__chips a")][0] == "Srbija"


def test_a_story_taken_down_is_gone_on_the_next_render(client, pair):
    story, _ = pair
    client.get(story.get_absolute_url())
    story.status = Story.Status.DRAFT
    story.save()
    assert client.get(story.get_absolute_url()).status_code == 404


def test_an_unknown_slug_is_not_kept_so_misses_cannot_fill_the_cache(rf):
    computed = []

    def compute():
        computed.append(1)
        return None

    request = rf.get("/stories/no-such-story/")
    for _ in range(2):
        assert content_state.cached_value(request, "story-page:en:no-such-story", compute, keep_if=bool) is None
    assert len(computed) == 2
    found = []
    for _ in range(2):
        content_state.cached_value(request, "kept", lambda: found.append(1) or "value", keep_if=bool)
    assert len(found) == 1


def test_an_old_address_still_redirects_and_the_new_one_is_served_from_the_data_cache(client, pair):
    story, _ = pair
    old_url = story.get_absolute_url()
    story.slug = "water-for-bor-again"
    story.save()
    for _ in range(2):
        response = client.get(old_url)
        assert response.status_code == 301 and response["Location"].endswith("/stories/water-for-bor-again/")
    rendered(client.get("/stories/water-for-bor-again/"))
