"""The sitemap, robots.txt, and what feeds and sitemaps cost in queries."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree

from stories.models import Story, StoryImage
from tests.factories import image_upload, make_country, make_page, make_partner, make_story, make_theme
from tests.test_views import count_queries, populate

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "image": "http://www.google.com/schemas/sitemap-image/1.1"}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def section_urls(client):
    index = xml(client, "/sitemap.xml")
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)


def locations(client, section, *, english_only=True):
    """The section's addresses; by default only English ones (every language has its own)."""
    found = xml(client, f"/sitemap-{section}.xml").xpath("//s:url/s:loc/text()", namespaces=NS)
    prefixes = tuple(f"{SITE}/{code}/" for code in ["sq", "bs", "hr", "mk", "sr", "sr-latn"])
    return [url for url in found if not url.startswith(prefixes)] if english_only else found


def test_sitemap_index_names_every_section_with_absolute_urls(client):
    assert section_urls(client) == [
        f"{SITE}/sitemap-{section}.xml"
        for section in ["stories", "countries", "themes", "country-themes", "partners", "pages", "main"]
    ]


def test_story_sitemap_lists_exactly_the_published_stories_with_lastmod_and_images(client):
    with_image = make_story("With image", hero_image=image_upload(), hero_image_alt="Hills")
    plain = make_story("Plain", published_at=timezone.now() - timedelta(days=1))
    make_story("Draft", status=Story.Status.DRAFT)
    make_story("In review", status=Story.Status.REVIEW)
    make_story("Scheduled", published_at=timezone.now() + timedelta(days=1))
    tree = xml(client, "/sitemap-stories.xml")
    urls = tree.xpath("//s:url", namespaces=NS)
    assert [url.findtext("s:loc", namespaces=NS) for url in urls] == [
        f"{SITE}/stories/with-image/",
        f"{SITE}/stories/plain/",
    ]
    first, second = urls
    assert (
        first.findtext("s:lastmod", namespaces=NS)
        == timezone.localtime(with_image.updated_at).replace(microsecond=0).isoformat()
    )
    assert (
        second.findtext("s:lastmod", namespaces=NS)
        == timezone.localtime(plain.updated_at).replace(microsecond=0).isoformat()
    )
    assert first.xpath("image:image/image:loc/text()", namespaces=NS) == [SITE + with_image.hero_image.url]
    assert not second.xpath("image:image", namespaces=NS)


def test_story_sitemap_lists_the_gallery_images_after_the_hero_image_in_few_queries(
    client, django_assert_max_num_queries
):
    story = make_story("Gallery", hero_image=image_upload(), hero_image_alt="Hills")
    second = StoryImage.objects.create(story=story, image=image_upload("b.jpg"), alt="B", sort_order=2)
    first = StoryImage.objects.create(story=story, image=image_upload("a.jpg"), alt="A", sort_order=1)
    for number in range(5):
        StoryImage.objects.create(story=make_story(f"Other {number}"), image=image_upload(), alt="x")
    with django_assert_max_num_queries(6):
        tree = xml(client, "/sitemap-stories.xml")
    (url,) = [
        url
        for url in tree.xpath("//s:url", namespaces=NS)
        if url.findtext("s:loc", namespaces=NS).endswith("/gallery/")
    ]
    assert url.xpath("image:image/image:loc/text()", namespaces=NS) == [
        SITE + story.hero_image.url,
        SITE + first.image.url,
        SITE + second.image.url,
    ]


def test_other_sections_list_countries_themes_partners_and_pages(client):
    make_country("Serbia")
    make_theme("Poverty")
    make_partner()
    make_partner("Hidden partner", slug="hidden", is_listed=False)
    make_page()
    assert locations(client, "countries") == [f"{SITE}/countries/serbia/"]
    assert locations(client, "themes") == [f"{SITE}/themes/poverty/"]
    assert locations(client, "partners") == [f"{SITE}/partners/european-western-balkans/"]
    assert locations(client, "pages") == [f"{SITE}/partners/", f"{SITE}/about/"]
    assert locations(client, "main") == [f"{SITE}/", f"{SITE}/stories/", f"{SITE}/countries/", f"{SITE}/themes/"]
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_uses_site_url_not_the_request_host(client, settings):
    settings.ALLOWED_HOSTS = ["other.example"]
    make_story("Hosted")
    for url in ["/sitemap.xml", "/sitemap-stories.xml", "/robots.txt"]:
        response = client.get(url, HTTP_HOST="other.example")
        assert response.status_code == 200
        assert b"other.example" not in response.content


def test_robots_txt_allows_the_site_and_names_the_sitemap(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    assert f"Disallow: /{settings.ADMIN_URL}" in lines
    assert "Disallow: /preview/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


DISCOVERY_URLS = [
    "/feed/",
    "/feed/atom/",
    "/countries/serbia/feed/",
    "/themes/poverty/feed/atom/",
    "/sitemap.xml",
    "/sitemap-stories.xml",
    "/sitemap-countries.xml",
    "/sitemap-pages.xml",
    "/robots.txt",
]


def test_feeds_and_sitemaps_run_a_fixed_number_of_queries_whatever_the_number_of_stories(client):
    populate(5)
    few = {url: count_queries(client, url) for url in DISCOVERY_URLS}
    for n in range(40):
        make_story(f"More {n}", countries=["Serbia"], themes=["Poverty"], contributors=["Ana"])
    many = {url: count_queries(client, url) for url in DISCOVERY_URLS}
    assert few == many
    assert max(many.values()) <= 10, many
