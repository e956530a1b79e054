"""Every absolute URL the site hands out, written out in full: pages, share links, feeds,
sitemaps, robots.txt and redirects all point at SITE_URL, whatever host was asked."""

import json
from urllib.parse import quote

import pytest
from django.template import Context, Template
from django.urls import include, path
from lxml import etree, html

from balkanoscope.links import absolute_reverse, absolute_url
from stories.editorial.preview import preview_path, preview_url
from stories.models import PreviewLink
from stories.sharing.cards import default_card_digest, story_card_digest
from stories.sitemaps import StorySitemap
from tests.factories import image_upload, make_page, make_partner, make_story

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"
OTHER_HOST = "other.example"
ATOM = "{http://www.w3.org/2005/Atom}"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "media": "http://search.yahoo.com/mrss/",
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}


@pytest.fixture(autouse=True)
def other_host_allowed(settings):
    """Requests come to another host than SITE_URL's: none of it may leak into a URL."""
    settings.ALLOWED_HOSTS = [OTHER_HOST]


def get(client, url, status=200):
    response = client.get(url, HTTP_HOST=OTHER_HOST)
    assert response.status_code == status, response.content[:300]
    assert OTHER_HOST.encode() not in response.content
    return response


def page(client, url):
    return html.fromstring(get(client, url).content)


def head_meta(tree, key):
    (content,) = tree.xpath(f"//head/meta[@property='{key}' or @name='{key}']/@content")
    return content


def json_ld(tree):
    blocks = [json.loads(script.text) for script in tree.xpath("//script[@type='application/ld+json']")]
    return {block["@type"]: block for block in blocks}


def head_links(tree):
    return {
        "canonical": tree.xpath("//head/link[@rel='canonical']/@href"),
        "feeds": tree.xpath(
            "//head/link[@rel='alternate'][@type][not(contains(@type, 'oembed'))]/@href"
        ),  # oEmbed: test_embeds; hreflang alternates have no type
        "og:url": head_meta(tree, "og:url"),
        "og:image": head_meta(tree, "og:image"),
        "twitter:image": head_meta(tree, "twitter:image"),
    }


@pytest.fixture
def story():
    return make_story(
        "Water for Bor",
        countries=["Serbia"],
        themes=["Environment"],
        hero_image=image_upload(),
        hero_image_alt="The river",
    )


def card_url(story):
    return f"{SITE}/s/{story.pk}/card-{story_card_digest(story)}.jpg"


def default_card_url():
    return f"{SITE}/social/default-{default_card_digest()}.jpg"


SITE_FEEDS = [f"{SITE}/feed/", f"{SITE}/feed/atom/"]
PUBLISHER = {
    "@type": "Organization",
    "name": "Balkanoscope",
    "url": f"{SITE}/",
    "logo": {"@type": "ImageObject", "url": f"{SITE}/static/img/logo.svg"},
}


def test_story_page_head_and_json_ld(client, story):
    url = f"{SITE}/stories/water-for-bor/"
    tree = page(client, "/stories/water-for-bor/")
    assert head_links(tree) == {
        "canonical": [url],
        "feeds": SITE_FEEDS,
        "og:url": url,
        "og:image": card_url(story),
        "twitter:image": card_url(story),
    }
    data = json_ld(tree)
    article = data["NewsArticle"]
    assert (article["url"], article["mainEntityOfPage"], article["image"]) == (
        url,
        {"@type": "WebPage", "@id": url},
        [card_url(story)],
    )
    assert article["publisher"] == PUBLISHER
    assert article["author"] == [PUBLISHER]
    assert [item["item"] for item in data["BreadcrumbList"]["itemListElement"]] == [
        f"{SITE}/",
        f"{SITE}/stories/",
        url,
    ]


