"""Interface languages: every reader's page exists in every language at its prefixed address,
the language comes from the address alone, and the switcher keeps the reader on the page."""

import pytest
from lxml import html

from tests.factories import make_country, make_page, make_partner, make_story, make_theme

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"
PREFIXES = {"en": "", "sq": "/sq", "bs": "/bs", "hr": "/hr", "mk": "/mk", "sr": "/sr", "sr-latn": "/sr-latn"}
TAGS = {"en": "en", "sq": "sq", "bs": "bs", "hr": "hr", "mk": "mk", "sr": "sr", "sr-latn": "sr-Latn"}
NATIVE_NAMES = ["English", "Shqip", "Bosanski", "Hrvatski", "Македонски", "Српски", "Srpski"]


@pytest.fixture
def content():
    serbia, poverty = make_country("Serbia"), make_theme("Poverty")
    make_partner()
    make_page()
    story = make_story("Water for Bor", countries=[serbia], themes=[poverty])
    return {"story": story}


# Every kind of page a reader can reach, as an English path.
PAGE_PATHS = [
    "/",
    "/stories/",
    "/stories/?country=serbia",
    "/stories/water-for-bor/",
    "/countries/",
    "/countries/serbia/",
    "/themes/",
    "/themes/poverty/",
    "/search/?q=bor",
    "/partners/",
    "/partners/european-western-balkans/",
    "/about/",
]
FEED_PATHS = ["/feed/", "/feed/atom/", "/countries/serbia/feed/", "/themes/poverty/feed/atom/"]


