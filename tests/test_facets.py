"""Browsing by country × theme: canonical listing addresses, facet counts, keywords."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories.models import Story
from tests.factories import make_country, make_story, make_theme

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"


@pytest.fixture(scope="module")
def shelf(module_data):
    """Stories across two countries and three themes, one of them with no story in Albania."""
    with module_data.writing():
        serbia, albania = make_country("Serbia"), make_country("Albania")
        make_country("Kosovo", footnote="This designation is without prejudice to positions on status.")
        poverty, water, corruption = make_theme("Poverty"), make_theme("Water"), make_theme("Corruption")
        make_story("Bor", countries=[serbia], themes=[poverty, water], keywords=["mining", "dust"])
        make_story("Vranje", countries=[serbia], themes=[poverty])
        make_story("Nis", countries=[serbia], themes=[corruption])
        make_story("Shkoder", countries=[albania, serbia], themes=[water])
        make_story("Vlore", countries=[albania], themes=[water])
        make_story("Draft", countries=[albania], themes=[corruption], status=Story.Status.DRAFT)
        make_story("Later", countries=[albania], themes=[poverty], published_at=timezone.now() + timedelta(days=1))


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return html.fromstring(response.content) if status == 200 else response


def facet_options(tree):
    """{heading: [(name, count, href)]} of the page's facets; href None for the selected one."""
    options = {}
    for group in tree.cssselect(".facets__group"):
        heading = group.cssselect(".facets__heading")[0].text_content()
        options[heading] = [
            (
                option.cssselect(".facet__name")[0].text_content().strip(),
                int(option.cssselect(".facet__count")[0].text_content()),
                option.get("href") if option.tag == "a" else None,
            )
            for option in group.cssselect(".facet")
        ]
    return options


def result_count(tree):
    return int(tree.cssselect(".result-count")[0].text_content().split()[0])


def canonical(tree):
    return tree.xpath("//head/link[@rel='canonical']/@href")[0]


def test_country_page_offers_the_themes_present_there_with_their_counts(client, shelf):
    themes = facet_options(get(client, "/countries/albania/"))["Theme"]
    # Drafts and scheduled stories count for nothing: Albania has no corruption or poverty story yet.
    assert themes == [("All themes", 2, None), ("Water", 2, "/countries/albania/themes/water/")]


def test_theme_page_offers_the_countries_with_their_counts(client, shelf):
    countries = facet_options(get(client, "/themes/poverty/"))["Country"]
    assert countries == [("All countries", 2, None), ("Serbia", 2, "/countries/serbia/themes/poverty/")]


def test_counts_follow_the_selection_and_all_removes_it(client, shelf):
    tree = get(client, "/countries/serbia/themes/water/")
    options = facet_options(tree)
    assert options["Country"] == [
        ("All countries", 3, "/themes/water/"),
        ("Albania", 2, "/countries/albania/themes/water/"),
        ("Serbia", 2, None),
    ]
    assert options["Theme"] == [
        ("All themes", 4, "/countries/serbia/"),
        ("Corruption", 1, "/countries/serbia/themes/corruption/"),
        ("Poverty", 2, "/countries/serbia/themes/poverty/"),
        ("Water", 2, None),
    ]
    current = tree.cssselect("[aria-current='true']:not([hreflang])")  # not the language switcher
    assert [s.text_content().split()[0] for s in current] == ["Serbia", "Water"]


@pytest.mark.parametrize(
    "start", ["/stories/", "/countries/serbia/", "/themes/water/", "/countries/albania/themes/water/"]
)
def test_every_facet_count_equals_the_list_it_leads_to_whose_address_is_canonical(client, shelf, start):
    for options in facet_options(get(client, start)).values():
        for name, count, href in options:
            if href is None:  # the page itself
                assert result_count(get(client, start)) == count
                continue
            tree = get(client, href)
            assert result_count(tree) == count, (start, name)
            assert canonical(tree) == SITE + href
            assert len(tree.cssselect(".story-card")) == count


def test_a_combination_without_stories_is_not_linked_and_is_404(client, shelf):
    hrefs = [a.get("href") for a in get(client, "/countries/albania/").cssselect("a.facet")]
    assert "/countries/albania/themes/corruption/" not in hrefs
    get(client, "/countries/albania/themes/corruption/", status=404)  # only a draft
    get(client, "/countries/albania/themes/poverty/", status=404)  # only a scheduled story
    get(client, "/countries/atlantis/themes/water/", status=404)
    get(client, "/countries/serbia/themes/atlantis/", status=404)


