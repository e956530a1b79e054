"""Story cards for partner portals: the oEmbed endpoint, its discovery links and the card page."""

import json
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
from django.test import RequestFactory
from django.urls import reverse
from lxml import html

from balkanoscope.links import absolute_url
from stories.editorial.withdrawal import withdraw_story
from stories.models import Story
from stories.sharing.views import withdrawn_story_embed
from tests.factories import image_upload, make_country, make_story

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"
STORY_URL = f"{SITE}/stories/the-lake/"
MAX_EMBED_BYTES = 10 * 1024


@pytest.fixture(scope="module")
def lake_story_id(module_data):
    with module_data.writing():
        return make_story(
            "The lake",
            summary="A farmer reads the lake better than any forecast.",
            countries=[make_country("Albania"), make_country("Kosovo", footnote="Without prejudice to status.")],
            contributors=["Blerina Çela"],
            hero_image=image_upload(),
            hero_image_alt="The lake at dawn",
        ).pk


@pytest.fixture
def story(lake_story_id):
    return Story.objects.get(pk=lake_story_id)  # each test its own object of the module's story


def oembed(client, status=200, **params):
    response = client.get("/oembed/", params)
    assert response.status_code == status, response.content
    return response


def iframe_of(markup):
    return html.fragment_fromstring(markup)


def test_json_is_a_rich_embed_framing_the_card_page(client, story):
    response = oembed(client, url=STORY_URL, format="json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert {key: data[key] for key in ["version", "type", "provider_name", "provider_url", "title", "author_name"]} == {
        "version": "1.0",
        "type": "rich",
        "provider_name": "Balkanoscope",
        "provider_url": f"{SITE}/",
        "title": "The lake",
        "author_name": "Blerina Çela",
    }
    assert (data["width"], data["height"]) == (560, 525)
    assert data["thumbnail_url"].startswith(f"{SITE}/s/{story.pk}/card-")
    assert (data["thumbnail_width"], data["thumbnail_height"]) == (1200, 630)
    frame = iframe_of(data["html"])
    assert frame.tag == "iframe"
    assert frame.get("src") == f"{SITE}/embed/stories/the-lake/"
    assert (frame.get("width"), frame.get("height")) == ("560", "525")
    assert frame.get("title") == "The lake · Balkanoscope"
    # Sandboxed: no script, no access to the partner's page; only the story may open, in a new tab.
    assert frame.get("sandbox") == "allow-popups allow-popups-to-escape-sandbox"


def test_json_is_the_default_format(client, story):
    assert json.loads(oembed(client, url=STORY_URL).content)["type"] == "rich"


def test_xml_carries_the_same_fields(client, story):
    response = oembed(client, url=STORY_URL, format="xml")
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8" standalone="yes"?>')
    root = ElementTree.fromstring(response.content)
    assert root.tag == "oembed"
    fields = {child.tag: child.text for child in root}
    data = json.loads(oembed(client, url=STORY_URL).content)
    assert fields == {key: str(value) for key, value in data.items()}
    assert iframe_of(fields["html"]).get("src") == f"{SITE}/embed/stories/the-lake/"


@pytest.mark.parametrize(
    ("params", "size"),
    [
        ({"maxwidth": "400"}, (400, 435)),
        ({"maxwidth": "1000"}, (560, 525)),
        ({"maxheight": "300"}, (560, 300)),
        ({"maxwidth": "320", "maxheight": "200"}, (320, 200)),
    ],
)
def test_maxwidth_and_maxheight_are_honoured(client, story, params, size):
    data = json.loads(oembed(client, url=STORY_URL, **params).content)
    assert (data["width"], data["height"]) == size
    frame = iframe_of(data["html"])
    assert (int(frame.get("width")), int(frame.get("height"))) == size


def test_short_links_old_addresses_and_plain_http_name_the_story_too(client, story):
    story.slug = "the-lake-rises"
    story.save()
    for url in [f"{SITE}/s/{story.pk}/", STORY_URL, "http://balkanoscope.example/stories/the-lake-rises/?utm_source=x"]:
        data = json.loads(oembed(client, url=url).content)
        assert iframe_of(data["html"]).get("src") == f"{SITE}/embed/stories/the-lake-rises/", url


@pytest.mark.parametrize(
    "url",
    [
        f"{SITE}/stories/no-such-story/",
        f"{SITE}/countries/albania/",
        f"{SITE}/",
        "https://elsewhere.example/stories/the-lake/",
        "javascript:alert(1)",
        "/stories/the-lake/",
    ],
)
def test_urls_that_name_no_story_of_ours_are_404(client, story, url):
    oembed(client, 404, url=url)