def test_story_page_share_links(client, story):
    url = f"{SITE}/stories/water-for-bor/"
    encoded, title = quote(url, safe=""), quote("Water for Bor", safe="")
    both = quote(f"Water for Bor {url}", safe="")
    tree = page(client, "/stories/water-for-bor/")
    assert tree.xpath("//a[contains(@class, 'share__link')]/@href") == [
        f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        f"https://x.com/intent/post?url={encoded}&text={title}",
        f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}",
        f"https://wa.me/?text={both}",
        f"https://t.me/share/url?url={encoded}&text={title}",
        f"viber://forward?text={both}",
        f"https://www.reddit.com/submit?url={encoded}&title={title}",
        f"mailto:?subject={title}&body={encoded}",
    ]
    assert tree.xpath("//*[@data-share-url]/@data-share-url") == [url]
    assert tree.xpath("//input[@id='share-url']/@value") == [url]


def test_story_page_with_an_editors_share_image(client):
    story = make_story("Override", social_image_override=image_upload("share.png", fmt="PNG"))
    tree = page(client, "/stories/override/")
    image = f"{SITE}/media/{story.social_image_override.name}"
    assert (head_meta(tree, "og:image"), head_meta(tree, "twitter:image")) == (image, image)
    assert json_ld(tree)["NewsArticle"]["image"] == [image]


def test_home_page_and_website_json_ld(client):
    tree = page(client, "/")
    assert head_links(tree) == {
        "canonical": [f"{SITE}/"],
        "feeds": SITE_FEEDS,
        "og:url": f"{SITE}/",
        "og:image": default_card_url(),
        "twitter:image": default_card_url(),
    }
    website = json_ld(tree)["WebSite"]
    assert website["url"] == f"{SITE}/"
    assert website["publisher"] == PUBLISHER
    assert website["potentialAction"]["target"]["urlTemplate"] == f"{SITE}/search/?q={{search_term_string}}"


def test_list_page_canonical_is_the_listing_with_only_the_page_number(client):
    for n in range(13):
        make_story(f"Story {n}", countries=["Serbia"])
    tree = page(client, "/stories/?country=serbia&page=2&utm_source=x")
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [f"{SITE}/countries/serbia/?page=2"]
    assert head_meta(tree, "og:url") == f"{SITE}/countries/serbia/?page=2"


def test_country_page_feeds_and_breadcrumbs(client, story):
    tree = page(client, "/countries/serbia/")
    assert head_links(tree) == {
        "canonical": [f"{SITE}/countries/serbia/"],
        "feeds": [*SITE_FEEDS, f"{SITE}/countries/serbia/feed/", f"{SITE}/countries/serbia/feed/atom/"],
        "og:url": f"{SITE}/countries/serbia/",
        "og:image": default_card_url(),
        "twitter:image": default_card_url(),
    }
    trail = json_ld(tree)["BreadcrumbList"]["itemListElement"]
    assert [item["item"] for item in trail] == [f"{SITE}/", f"{SITE}/countries/", f"{SITE}/countries/serbia/"]
    theme_tree = page(client, "/themes/environment/")
    assert head_links(theme_tree)["feeds"] == [
        *SITE_FEEDS,
        f"{SITE}/themes/environment/feed/",
        f"{SITE}/themes/environment/feed/atom/",
    ]


def test_partner_page_organization(client):
    partner = make_partner(logo=image_upload("logo.png", fmt="PNG"))
    organization = json_ld(page(client, "/partners/european-western-balkans/"))["Organization"]
    assert organization["@id"] == f"{SITE}/partners/european-western-balkans/#organization"
    assert organization["url"] == f"{SITE}/partners/european-western-balkans/"
    assert organization["logo"] == f"{SITE}/media/{partner.logo.name}"
    tree = page(client, "/partners/")
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [f"{SITE}/partners/"]


def test_rss_feed(client, story):
    root = etree.fromstring(get(client, "/feed/").content)
    channel = root.find("channel")
    assert channel.findtext("link") == f"{SITE}/"
    assert channel.xpath("atom:link[@rel='self']/@href", namespaces=NS) == [f"{SITE}/feed/"]
    (item,) = channel.findall("item")
    image = f"{SITE}/media/{story.hero_image.name}"
    assert item.findtext("link") == f"{SITE}/stories/water-for-bor/"
    assert item.findtext("guid") == f"{SITE}/s/{story.pk}/"
    assert item.xpath("enclosure/@url") == [image]
    assert item.xpath("media:content/@url", namespaces=NS) == [image]


