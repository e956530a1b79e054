"""The reader's layout on a phone and a wide screen, in a real browser: header, menu, sidebar."""

import pytest

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