def test_combination_page_names_both_and_links_to_each(client, shelf):
    tree = get(client, "/countries/serbia/themes/poverty/")
    assert tree.cssselect("h1")[0].text_content() == "Poverty in Serbia"
    assert tree.findtext(".//title") == "Poverty in Serbia · Balkanoscope"
    kicker = [a.get("href") for a in tree.cssselect(".landing-header__kicker a")]
    assert kicker == ["/countries/serbia/", "/themes/poverty/"]
    assert sorted(t.text_content() for t in tree.cssselect(".story-card__title")) == ["Bor", "Vranje"]
    assert reverse("stories:country_theme", kwargs={"country": "serbia", "theme": "poverty"}) == (
        "/countries/serbia/themes/poverty/"
    )


def test_filtered_story_list_names_the_clean_listing_as_canonical(client, shelf):
    tree = get(client, "/stories/?country=serbia&theme=poverty&utm_source=x")
    assert canonical(tree) == f"{SITE}/countries/serbia/themes/poverty/"
    assert canonical(get(client, "/stories/?theme=water")) == f"{SITE}/themes/water/"
    assert canonical(get(client, "/stories/?country=albania")) == f"{SITE}/countries/albania/"
    # An empty combination has no page of its own: the list says so and keeps out of indexes.
    empty = get(client, "/stories/?country=albania&theme=corruption")
    assert canonical(empty) == f"{SITE}/stories/"
    assert empty.xpath("//meta[@name='robots']/@content") == ["noindex, follow"]
    assert empty.cssselect(".empty-state")


def test_story_list_offers_both_facets_with_the_totals(client, shelf):
    options = facet_options(get(client, "/stories/"))
    assert options["Country"] == [
        ("All countries", 5, None),
        ("Albania", 2, "/countries/albania/"),
        ("Serbia", 4, "/countries/serbia/"),
    ]
    assert [name for name, *_ in options["Theme"]] == ["All themes", "Corruption", "Poverty", "Water"]


def test_kosovo_carries_its_footnote_mark_in_the_facets(client, shelf):
    make_story("Ferizaj", countries=[make_country("Kosovo")], themes=[make_theme("Poverty")])
    link = [a for a in get(client, "/themes/poverty/").cssselect("a.facet") if "Kosovo" in a.text_content()][0]
    assert link.cssselect(".facet__name sup.footnote-mark")


FACET_PAGES = ["/stories/", "/countries/serbia/", "/themes/water/", "/countries/serbia/themes/poverty/"]


def test_facet_pages_run_a_fixed_number_of_queries(client, shelf, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE = False  # measure the views themselves, not the page cache
    for n in range(15):
        make_story(f"More {n}", countries=[make_country("Serbia")], themes=[make_theme("Poverty"), make_theme("Water")])
    for url in FACET_PAGES:
        # The first request after an edit computes the counts: state, vocabularies, totals,
        # pairs, the page's count, the page, its prefetches, the footer's partners, the footnotes.
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
        # Then they come from the cache: the state, the page and its two prefetches.
        with django_assert_max_num_queries(4):
            assert client.get(url).status_code == 200


def test_counts_follow_an_edit_at_the_next_request(client, shelf):
    assert result_count(get(client, "/countries/serbia/themes/water/")) == 2
    make_story("New", countries=[make_country("Serbia")], themes=[make_theme("Water")])
    tree = get(client, "/countries/serbia/themes/water/")
    assert result_count(tree) == 3
    assert ("Water", 3, "/countries/serbia/themes/water/") in facet_options(get(client, "/countries/serbia/"))["Theme"]


def test_story_page_shows_its_keywords_each_linking_to_its_listing(client, shelf):
    tree = get(client, "/stories/bor/")
    keywords = {a.text_content(): a.get("href") for a in tree.cssselect(".story-keywords a")}
    assert keywords == {"mining": "/stories/?tag=mining", "dust": "/stories/?tag=dust"}
    listing = get(client, "/stories/?tag=mining")
    assert listing.cssselect("h1")[0].text_content() == "Keyword: mining"
    assert [t.text_content() for t in listing.cssselect(".story-card__title")] == ["Bor"]
    assert canonical(listing) == f"{SITE}/stories/?tag=mining"
    assert not listing.cssselect(".facets")
    assert not get(client, "/stories/vranje/").cssselect(".story-keywords")


def test_sitemap_lists_exactly_the_combinations_that_have_stories(client, shelf):
    tree = html.fromstring(client.get("/sitemap-country-themes.xml").content)
    # Every language has its own addresses; the English ones have no prefix.
    assert [loc.text for loc in tree.iter("{*}loc") if loc.text.count("/") == 7] == [
        f"{SITE}/countries/albania/themes/water/",
        f"{SITE}/countries/serbia/themes/corruption/",
        f"{SITE}/countries/serbia/themes/poverty/",
        f"{SITE}/countries/serbia/themes/water/",
    ]
