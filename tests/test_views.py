"""Reader pages: what people see at each URL."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories.models import Story
from tests.factories import make_country, make_page, make_partner, make_story, make_theme

pytestmark = pytest.mark.django_db


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response, html.fromstring(response.content)


def titles(tree):
    return [a.text_content().strip() for a in tree.cssselect(".story-card__title a")]


def test_home_shows_featured_latest_vocabularies_with_counts_and_partners(client):
    serbia = make_country("Serbia")
    make_country("Albania")
    make_theme("Poverty")
    make_story("Featured one", is_featured=True, countries=[serbia], published_at=timezone.now() - timedelta(days=5))
    make_story("Latest one", countries=[serbia])
    make_story("Draft", status=Story.Status.DRAFT, countries=[serbia])
    make_partner()
    _, tree = page(client, "/")
    assert tree.cssselect(".story-lead .story-lead__title")[0].text_content().strip() == "Featured one"
    assert "Latest one" in titles(tree)
    assert "Draft" not in titles(tree)
    counts = {
        a.get("href"): a.cssselect(".country-map__count, .theme-card__count")[0].text_content().strip()
        for a in tree.cssselect(".country-map__link, .theme-card")
    }
    assert counts["/countries/serbia/"] == "2 stories"
    assert counts["/countries/albania/"] == "0 stories"
    assert counts["/themes/poverty/"] == "0 stories"
    assert tree.cssselect(".joint-initiative a[href='/partners/european-western-balkans/']")


def test_every_page_has_navigation_skip_link_and_joint_initiative_footer(client):
    make_partner()
    make_partner("European Fund for the Balkans", slug="european-fund-for-the-balkans")
    _, tree = page(client, "/stories/")
    assert tree.cssselect("a.skip-link[href='#main']")
    assert tree.cssselect("main#main")
    nav = [a.get("href") for a in tree.cssselect("nav.site-nav a")]
    assert nav == ["/stories/", "/countries/", "/themes/", "/about/", "/partners/"]
    footer_links = [a.get("href") for a in tree.cssselect("footer .joint-initiative a")]
    # Partners in their order, then by name.
    assert footer_links == ["/partners/european-fund-for-the-balkans/", "/partners/european-western-balkans/"]
    assert tree.cssselect("nav.site-nav a[aria-current='page']")[0].get("href") == "/stories/"


def test_story_list_paginates_twelve_newest_first_with_current_page_marked(client):
    for n in range(14):
        make_story(f"Story {n:02d}", published_at=timezone.now() - timedelta(hours=n + 1))
    _, tree = page(client, "/stories/")
    assert titles(tree) == [f"Story {n:02d}" for n in range(12)]
    assert tree.cssselect(".result-count")[0].text_content().strip() == "14 stories"
    assert tree.cssselect("[aria-current='page'].pagination__link")[0].text_content().strip().endswith("1")
    _, tree = page(client, "/stories/?page=2")
    assert titles(tree) == ["Story 12", "Story 13"]


def test_story_list_filters_combine_and_pagination_keeps_them(client):
    serbia, albania = make_country("Serbia"), make_country("Albania")
    corruption = make_theme("Corruption")
    for n in range(13):
        make_story(f"Match {n}", countries=[serbia], themes=[corruption], keywords=["mining"])
    make_story("Wrong country", countries=[albania], themes=[corruption])
    make_story("Wrong theme", countries=[serbia])
    _, tree = page(client, "/stories/?country=serbia&theme=corruption")
    assert tree.cssselect(".result-count")[0].text_content().strip() == "13 stories"
    assert all(title.startswith("Match") for title in titles(tree))
    next_link = tree.cssselect("a[rel='next']")[0].get("href")
    assert parse_qs(urlsplit(next_link).query) == {"country": ["serbia"], "theme": ["corruption"], "page": ["2"]}
    _, tree = page(client, "/stories/?country=serbia&theme=corruption&tag=mining&page=2")
    assert titles(tree) == ["Match 0"]


def test_active_filters_are_shown_and_each_removable(client):
    make_story("One", countries=["Serbia"], themes=["Corruption"])
    _, tree = page(client, "/stories/?country=serbia&theme=corruption&page=1")
    removers = {a.text_content().split(":")[0].strip(): a.get("href") for a in tree.cssselect(".chip--removable")}
    assert parse_qs(urlsplit(removers["Country"]).query) == {"theme": ["corruption"]}
    assert parse_qs(urlsplit(removers["Theme"]).query) == {"country": ["serbia"]}


def test_empty_result_suggests_what_to_do(client):
    make_country("Montenegro")
    _, tree = page(client, "/stories/?country=montenegro")
    assert tree.cssselect(".empty-state a[href='/stories/']")
    assert tree.cssselect(".result-count")[0].text_content().strip() == "0 stories"


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=-1",
        "page=abc",
        "page=99",
        "page=1.5",
        "page=",
        "country=atlantis",
        "theme=nope",
        "tag=nope",
        "page=99999999999999",
    ],
)
def test_bad_list_queries_are_404_not_500(client, query):
    make_story("One")
    response = client.get("/stories/?" + query)
    assert response.status_code == 404
    assert b"We could not find that page" in response.content


def test_an_empty_filter_means_no_filter_and_a_malformed_one_is_404_on_the_list_and_search(client):
    make_country("Serbia")
    make_story("River one", countries=["Serbia"])
    make_story("River two")
    _, tree = page(client, "/stories/?country=&theme=&tag=")
    assert sorted(titles(tree)) == ["River one", "River two"]
    for url in ["/stories/?country=<b>", "/search/?q=river&country=<b>", "/search/?q=river&theme=" + "x" * 101]:
        page(client, url, status=404)


def test_country_and_theme_pages_show_description_footnote_and_their_stories(client):
    kosovo = make_country(
        "Kosovo", description="Context about Kosovo.", footnote="This designation is without prejudice."
    )
    make_story("From Kosovo", countries=[kosovo], themes=["Freedoms"])
    make_story("Elsewhere", countries=["Serbia"])
    _, tree = page(client, "/countries/kosovo/")
    assert "Context about Kosovo." in tree.cssselect(".landing-header")[0].text_content()
    assert "This designation is without prejudice." in tree.cssselect(".landing-header .footnote")[0].text_content()
    assert titles(tree) == ["From Kosovo"]
    _, tree = page(client, "/themes/freedoms/")
    assert titles(tree) == ["From Kosovo"]
    page(client, "/countries/atlantis/", status=404)
    page(client, "/themes/atlantis/?page=2", status=404)


def test_country_footnote_follows_the_name_in_cards_and_footer(client):
    kosovo = make_country("Kosovo", footnote="This designation is without prejudice.")
    make_story("From Kosovo", countries=[kosovo])
    make_country("Serbia")
    _, tree = page(client, "/stories/")
    assert tree.cssselect(".story-card__country sup.footnote-mark")
    assert "This designation is without prejudice." in tree.cssselect("footer")[0].text_content()
    # The list's facets name every country with stories, Kosovo too; the themes page names none.
    _, tree = page(client, "/themes/")
    assert "This designation" not in tree.cssselect("footer")[0].text_content()


def story_page(client, story):
    return page(client, reverse("stories:detail", kwargs={"slug": story.slug}))


def test_story_page_shows_the_story_with_chips_byline_date_and_reading_time(client):
    story = make_story(
        "Water for Bor",
        subtitle="A town and its river",
        countries=["Serbia"],
        themes=["Environment"],
        contributors=["Jelena Đukić"],
        content_warning="Describes illness.",
        body="<p>" + "word " * 450 + "</p>",
        storyteller_name="Dragana Ilić",
        location="Bor",
    )
    _, tree = story_page(client, story)
    assert tree.cssselect("h1.story__title")[0].text_content() == "Water for Bor"
    assert tree.cssselect(".story__subtitle")[0].text_content() == "A town and its river"
    assert "Jelena Đukić" in tree.cssselect(".story__byline")[0].text_content()
    assert (
        tree.cssselect(".story__meta time")[0].get("datetime")
        == timezone.localtime(story.published_at).replace(microsecond=0).isoformat()
    )
    assert "3 minute read" in tree.cssselect(".story__meta")[0].text_content()
    chips = [a.get("href") for a in tree.cssselect(".story__chips a")]
    assert chips == ["/countries/serbia/", "/themes/environment/"]  # the canonical landing pages
    warning = tree.cssselect(".content-warning")[0]
    body = tree.cssselect(".story__body")[0]
    assert warning.getparent().index(warning) < body.getparent().index(body)
    facts = tree.cssselect("aside#story-sidebar .story-facts")[0].text_content()
    assert "Dragana Ilić" in facts and "Bor" in facts and "Serbia" in facts and "Environment" in facts


def test_anonymous_storyteller_name_is_nowhere_in_the_page_source(client):
    story = make_story("Hidden voice", storyteller_name="Secretna Osoba", is_storyteller_anonymous=True)
    response, _ = story_page(client, story)
    assert b"Secretna Osoba" not in response.content
    assert "Secretna" not in response.content.decode()


def test_sidebar_toggle_is_a_real_button_controlling_the_aside(client):
    _, tree = story_page(client, make_story("Toggle"))
    button = tree.cssselect("button.sidebar-toggle")[0]
    assert button.get("aria-expanded") == "true"
    assert button.get("aria-controls") == "story-sidebar"
    assert button.get("type") == "button"
    assert tree.cssselect("aside#story-sidebar")


def test_share_links_carry_the_encoded_canonical_url_and_title(client):
    story = make_story("Đorđe & the river?", slug="djordje-and-the-river")
    _, tree = story_page(client, story)
    canonical = "https://balkanoscope.example/stories/djordje-and-the-river/"
    assert tree.cssselect("link[rel='canonical']")[0].get("href") == canonical
    links = tree.cssselect(".share__link")
    networks = [a.get("class").split("--")[-1] for a in links]
    assert networks == ["facebook", "x", "linkedin", "whatsapp", "telegram", "viber", "reddit", "email"]
    for link in links:
        href = link.get("href")
        assert link.get("target") == "_blank"
        assert "noopener" in link.get("rel")
        assert link.text_content().strip()
        values = [v for vs in parse_qs(urlsplit(href).query).values() for v in vs]
        assert any(canonical in value for value in values), href
        assert "&the" not in href and "river?" not in href  # title and URL are percent-encoded
    x_link = links[1].get("href")
    assert parse_qs(urlsplit(x_link).query)["text"] == ["Đorđe & the river?"]
    assert tree.cssselect("input#share-url")[0].get("value") == canonical
    assert tree.cssselect("input#share-url")[0].get("readonly") is not None
    assert tree.cssselect("[data-copy-status][aria-live='polite']")


def test_related_and_more_from_country_in_sidebar(client):
    serbia = make_country("Serbia")
    story = make_story("Main", countries=[serbia], themes=["Poverty"])
    related = make_story("Related", countries=[serbia], themes=["Poverty"])
    make_story("Unpublished related", countries=[serbia], themes=["Poverty"], status=Story.Status.DRAFT)
    _, tree = story_page(client, story)
    sidebar = tree.cssselect("aside#story-sidebar")[0].text_content()
    assert "Related" in sidebar
    assert "Unpublished related" not in sidebar
    assert "Main" not in [a.text_content() for a in tree.cssselect("aside .story-links a")]
    assert related.title in sidebar


def test_previous_and_next_story_navigation(client):
    older = make_story("Older", published_at=timezone.now() - timedelta(days=3))
    middle = make_story("Middle", published_at=timezone.now() - timedelta(days=2))
    newer = make_story("Newer", published_at=timezone.now() - timedelta(days=1))
    make_story("Scheduled", published_at=timezone.now() + timedelta(days=1))
    _, tree = story_page(client, middle)
    assert tree.cssselect("a[rel='prev'].story-nav__link")[0].get("href") == older.get_absolute_url()
    assert tree.cssselect("a[rel='next'].story-nav__link")[0].get("href") == newer.get_absolute_url()
    _, tree = story_page(client, newer)
    assert not tree.cssselect("a[rel='next'].story-nav__link")


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Story.Status.DRAFT},
        {"status": Story.Status.REVIEW},
        {"published_at": timezone.now() + timedelta(days=1)},
    ],
)
def test_unpublished_stories_are_404_and_absent_from_lists(client, fields):
    story = make_story("Not yet", countries=["Serbia"], themes=["Crime"], **fields)
    page(client, story.get_absolute_url(), status=404)
    for url in ["/", "/stories/", "/countries/serbia/", "/themes/crime/"]:
        response, _ = page(client, url)
        assert b"Not yet" not in response.content


def test_partner_pages_show_logo_description_year_and_website(client):
    make_partner(founded_year=2014, website="https://europeanwesternbalkans.com", description="Regional portal.")
    _, tree = page(client, "/partners/")
    assert tree.cssselect("a[href='/partners/european-western-balkans/']")
    _, tree = page(client, "/partners/european-western-balkans/")
    text = tree.cssselect("main")[0].text_content()
    assert "2014" in text and "Regional portal." in text
    assert tree.cssselect("a[href='https://europeanwesternbalkans.com']")
    page(client, "/partners/nobody/", status=404)


def test_unlisted_partner_is_left_out_of_the_list_the_footer_and_the_sitemap(client):
    make_partner()
    make_partner("Former partner", slug="former", is_listed=False)
    listed = "/partners/european-western-balkans/"
    _, tree = page(client, "/partners/")
    assert [a.get("href") for a in tree.cssselect("main .partner-card__name a")] == [listed]
    assert [a.get("href") for a in tree.cssselect("footer .joint-initiative a")] == [listed]
    response, _ = page(client, "/sitemap-partners.xml")
    assert b"/partners/former/" not in response.content


def test_about_page_is_editable_content_with_partners_block(client):
    make_page(body="<h2>Why</h2><p>Because stories cross borders.</p>", intro="What we do.")
    make_partner()
    _, tree = page(client, "/about/")
    assert tree.cssselect("h1")[0].text_content() == "About Balkanoscope"
    assert "Because stories cross borders." in tree.cssselect(".prose")[0].text_content()
    assert tree.cssselect("main .joint-initiative")


def test_404_page_is_branded(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content
    assert b"site-header" in response.content


def test_500_page_needs_no_database_and_leaks_nothing(client, settings, django_assert_num_queries):
    from balkanoscope.views import server_error

    with django_assert_num_queries(0):
        response = server_error(None)
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"Traceback" not in response.content


PUBLIC_URLS = [
    "/",
    "/stories/",
    "/stories/?country=serbia&theme=poverty",
    "/countries/",
    "/themes/",
    "/countries/serbia/",
    "/themes/poverty/",
    "/partners/",
    "/about/",
]


def populate(count):
    serbia, poverty = make_country("Serbia"), make_theme("Poverty")
    make_partner()
    make_page()
    for n in range(count):
        make_story(
            f"Story {n}",
            countries=[serbia, make_country(f"Land {n % 3}")],
            themes=[poverty, make_theme(f"Topic {n % 4}")],
            keywords=[f"k{n % 2}"],
            contributors=["Ana"],
        )
    return Story.objects.published().first()


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_each_public_page_runs_a_fixed_number_of_queries_whatever_the_number_of_stories(client):
    story = populate(5)
    urls = [*PUBLIC_URLS, story.get_absolute_url()]
    few = {url: count_queries(client, url) for url in urls}
    populate_more = [
        make_story(f"More {n}", countries=["Serbia"], themes=["Poverty"], contributors=["Ana"]) for n in range(40)
    ]
    assert len(populate_more) == 40
    many = {url: count_queries(client, url) for url in urls}
    assert few == many
    assert max(many.values()) <= 10, many


def test_every_share_icon_the_story_page_uses_is_drawn_in_the_sprite(client):
    sprite = html.fromstring((settings.BASE_DIR / "static/img/share-icons.svg").read_bytes())
    drawn = {symbol.get("id") for symbol in sprite.iter("symbol")}
    _, tree = story_page(client, make_story("Water for Bor"))
    used = {use.get("href").split("#")[1] for use in tree.cssselect(".share use")}
    assert len(used) == 10 and used <= drawn
    for link in tree.cssselect(".share__link"):
        assert link.cssselect(".visually-hidden")[0].text_content().startswith("Share ")
