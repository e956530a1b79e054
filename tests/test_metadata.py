"""What pages tell search engines and social networks: title, description, canonical,
Open Graph, Twitter card, feed links and JSON-LD, all with absolute URLs."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree, html

from tests.factories import (
    image_upload,
    make_contributor,
    make_country,
    make_page,
    make_partner,
    make_story,
    make_theme,
)

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"


def get_tree(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return html.fromstring(response.content)


def meta(tree, key):
    """The content of <meta property=key> or <meta name=key>; one tag only."""
    tags = tree.xpath(f"//head/meta[@property='{key}' or @name='{key}']")
    assert len(tags) == 1, (key, len(tags))
    return tags[0].get("content")


def all_meta(tree, key):
    return [tag.get("content") for tag in tree.xpath(f"//head/meta[@property='{key}']")]


def json_ld(tree):
    """Every JSON-LD block of the page, by @type."""
    blocks = [json.loads(script.text) for script in tree.xpath("//script[@type='application/ld+json']")]
    return {block["@type"]: block for block in blocks}


def feed_links(tree):
    return [
        (link.get("type"), link.get("href"))
        for link in tree.xpath(
            "//head/link[@rel='alternate'][@type='application/rss+xml' or @type='application/atom+xml']"
        )
    ]


def assert_common_metadata(tree, *, url, title, description, og_type="website"):
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [url]
    assert tree.get("lang")
    assert tree.findtext(".//title").startswith(title)
    assert meta(tree, "description") == description
    assert meta(tree, "og:site_name") == "Balkanoscope"
    assert meta(tree, "og:type") == og_type
    assert meta(tree, "og:title") == title
    assert meta(tree, "og:description") == description
    assert meta(tree, "og:url") == url
    content_language = (tree.xpath("//article/@lang") or [tree.get("lang")])[0]
    assert meta(tree, "og:locale") == ("sr_RS" if content_language == "sr-Latn" else "en_GB")
    image = meta(tree, "og:image")
    assert image.startswith(SITE + "/")
    assert meta(tree, "og:image:width").isdigit() and meta(tree, "og:image:height").isdigit()
    assert meta(tree, "og:image:alt")
    assert meta(tree, "twitter:card") == "summary_large_image"
    assert meta(tree, "twitter:title") == title
    assert meta(tree, "twitter:description") == description
    assert meta(tree, "twitter:image") == image
    assert meta(tree, "twitter:image:alt") == meta(tree, "og:image:alt")
    prefix = "" if tree.get("lang") == "en" else "/" + tree.get("lang").lower()
    assert ("application/rss+xml", SITE + prefix + "/feed/") in feed_links(tree)
    assert ("application/atom+xml", SITE + prefix + "/feed/atom/") in feed_links(tree)


def test_story_page_has_every_tag_with_absolute_urls(client):
    story = make_story(
        "Water for Bor",
        summary="A town and its river.",
        countries=["Serbia"],
        themes=["Environment", "Poverty"],
        contributors=["Jelena Đukić"],
        hero_image=image_upload(),
        hero_image_alt="The river at dusk",
        language="sr-latn",
    )
    # A story's canonical address is in its own language; <html lang> is the interface's.
    url = f"{SITE}/sr-latn/stories/water-for-bor/"
    tree = get_tree(client, "/sr-latn/stories/water-for-bor/")
    assert_common_metadata(tree, url=url, title="Water for Bor", description="A town and its river.", og_type="article")
    assert tree.get("lang") == "sr-Latn"
    assert tree.xpath("//article/@lang") == ["sr-Latn"]
    assert meta(tree, "og:locale") == "sr_RS"
    assert meta(tree, "og:image").startswith(f"{SITE}/s/{story.pk}/card-")
    assert (meta(tree, "og:image:width"), meta(tree, "og:image:height")) == ("1200", "630")
    assert (
        meta(tree, "article:published_time")
        == timezone.localtime(story.published_at).replace(microsecond=0).isoformat()
    )
    assert (
        meta(tree, "article:modified_time") == timezone.localtime(story.updated_at).replace(microsecond=0).isoformat()
    )
    assert meta(tree, "article:section") == "Environment"
    assert all_meta(tree, "article:tag") == ["Serbia", "Environment", "Poverty"]


def test_story_json_ld_is_a_news_article_with_breadcrumbs(client):
    story = make_story(
        "Water for Bor",
        summary="A town and its river.",
        countries=["Serbia"],
        themes=["Environment"],
        contributors=["Jelena Đukić", make_contributor("Marko Petrović")],
    )
    data = json_ld(get_tree(client, story.get_absolute_url()))
    article = data["NewsArticle"]
    url = f"{SITE}/stories/water-for-bor/"
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Water for Bor"
    assert article["description"] == "A town and its river."
    assert article["url"] == url
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["image"][0].startswith(f"{SITE}/s/{story.pk}/card-")
    assert article["datePublished"] == timezone.localtime(story.published_at).replace(microsecond=0).isoformat()
    assert article["dateModified"] == timezone.localtime(story.updated_at).replace(microsecond=0).isoformat()
    assert sorted(author["name"] for author in article["author"]) == ["Jelena Đukić", "Marko Petrović"]
    assert {author["@type"] for author in article["author"]} == {"Person"}
    publisher = article["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == "Balkanoscope"
    assert publisher["logo"]["url"].startswith(SITE + "/static/")
    assert article["keywords"] == ["Serbia", "Environment"]
    assert article["isAccessibleForFree"] is True
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Home", f"{SITE}/"),
        (2, "Stories", f"{SITE}/stories/"),
        (3, "Water for Bor", url),
    ]


def test_seo_overrides_replace_title_and_description_in_every_tag(client):
    story = make_story("A long original title", seo_title="Short title", seo_description="Search snippet.")
    tree = get_tree(client, story.get_absolute_url())
    assert tree.findtext(".//title") == "Short title · Balkanoscope"
    assert meta(tree, "description") == meta(tree, "og:description") == "Search snippet."
    assert meta(tree, "og:title") == meta(tree, "twitter:title") == "Short title"
    assert json_ld(tree)["NewsArticle"]["headline"] == "Short title"


def test_share_image_override_is_used_with_its_real_size(client):
    story = make_story(
        "Overridden",
        hero_image=image_upload(),
        hero_image_alt="Hills",
        social_image_override=image_upload("card.png", size=(1000, 500), fmt="PNG"),
    )
    tree = get_tree(client, story.get_absolute_url())
    image = meta(tree, "og:image")
    assert image == SITE + story.social_image_override.url
    assert (meta(tree, "og:image:width"), meta(tree, "og:image:height")) == ("1000", "500")
    assert json_ld(tree)["NewsArticle"]["image"] == [image]


def test_anonymous_storyteller_appears_in_no_metadata(client):
    story = make_story(
        "Hidden voice", storyteller_name="Secretna Osoba", is_storyteller_anonymous=True, hero_image=image_upload()
    )
    tree = get_tree(client, story.get_absolute_url())
    article = json_ld(tree)["NewsArticle"]
    assert article["author"] == [article["publisher"]]
    head = html.tostring(tree.find("head"), encoding="unicode")
    assert "Secretna" not in head
    for url in ["/feed/", "/feed/atom/", "/sitemap-stories.xml", meta(tree, "og:image").removeprefix(SITE)]:
        assert b"Secretna" not in client.get(url).content


def test_named_storyteller_is_the_author_when_there_is_no_byline(client):
    story = make_story("Told by her", storyteller_name="Dragana Ilić")
    article = json_ld(get_tree(client, story.get_absolute_url()))["NewsArticle"]
    assert article["author"] == [{"@type": "Person", "name": "Dragana Ilić"}]


def test_json_ld_cannot_break_out_of_its_script_element(client):
    story = make_story("</script><script>alert(1)</script> & more", summary="<!-- sneaky -->")
    response = client.get(story.get_absolute_url())
    content = response.content.decode()
    assert "</script><script>alert(1)" not in content
    assert "\\u003C/script\\u003E" in content
    article = json_ld(html.fromstring(response.content))["NewsArticle"]
    assert article["headline"] == "</script><script>alert(1)</script> & more"
    assert article["description"] == "<!-- sneaky -->"


def test_home_page_has_website_with_search_action(client):
    tree = get_tree(client, "/")
    assert_common_metadata(
        tree,
        url=f"{SITE}/",
        title="Balkanoscope",
        description="Personal stories of people across the Western Balkans, told by country and by theme.",
    )
    website = json_ld(tree)["WebSite"]
    assert website["url"] == f"{SITE}/"
    assert website["name"] == "Balkanoscope"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{SITE}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"


def test_non_story_pages_share_the_branded_default_card(client):
    tree = get_tree(client, "/")
    image = meta(tree, "og:image")
    assert image.startswith(f"{SITE}/social/default-") and image.endswith(".jpg")
    assert (meta(tree, "og:image:width"), meta(tree, "og:image:height")) == ("1200", "630")
    assert "Balkanoscope" in meta(tree, "og:image:alt")
    story_without_image = make_story("No photo")
    story_image = meta(get_tree(client, story_without_image.get_absolute_url()), "og:image")
    assert story_image.startswith(f"{SITE}/s/{story_without_image.pk}/card-")  # its title on the branded card


@pytest.mark.parametrize(
    ("kind", "list_name", "feed_name"),
    [
        ("countries", "Countries", "Balkanoscope: stories from Kosovo"),
        ("themes", "Themes", "Balkanoscope: stories about Kosovo"),
    ],
)
def test_country_and_theme_pages_have_breadcrumbs_and_their_own_feeds(client, kind, list_name, feed_name):
    make_vocabulary = make_country if kind == "countries" else make_theme
    make_vocabulary("Kosovo", description="  Context\nabout Kosovo.  ")
    url = f"{SITE}/{kind}/kosovo/"
    tree = get_tree(client, f"/{kind}/kosovo/")
    assert_common_metadata(tree, url=url, title="Kosovo", description="Context about Kosovo.")
    assert ("application/rss+xml", f"{url}feed/") in feed_links(tree)
    assert ("application/atom+xml", f"{url}feed/atom/") in feed_links(tree)
    assert tree.xpath(f"//head/link[@href='{url}feed/']/@title") == [feed_name]
    crumbs = json_ld(tree)["BreadcrumbList"]["itemListElement"]
    assert [(c["name"], c["item"]) for c in crumbs] == [
        ("Home", f"{SITE}/"),
        (list_name, f"{SITE}/{kind}/"),
        ("Kosovo", url),
    ]


def test_partner_page_describes_the_organisation(client):
    make_partner(
        short_name="EWB",
        founded_year=2014,
        website="https://europeanwesternbalkans.com",
        description="A regional news portal.",
        logo=image_upload("logo.png", size=(300, 100), fmt="PNG"),
    )
    url = f"{SITE}/partners/european-western-balkans/"
    tree = get_tree(client, "/partners/european-western-balkans/")
    assert_common_metadata(tree, url=url, title="European Western Balkans", description="A regional news portal.")
    organization = json_ld(tree)["Organization"]
    assert organization["name"] == "European Western Balkans"
    assert organization["alternateName"] == "EWB"
    assert organization["url"] == "https://europeanwesternbalkans.com"
    assert organization["logo"].startswith(f"{SITE}/media/partners/")
    assert organization["foundingDate"] == "2014"
    assert organization["description"] == "A regional news portal."


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/stories/", "Stories"),
        ("/countries/", "Countries"),
        ("/themes/", "Themes"),
        ("/partners/", "Partners"),
        ("/about/", "About Balkanoscope"),
    ],
)
def test_list_and_editorial_pages_have_full_metadata(client, url, title):
    make_page(intro="What we do.")
    description = "What we do." if url == "/about/" else None
    tree = get_tree(client, url)
    assert_common_metadata(tree, url=SITE + url, title=title, description=description or meta(tree, "description"))
    assert meta(tree, "description")


def test_story_list_title_names_the_page(client):
    for n in range(13):
        make_story(f"Story {n}", published_at=timezone.now() - timedelta(hours=n + 1))
    tree = get_tree(client, "/stories/?page=2")
    assert tree.findtext(".//title") == "Stories · page 2 · Balkanoscope"
    assert meta(tree, "og:url") == f"{SITE}/stories/?page=2"
    make_country("Serbia")
    tree = get_tree(client, "/stories/?page=1&country=serbia&utm_source=x")
    assert meta(tree, "og:url") == f"{SITE}/stories/"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/stories/",
        "/stories/a-story/",
        "/countries/serbia/",
        "/themes/poverty/",
        "/partners/",
        "/about/",
        "/feed/",
    ],
)
def test_tracking_query_strings_never_break_a_page_or_its_canonical(client, url):
    make_story("A story", countries=["Serbia"], themes=["Poverty"])
    make_page()
    tracked = url + "?fbclid=IwAR0abc-_x&utm_source=facebook&utm_medium=social&utm_campaign=a%20b&utm_content=x"
    response = client.get(tracked)
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/html"):
        tree = html.fromstring(response.content)
        assert tree.xpath("//head/link[@rel='canonical']/@href") == [SITE + url]
        assert meta(tree, "og:url") == SITE + url


def test_404_page_keeps_metadata_valid(client):
    response = client.get("/no-such-page/?utm_source=x")
    assert response.status_code == 404
    tree = html.fromstring(response.content)
    assert meta(tree, "robots") == "noindex"
    assert meta(tree, "og:image").startswith(f"{SITE}/social/default-")


def test_the_site_describes_itself_in_the_same_words_everywhere(client):
    tagline = "Personal stories from the Western Balkans"
    description = "Personal stories of people across the Western Balkans, told by country and by theme."
    tree = get_tree(client, "/")
    assert tree.findtext(".//title") == f"Balkanoscope · {tagline}"
    assert tree.cssselect("h1")[0].text_content() == f"Balkanoscope: {tagline}"
    assert meta(tree, "og:image:alt") == f"Balkanoscope: {tagline}"
    assert meta(tree, "description") == description
    feed = etree.fromstring(client.get("/feed/").content)
    assert feed.findtext("channel/description") == description