def test_atom_feed(client, story):
    root = etree.fromstring(get(client, "/feed/atom/").content)
    assert root.xpath("atom:link[@rel='alternate']/@href", namespaces=NS) == [f"{SITE}/"]
    assert root.xpath("atom:link[@rel='self']/@href", namespaces=NS) == [f"{SITE}/feed/atom/"]
    assert root.findtext(f"{ATOM}id") == f"{SITE}/"
    (entry,) = root.findall(f"{ATOM}entry")
    image = f"{SITE}/media/{story.hero_image.name}"
    assert entry.xpath("atom:link[@rel='alternate']/@href", namespaces=NS) == [f"{SITE}/stories/water-for-bor/"]
    assert entry.findtext(f"{ATOM}id") == f"{SITE}/s/{story.pk}/"
    assert entry.xpath("atom:link[@rel='enclosure']/@href", namespaces=NS) == [image]
    assert entry.xpath("media:content/@url", namespaces=NS) == [image]
    # The site is the feed's author, standing in for stories without bylines.
    assert root.xpath("atom:author/atom:uri/text()", namespaces=NS) == [f"{SITE}/"]


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("/countries/serbia/feed/", "/countries/serbia/"),
        ("/countries/serbia/feed/atom/", "/countries/serbia/"),
        ("/themes/environment/feed/", "/themes/environment/"),
        ("/themes/environment/feed/atom/", "/themes/environment/"),
    ],
)
def test_vocabulary_feeds(client, story, url, link):
    root = etree.fromstring(get(client, url).content)
    if url.endswith("/atom/"):
        assert root.xpath("atom:link[@rel='alternate']/@href", namespaces=NS) == [SITE + link]
        assert root.xpath("atom:link[@rel='self']/@href", namespaces=NS) == [SITE + url]
        assert root.xpath("atom:entry/atom:id/text()", namespaces=NS) == [f"{SITE}/s/{story.pk}/"]
    else:
        assert root.findtext("channel/link") == SITE + link
        assert root.xpath("channel/atom:link[@rel='self']/@href", namespaces=NS) == [SITE + url]
        assert root.xpath("channel/item/guid/text()") == [f"{SITE}/s/{story.pk}/"]


def test_sitemap_index_and_its_pages(client, monkeypatch, story):
    monkeypatch.setattr(StorySitemap, "limit", 1)
    make_story("Second")
    root = etree.fromstring(get(client, "/sitemap.xml").content)
    assert root.xpath("//s:sitemap/s:loc/text()", namespaces=NS) == [
        f"{SITE}/sitemap-stories.xml",
        f"{SITE}/sitemap-stories.xml?p=2",
        *(
            f"{SITE}/sitemap-{section}.xml"
            for section in ["countries", "themes", "country-themes", "partners", "pages", "main"]
        ),
    ]


def test_sitemap_sections(client, story):
    make_partner()
    make_page()
    make_page(slug="privacy", title="Privacy")

    def section(name):
        """The English entries: every other language has its own (tests/test_languages.py)."""
        root = etree.fromstring(get(client, f"/sitemap-{name}.xml").content)
        other_languages = tuple(f"{SITE}/{code}/" for code in ["sq", "bs", "hr", "mk", "sr", "sr-latn"])
        return [
            (url.findtext("s:loc", namespaces=NS), url.xpath("image:image/image:loc/text()", namespaces=NS))
            for url in root.xpath("//s:url", namespaces=NS)
            if not url.findtext("s:loc", namespaces=NS).startswith(other_languages)
        ]

    assert section("stories") == [(f"{SITE}/stories/water-for-bor/", [f"{SITE}/media/{story.hero_image.name}"])]
    assert section("countries") == [(f"{SITE}/countries/serbia/", [])]
    assert section("themes") == [(f"{SITE}/themes/environment/", [])]
    assert section("partners") == [(f"{SITE}/partners/european-western-balkans/", [])]
    assert section("pages") == [(f"{SITE}/partners/", []), (f"{SITE}/about/", []), (f"{SITE}/pages/privacy/", [])]
    assert section("main") == [
        (f"{SITE}/", []),
        (f"{SITE}/stories/", []),
        (f"{SITE}/countries/", []),
        (f"{SITE}/themes/", []),
    ]