def test_unpublished_and_scheduled_stories_are_404(client):
    make_story("A draft", status=Story.Status.DRAFT)
    oembed(client, 404, url=f"{SITE}/stories/a-draft/")
    assert client.get("/embed/stories/a-draft/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"url": ""},
        {"url": STORY_URL + "x" * 2100},
        {"url": STORY_URL, "maxwidth": "wide"},
        {"url": STORY_URL, "maxwidth": "0"},
        {"url": STORY_URL, "maxheight": "-5"},
        {"url": STORY_URL, "maxheight": "99999"},
    ],
)
def test_bad_parameters_are_400(client, story, params):
    oembed(client, 400, **params)


def test_an_unsupported_format_is_501_as_the_spec_says(client, story):
    oembed(client, 501, url=STORY_URL, format="yaml")


def test_story_page_advertises_its_oembed_in_json_and_xml(client, story):
    tree = html.fromstring(client.get("/stories/the-lake/").content)
    links = {link.get("type"): link.get("href") for link in tree.xpath("//head/link[@rel='alternate']")}
    for content_type, name in [("application/json+oembed", "json"), ("text/xml+oembed", "xml")]:
        parts = urlsplit(links[content_type])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{SITE}/oembed/"
        assert parse_qs(parts.query) == {"url": [STORY_URL], "format": [name]}
        assert oembed(client, **{k: v[0] for k, v in parse_qs(parts.query).items()}).status_code == 200
    assert not html.fromstring(client.get("/").content).xpath("//link[contains(@type, 'oembed')]")


def test_card_page_shows_image_title_summary_countries_and_a_new_tab_link(client, story):
    response = client.get("/embed/stories/the-lake/")
    tree = html.fromstring(response.content)
    link = tree.cssselect("a.card")[0]
    assert link.get("href") == STORY_URL
    assert link.get("target") == "_blank" and "noopener" in link.get("rel")
    assert tree.cssselect(".card__title")[0].text_content() == "The lake"
    assert "better than any forecast" in tree.cssselect(".card__summary")[0].text_content()
    assert tree.cssselect(".card__countries")[0].text_content().startswith("Albania · Kosovo*")
    assert "Without prejudice" in tree.cssselect(".card__countries")[0].text_content()
    assert tree.cssselect("img.card__image")[0].get("alt") == "The lake at dawn"
    assert tree.xpath("//link[@rel='canonical']/@href") == [STORY_URL]


def test_only_card_pages_may_be_framed(client, story):
    card = client.get("/embed/stories/the-lake/")
    assert "X-Frame-Options" not in card
    assert "frame-ancestors *" in card["Content-Security-Policy"]
    assert "script-src 'none'" in card["Content-Security-Policy"]
    story_page = client.get("/stories/the-lake/")
    assert story_page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in story_page["Content-Security-Policy"]


def test_card_page_sets_no_cookie_loads_no_script_and_is_small(client, story):
    response = client.get("/embed/stories/the-lake/")
    assert response.cookies == {}
    assert "Set-Cookie" not in response
    tree = html.fromstring(response.content)
    assert not tree.xpath("//script")
    # Nothing but the image comes from elsewhere: styles are inline, no font, no stylesheet.
    assert not tree.xpath("//link[@rel='stylesheet']")
    assert len(response.content) < MAX_EMBED_BYTES
    assert response["Cache-Control"] == "public, max-age=300"


def test_withdrawn_story_card_says_so_with_410():
    response = withdrawn_story_embed(RequestFactory().get("/embed/stories/gone/"))
    assert response.status_code == 410
    tree = html.fromstring(response.content)
    assert "withdrawn" in tree.cssselect(".card__text")[0].text_content()
    assert not tree.xpath("//a")


def test_a_withdrawn_storys_embed_says_withdrawn_and_its_oembed_is_gone(client):
    story = make_story("Gone at her request")
    slug, url = story.slug, absolute_url(story.get_absolute_url())
    withdraw_story(story, reason="She asked.")
    response = client.get(reverse("stories:embed", kwargs={"slug": slug}))
    assert response.status_code == 410
    assert "withdrawn" in html.fromstring(response.content).cssselect(".card__text")[0].text_content()
    assert "Gone at her request" not in response.content.decode()
    assert client.get(reverse("stories:oembed"), {"url": url}).status_code == 404