def tree(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response, html.fromstring(response.content)


@pytest.mark.parametrize("language", PREFIXES)
def test_every_page_renders_in_every_language_with_its_html_lang(client, content, language):
    for path in PAGE_PATHS:
        response, page = tree(client, PREFIXES[language] + path)
        assert page.get("lang") == TAGS[language], path
        assert response["Content-Language"] == TAGS[language]
        assert "Accept-Language" not in response.get("Vary", "")
    for path in FEED_PATHS:
        response = client.get(PREFIXES[language] + path)
        assert response.status_code == 200, path
        assert response["Content-Language"] == TAGS[language]


@pytest.mark.parametrize("language", ["sq", "sr", "sr-latn"])
def test_a_missing_page_is_a_404_in_the_language_of_its_address(client, content, language):
    _response, page = tree(client, f"{PREFIXES[language]}/stories/no-such-story/", status=404)
    assert page.get("lang") == TAGS[language]


def test_english_keeps_its_addresses_and_has_no_prefix_of_its_own(client, content):
    assert client.get("/stories/water-for-bor/").status_code == 200
    assert client.get("/en/stories/water-for-bor/").status_code == 404
    assert client.get("/de/stories/").status_code == 404


def test_the_browser_language_never_chooses_or_redirects_a_readers_page(client, content):
    response = client.get("/", headers={"accept-language": "sr,sq;q=0.8"})
    assert response.status_code == 200
    assert html.fromstring(response.content).get("lang") == "en"
    client.cookies["django_language"] = "sq"
    response = client.get("/stories/")
    assert html.fromstring(response.content).get("lang") == "en"


def test_the_english_home_carries_every_languages_offer_for_the_browser_to_choose(client, content):
    """The offer of the reader's language is chosen by static/js/site.js: the server sends every
    language's line, inert, to everyone, whatever the browser prefers (one cached copy)."""
    pages = [client.get("/", headers={"accept-language": preference}).content for preference in ("sr", "en", "")]
    assert pages[0] == pages[1] == pages[2]
    offers = html.fromstring(pages[0]).cssselect("template[data-language-offers] .language-offer")
    assert {offer.get("lang"): offer.cssselect("a")[0].get("href") for offer in offers} == {
        TAGS[language]: PREFIXES[language] + "/" for language in PREFIXES if language != "en"
    }
    assert html.fromstring(client.get("/sq/").content).cssselect("template[data-language-offers]") == []


def test_the_admin_follows_the_editors_browser_and_says_it_varies(client):
    response = client.get("/admin/login/", headers={"accept-language": "sr-latn"})
    assert response["Content-Language"] == "sr-Latn"
    assert "Accept-Language" in response["Vary"]


def test_interface_strings_are_in_the_page_language(client, content, fixture_catalogues):
    _response, page = tree(client, "/sq/stories/")
    assert [a.text_content() for a in page.cssselect(".site-nav a")][:3] == ["Histori", "Vendet", "Temat"]
    _response, page = tree(client, "/sr/stories/")
    assert [a.text_content() for a in page.cssselect(".site-nav a")][:3] == ["Приче", "Земље", "Теме"]
    _response, page = tree(client, "/stories/")
    assert [a.text_content() for a in page.cssselect(".site-nav a")][:3] == ["Stories", "Countries", "Themes"]


def test_links_on_a_page_stay_in_its_language(client, content):
    _response, page = tree(client, "/sq/")
    navigation = [a.get("href") for a in page.cssselect(".site-nav a")]
    assert navigation == ["/sq/stories/", "/sq/countries/", "/sq/themes/", "/sq/about/", "/sq/partners/"]
    assert page.cssselect("form.search-form")[0].get("action") == "/sq/search/"
    assert "/sq/stories/water-for-bor/" in page.xpath("//main//a/@href")


def test_dates_are_formatted_for_the_page_language(client, content):
    story = content["story"]
    _response, english = tree(client, "/stories/water-for-bor/")
    _response, serbian = tree(client, "/sr/stories/water-for-bor/")
    english_date = english.cssselect(".story__meta time")[0]
    serbian_date = serbian.cssselect(".story__meta time")[0]
    assert english_date.get("datetime") == serbian_date.get("datetime")
    assert english_date.text != serbian_date.text
    assert str(story.published_at.year) in serbian_date.text


def test_feeds_in_a_language_link_to_pages_in_it(client, content):
    body = client.get("/sq/feed/").content.decode()
    assert f"<link>{SITE}/sq/stories/water-for-bor/</link>" in body
    assert f'href="{SITE}/sq/feed/"' in body or f'<atom:link href="{SITE}/sq/feed/"' in body


# --- The language switcher ------------------------------------------------------------------


def switcher(page, selector=".language-switcher__list a"):
    return [
        (a.text_content(), a.get("href"), a.get("hreflang"), a.get("aria-current")) for a in page.cssselect(selector)
    ]


def test_the_switcher_names_each_language_in_itself_in_header_and_footer(client, content, fixture_catalogues):
    for path in ["/", "/sq/", "/sr/"]:
        _response, page = tree(client, path)
        assert [name for name, *_rest in switcher(page)] == NATIVE_NAMES
        assert [name for name, *_rest in switcher(page, ".language-list a")] == NATIVE_NAMES
        assert all(a.get("translate") == "no" for a in page.cssselect(".language-list a"))


def test_the_switcher_keeps_the_reader_on_the_same_page_and_query(client, content):
    _response, page = tree(client, "/sq/stories/?country=serbia&page=1")
    links = switcher(page)
    assert links[0] == ("English", "/stories/?country=serbia&page=1", "en", None)
    assert links[1] == ("Shqip", "/sq/stories/?country=serbia&page=1", "sq", "true")
    assert links[6] == ("Srpski", "/sr-latn/stories/?country=serbia&page=1", "sr-Latn", None)


def test_the_switcher_on_a_story_keeps_the_story(client, content):
    _response, page = tree(client, "/stories/water-for-bor/")
    assert [href for _name, href, *_rest in switcher(page)] == [
        f"{prefix}/stories/water-for-bor/" for prefix in PREFIXES.values()
    ]
    for _name, href, *_rest in switcher(page):
        assert client.get(href).status_code == 200


def test_the_switcher_on_a_missing_page_offers_each_languages_home(client, content):
    _response, page = tree(client, "/sr/stories/no-such-story/", status=404)
    assert [href for _name, href, *_rest in switcher(page)][:3] == ["/", "/sq/", "/bs/"]


# What the fixture catalogues call the story list (Latin made from the Cyrillic); languages
# without a catalogue fall back to English.
STORIES_IN = {"sq": "Histori", "sr": "Приче", "sr-latn": "Priče"}


def test_the_page_cache_keeps_one_entry_per_language_and_script(client, content, fixture_catalogues):
    for _round in range(2):  # the second round is served from the cache
        for language, prefix in PREFIXES.items():
            response, page = tree(client, prefix + "/stories/")
            assert page.get("lang") == TAGS[language]
            assert response["Content-Language"] == TAGS[language]
            assert page.cssselect(".site-nav a")[0].text_content() == STORIES_IN.get(language, "Stories")


def test_pages_name_their_other_languages_in_head_and_sitemap(client, content):
    _response, page = tree(client, "/sq/countries/serbia/")
    alternates = [(link.get("hreflang"), link.get("href")) for link in page.xpath("//head/link[@hreflang]")]
    expected = [(TAGS[code], f"{SITE}{prefix}/countries/serbia/") for code, prefix in PREFIXES.items()]
    assert alternates == [*expected, ("x-default", f"{SITE}/countries/serbia/")]
    from lxml import etree

    sitemap = etree.fromstring(client.get("/sitemap-countries.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = sitemap.xpath("//s:url", namespaces=ns)
    assert [url.findtext("s:loc", namespaces=ns) for url in urls] == [href for _tag, href in expected]
    for url in urls:
        links = [(link.get("hreflang"), link.get("href")) for link in url.xpath("x:link", namespaces=ns)]
        assert links == [*expected, ("x-default", f"{SITE}/countries/serbia/")]