def test_robots_txt(client, settings):
    assert get(client, "/robots.txt").content.decode() == (
        "User-agent: *\n"
        "Allow: /\n"
        f"Disallow: /{settings.ADMIN_URL}\n"
        "Disallow: /preview/\n"
        # Previews exist under every language prefix (README.md, "Languages").
        "Disallow: /sq/preview/\n"
        "Disallow: /bs/preview/\n"
        "Disallow: /hr/preview/\n"
        "Disallow: /mk/preview/\n"
        "Disallow: /sr/preview/\n"
        "Disallow: /sr-latn/preview/\n"
        "Disallow: /media-preview/\n"
        "\n"
        f"Sitemap: {SITE}/sitemap.xml\n"
    )


def test_short_link_and_old_slug_redirect_to_site_url_keeping_the_query(client, story):
    response = get(client, f"/s/{story.pk}/?utm_source=x", status=301)
    assert response["Location"] == f"{SITE}/stories/water-for-bor/?utm_source=x"
    story.slug = "water-in-bor"
    story.save()
    response = get(client, "/stories/water-for-bor/", status=301)
    assert response["Location"] == f"{SITE}/stories/water-in-bor/"


def test_preview_link_and_page(client):
    link = PreviewLink.create_for(make_story("Draft", status="draft"), user=None)
    path = preview_path(link)
    assert path.startswith("/preview/")
    assert preview_url(link) == SITE + path
    tree = page(client, path)
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [SITE + path]


def test_urls_already_absolute_stay_as_they_are():
    assert absolute_url("https://bucket.example/stories/a.jpg") == "https://bucket.example/stories/a.jpg"
    assert absolute_url("/stories/a/?page=2#top") == f"{SITE}/stories/a/?page=2#top"


def test_absolute_reverse_encodes_the_query_as_reverse_does():
    assert absolute_reverse("stories:list", query={"country": "serbia", "page": 2}) == (
        f"{SITE}/stories/?country=serbia&page=2"
    )
    assert absolute_reverse("stories:detail", args=["bor"]) == f"{SITE}/stories/bor/"


def test_templates_build_absolute_urls_with_the_same_builders():
    rendered = Template(
        "{% load links %}{% absolute_url path %} {% absolute_reverse 'stories:detail' slug='bor' %} "
        "{% absolute_reverse 'stories:social_card' 7 'abc' as card %}{{ card }}"
    ).render(Context({"path": "/stories/?a=1&b=2"}))
    assert rendered == f"{SITE}/stories/?a=1&amp;b=2 {SITE}/stories/bor/ {SITE}/s/7/card-abc.jpg"


def test_a_remembered_address_follows_the_language_and_the_urlconf(settings):
    """reverse() in balkanoscope/links.py remembers each address; the memory is per language,
    and a changed URLconf (as tests make) is never answered from it."""
    from django.urls import reverse as django_reverse
    from django.utils import translation

    from balkanoscope.links import reverse

    with translation.override("sq"):
        assert reverse("stories:detail", kwargs={"slug": "bor"}) == "/sq/stories/bor/"
    assert reverse("stories:detail", kwargs={"slug": "bor"}) == django_reverse("stories:detail", kwargs={"slug": "bor"})
    assert reverse("stories:detail", kwargs={"slug": "bor"}) == "/stories/bor/"
    assert reverse("stories:list", query={"tag": "rivers"}) == "/stories/?tag=rivers"
    settings.ROOT_URLCONF = __name__  # the URLconf below
    assert reverse("stories:detail", kwargs={"slug": "bor"}) == "/elsewhere/bor/"


def _nowhere(request, slug):
    raise AssertionError("never served")


urlpatterns = [path("elsewhere/", include(([path("<slug:slug>/", _nowhere, name="detail")], "stories")))]
