"""The reader's layout on a phone and a wide screen, in a real browser: header, menu, sidebar."""

import pytest

from tests.browser import axe_violations
from tests.factories import make_country, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
MAX_PHONE_HEADER_PX = 120


@pytest.fixture
def story():
    albania = make_country("Albania")
    montenegro = make_country("Montenegro")
    make_country("Kosovo", footnote="This designation is without prejudice to positions on status.")
    return make_story(
        "Where the lake rises",
        countries=[albania, montenegro],
        themes=["Environment"],
        body="<p>" + "The water comes every few winters. " * 80 + "</p>",
    )


def new_page(browser, live_server, viewport, **options):
    context = browser.new_context(base_url=live_server.url, viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("url", ["/", "/stories/", "/stories/where-the-lake-rises/", "/countries/"])
def test_phone_header_is_one_short_row(browser, live_server, story, url):
    page = new_page(browser, live_server, PHONE)
    page.goto(url)
    header = box(page, ".site-header")
    assert header["height"] <= MAX_PHONE_HEADER_PX
    # The brand and the menu button share the row; the links wait behind the button.
    assert abs(box(page, ".site-header__brand")["y"] - box(page, ".site-menu__toggle")["y"]) < 12
    assert not page.locator(".site-nav").is_visible()
    page.context.close()


def test_wide_screen_shows_the_navigation_and_search_in_the_header_row(browser, live_server, story):
    page = new_page(browser, live_server, DESKTOP)
    page.goto("/")
    assert box(page, ".site-header")["height"] <= 80
    assert not page.locator(".site-menu__toggle").is_visible()
    for name in ["Stories", "Countries", "Themes", "About", "Partners"]:
        assert page.locator(".site-nav").get_by_role("link", name=name, exact=True).is_visible()
    assert page.locator("#header-search-query").is_visible()
    page.context.close()


def test_phone_menu_opens_without_javascript_and_reaches_the_search(browser, live_server, story):
    page = new_page(browser, live_server, PHONE, java_script_enabled=False)
    page.goto("/")
    page.locator(".site-menu__toggle").click()
    assert page.locator(".site-nav").get_by_role("link", name="Partners").is_visible()
    # The open menu lies over the page: the header keeps its height.
    assert box(page, ".site-header")["height"] <= MAX_PHONE_HEADER_PX
    page.locator("#header-search-query").fill("lake")
    page.locator("#header-search-query").press("Enter")
    page.wait_for_url("**/search/?q=lake")
    page.context.close()


def test_phone_search_is_one_tap_away(browser, live_server, story):
    page = new_page(browser, live_server, PHONE)
    page.goto("/")
    page.locator(".site-header__search-link").click()
    page.wait_for_url("**/search/")
    page.context.close()


def test_phone_sidebar_toggle_sits_right_above_the_sidebar(browser, live_server, story):
    page = new_page(browser, live_server, PHONE)
    page.goto(story.get_absolute_url())
    toggle = box(page, "button.sidebar-toggle")
    sidebar = box(page, "#story-sidebar")
    assert 0 <= sidebar["y"] - (toggle["y"] + toggle["height"]) <= 24
    # Both come after the story they describe.
    article = box(page, "article.story")
    assert toggle["y"] >= article["y"] + article["height"] - 1
    page.context.close()


def test_wide_screen_sidebar_toggle_heads_the_sidebar_column(browser, live_server, story):
    page = new_page(browser, live_server, DESKTOP)
    page.goto(story.get_absolute_url())
    toggle = box(page, "button.sidebar-toggle")
    sidebar = box(page, "#story-sidebar")
    assert abs(toggle["x"] - sidebar["x"]) < 2
    assert 0 <= sidebar["y"] - (toggle["y"] + toggle["height"]) <= 24
    page.click("button.sidebar-toggle")
    # Hidden, the sidebar gives its width back to the story; the toggle stays where it was.
    assert not page.locator("#story-sidebar").is_visible()
    assert box(page, "article.story")["width"] > sidebar["x"] - 100
    assert page.locator("button.sidebar-toggle").is_visible()
    page.context.close()


def test_country_names_and_their_marks_sit_together(browser, live_server, story):
    make_story("From Ferizaj", countries=[make_country("Kosovo")])
    page = new_page(browser, live_server, DESKTOP)
    page.goto("/stories/")
    albania_card = page.locator(".story-card", has_text="Where the lake rises")
    assert albania_card.locator(".story-card__countries").inner_text() == "Albania, Montenegro"
    page.goto("/countries/")
    tile = page.locator(".vocabulary-list__link", has_text="Kosovo")
    name = tile.locator(".vocabulary-list__name").bounding_box()
    mark = tile.locator(".footnote-mark").bounding_box()
    # The asterisk ends the name, which keeps its own width: not floating mid-tile.
    assert abs((name["x"] + name["width"]) - (mark["x"] + mark["width"])) < 2
    assert name["width"] < tile.bounding_box()["width"] / 2
    page.context.close()


@pytest.fixture
def six_countries():
    names = ["Albania", "Bosnia and Herzegovina", "Kosovo", "Montenegro", "North Macedonia", "Serbia"]
    countries = {
        name: make_country(name, footnote="Without prejudice to positions on status." if name == "Kosovo" else "")
        for name in names
    }
    for index, name in enumerate(names):
        for n in range(index % 3 + 1):
            make_story(f"{name} {n}", countries=[countries[name]], themes=["Poverty" if n else "Environment"])
    make_story("The featured one", countries=[countries["Serbia"]], is_featured=True, themes=["Poverty"])
    return countries


def test_home_leads_with_the_featured_story_across_the_page(browser, live_server, six_countries):
    for viewport in (PHONE, DESKTOP):
        page = new_page(browser, live_server, viewport)
        page.goto("/")
        lead = box(page, ".story-lead")
        latest = box(page, ".home-latest")
        assert lead["y"] < latest["y"]
        assert lead["width"] >= latest["width"] - 1
        assert page.locator(".story-lead__title").inner_text() == "The featured one"
        page.context.close()


def test_map_links_every_country_with_its_count_in_reading_order(browser, live_server, six_countries):
    page = new_page(browser, live_server, PHONE)
    page.goto("/")
    links = page.locator(".country-map a")
    names = [page.locator(".country-map__name").nth(i).inner_text() for i in range(links.count())]
    # North to south, west to east: the order a keyboard and a screen reader take.
    assert names == ["Bosnia and Herzegovina", "Serbia", "Montenegro", "Kosovo*", "Albania", "North Macedonia"]
    serbia = page.get_by_role("link", name="Serbia 4 stories")
    assert serbia.get_attribute("href") == "/countries/serbia/"
    assert page.get_by_role("link", name="Albania 1 story").is_visible()
    # The tiles sit where the countries lie: Serbia east of Bosnia, Albania south of Montenegro.
    tile = {
        name: box(page, f".country-map a[href='/countries/{slug}/']")
        for name, slug in [
            ("BA", "bosnia-and-herzegovina"),
            ("RS", "serbia"),
            ("ME", "montenegro"),
            ("AL", "albania"),
            ("MK", "north-macedonia"),
        ]
    }
    assert tile["RS"]["x"] > tile["BA"]["x"] and abs(tile["RS"]["y"] - tile["BA"]["y"]) < 2
    assert tile["AL"]["y"] > tile["ME"]["y"] and tile["MK"]["x"] > tile["AL"]["x"]
    assert "Without prejudice" in page.locator(".site-footer").inner_text()
    page.locator(".country-map a").first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/countries/serbia/"
    page.keyboard.press("Enter")
    page.wait_for_url("**/countries/serbia/")
    page.context.close()


@pytest.mark.parametrize("url", ["/", "/stories/", "/stories/serbia-0/", "/countries/serbia/", "/themes/"])
def test_axe_finds_no_violations_in_the_dark_scheme(browser, live_server, six_countries, url):
    page = new_page(browser, live_server, DESKTOP)
    page.emulate_media(color_scheme="dark")
    page.goto(url)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(22, 25, 28)"
    assert axe_violations(page) == []
    page.context.close()


def test_reduced_motion_turns_transitions_off(browser, live_server, six_countries):
    page = new_page(browser, live_server, DESKTOP, reduced_motion="reduce")
    page.goto("/")
    duration = page.evaluate("getComputedStyle(document.querySelector('.theme-card')).transitionDuration")
    assert float(duration.rstrip("s").split(",")[0]) < 0.001
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    page.context.close()
