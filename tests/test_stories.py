"""Models and querysets: what the public may see, slugs, reading time, related stories."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import Country, Story
from stories.related import related_stories
from tests.factories import make_country, make_story, make_theme

pytestmark = pytest.mark.django_db


def test_published_shows_only_published_stories_whose_time_has_come():
    live = make_story("Live")
    make_story("Draft", status=Story.Status.DRAFT)
    make_story("In review", status=Story.Status.REVIEW)
    make_story("Tomorrow", published_at=timezone.now() + timedelta(days=1))
    assert list(Story.objects.published()) == [live]


def test_scheduled_story_becomes_public_when_its_time_comes(monkeypatch):
    publish_at = timezone.now() + timedelta(hours=1)
    scheduled = make_story("Soon", published_at=publish_at)
    assert scheduled not in Story.objects.published()
    monkeypatch.setattr(timezone, "now", lambda: publish_at - timedelta(microseconds=1))
    assert scheduled not in Story.objects.published()
    monkeypatch.setattr(timezone, "now", lambda: publish_at)  # its time has come, not a second later
    assert scheduled in Story.objects.published()


def test_publishing_without_a_time_stamps_now():
    story = make_story("Now", status=Story.Status.DRAFT)
    assert story.published_at is None
    story.status = Story.Status.PUBLISHED
    story.save()
    assert story.published_at is not None
    assert story in Story.objects.published()


def test_published_stories_are_ordered_newest_first():
    old = make_story("Old", published_at=timezone.now() - timedelta(days=3))
    new = make_story("New", published_at=timezone.now() - timedelta(days=1))
    assert list(Story.objects.published()) == [new, old]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đorđe's river", "djordjes-river"),
        ("Ђорђе и Жарко", "djordje-i-zarko"),
        ("Çka ka mbetur në Korçë", "cka-ka-mbetur-ne-korce"),
        ("Љубав у Њивицама", "ljubav-u-njivicama"),
        ("Ѓорѓи од Ќустендил", "gjorgji-od-kjustendil"),
    ],
)
def test_slug_is_transliterated_from_the_title(title, slug):
    assert make_story(title).slug == slug


def test_duplicate_titles_get_distinct_slugs_and_keep_their_text():
    first = make_story("Same title", summary="First summary")
    second = make_story("Same title", summary="Second summary")
    third = make_story("Same title")
    assert [first.slug, second.slug, third.slug] == ["same-title", "same-title-2", "same-title-3"]
    second.refresh_from_db()
    assert second.summary == "Second summary"


def test_a_title_without_letters_still_gets_a_slug():
    assert make_story("!!!").slug == "story"


def test_editor_chosen_slug_is_kept():
    assert make_story("Title", slug="chosen").slug == "chosen"


def test_reading_time_is_computed_on_save():
    story = make_story("Long", body="<p>" + "word " * 1000 + "</p>")
    assert story.reading_time == 5


def test_body_is_sanitised_on_save():
    story = make_story("XSS", body='<p onclick="x()">Hi<script>alert(1)</script></p>')
    assert "script" not in story.body
    assert "onclick" not in story.body
    assert "Hi" in story.body


def test_countries_and_themes_are_separate_vocabularies():
    story = make_story("Tagged", countries=["Serbia"], themes=["Corruption"], keywords=["mining"])
    assert [c.name for c in story.countries.all()] == ["Serbia"]
    assert [t.name for t in story.themes.all()] == ["Corruption"]
    assert [t.name for t in story.tags.all()] == ["mining"]
    assert list(Story.objects.filter(countries__slug="serbia")) == [story]


def test_country_slug_is_transliterated():
    assert Country.objects.create(name="Crna Gora — Црна Гора").slug == "crna-gora-crna-gora"


def test_anonymous_storyteller_has_no_public_name():
    story = make_story("Hidden", storyteller_name="Ana Anić", is_storyteller_anonymous=True)
    assert story.public_storyteller == ""


def test_related_stories_rank_by_shared_tags_then_recency_and_exclude_the_story():
    serbia, albania = make_country("Serbia"), make_country("Albania")
    corruption, poverty = make_theme("Corruption"), make_theme("Poverty")
    story = make_story("Main", countries=[serbia], themes=[corruption, poverty])
    both = make_story(
        "Shares three",
        countries=[serbia],
        themes=[corruption, poverty],
        published_at=timezone.now() - timedelta(days=9),
    )
    one_new = make_story(
        "Shares one, newer", countries=[albania], themes=[poverty], published_at=timezone.now() - timedelta(days=1)
    )
    one_old = make_story("Shares one, older", countries=[serbia], published_at=timezone.now() - timedelta(days=5))
    make_story("Shares none", countries=[albania])
    make_story("Draft sharing all", status=Story.Status.DRAFT, countries=[serbia], themes=[corruption, poverty])
    related = related_stories(story, countries=[serbia], themes=[corruption, poverty])
    assert related == [both, one_new, one_old]


def test_related_stories_take_at_most_two_queries(django_assert_max_num_queries):
    serbia = make_country("Serbia")
    story = make_story("Main", countries=[serbia])
    for n in range(5):
        make_story(f"Other {n}", countries=[serbia])
    with django_assert_max_num_queries(2):
        assert len(related_stories(story, countries=[serbia], themes=[])) == 3


def test_hero_image_gets_renditions_that_follow_it_when_replaced(settings, django_capture_on_commit_callbacks):
    from pathlib import Path

    from tests.factories import image_upload

    story = make_story("Pictured", hero_image=image_upload(size=(1700, 1000)), hero_image_alt="Hills")
    media = Path(settings.MEDIA_ROOT)
    assert [r["width"] for r in story.hero_renditions] == [480, 800, 1200, 1600]
    old_files = [media / story.hero_image.name, *(media / r["name"] for r in story.hero_renditions)]
    assert all(path.exists() for path in old_files)
    assert "480w" in story.hero_srcset and story.hero_fallback_url.endswith("-1200w.webp")

    story.hero_image = image_upload("other.png", size=(600, 400), fmt="PNG")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story.save()
    assert all(path.exists() for path in old_files)  # until the transaction commits
    for callback in callbacks:
        callback()
    story.refresh_from_db()
    assert [r["width"] for r in story.hero_renditions] == [480]
    assert not any(path.exists() for path in old_files)
    assert (story.hero_image_width, story.hero_image_height) == (600, 400)

    story.hero_image = None
    story.save()
    assert Story.objects.get(pk=story.pk).hero_renditions == []
