"""RSS 2.0 and Atom feeds, checked with feedparser as feed readers see them."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from stories.models import Story
from tests.factories import WIDE_PHOTO, image_upload, make_country, make_story, make_theme

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"
FEEDS = ["/feed/", "/feed/atom/"]


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def parse_any(client, url):
    return parse(client, url, "application/atom+xml" if url.endswith("/atom/") else "application/rss+xml")


@pytest.mark.parametrize("url", FEEDS)
def test_site_feed_entries_carry_every_field_with_absolute_urls(client, url):
    story = make_story(
        "Water for Bor",
        summary="A town and its river.",
        countries=["Serbia"],
        themes=["Environment"],
        contributors=["Jelena Đukić"],
        hero_image=image_upload(size=WIDE_PHOTO),
        hero_image_alt="The river",
    )
    feed = parse_any(client, url)
    assert feed.version == ("atom10" if url.endswith("/atom/") else "rss20")
    assert feed.feed.title == "Balkanoscope: latest stories"
    assert feed.feed.link == f"{SITE}/"
    (entry,) = feed.entries
    assert entry.title == "Water for Bor"
    assert entry.link == f"{SITE}/stories/water-for-bor/"
    assert entry.id == f"{SITE}/s/{story.pk}/"
    assert entry.summary == "A town and its river."
    assert entry.published_parsed[:6] == story.published_at.utctimetuple()[:6]
    assert entry.author == "Jelena Đukić"
    assert [tag.term for tag in entry.tags] == ["Serbia", "Environment"]
    (enclosure,) = entry.enclosures
    assert enclosure.href == SITE + story.hero_image.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == story.hero_image.size
    (media,) = entry.media_content
    assert media["url"] == SITE + story.hero_image.url
    assert media["medium"] == "image"
    assert (media["width"], media["height"]) == ("1200", "800")


@pytest.mark.parametrize("url", FEEDS)
def test_feed_uses_site_url_not_the_request_host(client, url, settings):
    settings.ALLOWED_HOSTS = ["other.example"]
    make_story("Hosted")
    response = client.get(url, HTTP_HOST="other.example")
    assert b"other.example" not in response.content
    assert feedparser.parse(response.content).entries[0].link == f"{SITE}/stories/hosted/"


@pytest.mark.parametrize("url", FEEDS)
def test_feed_lists_the_newest_30_published_stories_only(client, url):
    for n in range(32):
        make_story(f"Story {n:02d}", published_at=timezone.now() - timedelta(hours=n + 1))
    make_story("Draft", status=Story.Status.DRAFT)
    make_story("In review", status=Story.Status.REVIEW)
    make_story("Scheduled", published_at=timezone.now() + timedelta(days=1))
    feed = parse_any(client, url)
    assert [entry.title for entry in feed.entries] == [f"Story {n:02d}" for n in range(30)]


@pytest.mark.parametrize("url", FEEDS)
def test_anonymous_storyteller_is_never_the_author(client, url):
    make_story("Hidden", storyteller_name="Secretna Osoba", is_storyteller_anonymous=True)
    make_story("Told", storyteller_name="Dragana Ilić", published_at=timezone.now() - timedelta(days=1))
    feed = parse_any(client, url)
    hidden, told = feed.entries
    assert hidden.get("author") in (None, "Balkanoscope")  # Atom falls back to the feed's author, the site
    assert told.author == "Dragana Ilić"


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/"])
@pytest.mark.parametrize("kind", ["countries", "themes"])
def test_country_and_theme_feeds_list_only_their_stories(client, kind, suffix):
    kosovo = make_country("Kosovo", description="Stories from Kosovo, told by people who live there.")
    freedoms = make_theme("Freedoms")
    make_story("Inside", countries=[kosovo], themes=[freedoms])
    make_story("Outside", countries=["Serbia"], themes=["Poverty"])
    make_story("Inside but draft", countries=[kosovo], themes=[freedoms], status=Story.Status.DRAFT)
    slug = "kosovo" if kind == "countries" else "freedoms"
    feed = parse_any(client, f"/{kind}/{slug}/{suffix}")
    assert [entry.title for entry in feed.entries] == ["Inside"]
    assert feed.feed.link == f"{SITE}/{kind}/{slug}/"
    assert feed.feed.title == (
        "Balkanoscope: stories from Kosovo" if kind == "countries" else "Balkanoscope: stories about Freedoms"
    )
    assert client.get(f"/{kind}/atlantis/{suffix}").status_code == 404


def test_story_without_image_has_no_enclosure(client):
    make_story("Plain")
    for url in FEEDS:
        (entry,) = parse_any(client, url).entries
        assert not entry.enclosures
