"""The interactive parts of the reader's pages, in a real browser."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import axe_violations
from tests.factories import image_upload, make_country, make_page, make_partner, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stories():
    serbia = make_country("Serbia", description="Stories from Serbia.")
    make_country("Kosovo", footnote="This designation is without prejudice to positions on status.")
    make_partner(founded_year=2014)
    make_partner("European Fund for the Balkans", slug="european-fund-for-the-balkans")
    make_page(body="<p>What we do.</p>")
    first = make_story(
        "The first story",
        countries=[serbia],
        themes=["Poverty"],
        hero_image=image_upload(),
        hero_image_alt="Hills at dusk",
        body="<p>" + "Words of the first story. " * 50 + "</p>",
    )
    second = make_story("The second story", countries=[serbia], themes=["Poverty"])
    return first, second


def sidebar_state(page):
    button = page.locator("button.sidebar-toggle")
    return button.get_attribute("aria-expanded"), button.inner_text(), page.locator("#story-sidebar").is_visible()


def test_sidebar_toggle_hides_shows_and_remembers_the_choice(page, stories):
    first, second = stories
    page.goto(first.get_absolute_url())
    assert sidebar_state(page) == ("true", "Hide sidebar", True)
    page.click("button.sidebar-toggle")
    assert sidebar_state(page) == ("false", "Show sidebar", False)
    page.reload()
    assert sidebar_state(page) == ("false", "Show sidebar", False)
    page.goto(second.get_absolute_url())
    assert sidebar_state(page) == ("false", "Show sidebar", False)
    page.click("button.sidebar-toggle")
    assert sidebar_state(page) == ("true", "Hide sidebar", True)
    page.goto(first.get_absolute_url())
    assert sidebar_state(page) == ("true", "Hide sidebar", True)


def test_sidebar_is_shown_and_toggle_absent_without_javascript(browser, live_server, stories):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(stories[0].get_absolute_url())
    assert page.locator("#story-sidebar").is_visible()
    assert not page.locator("button.sidebar-toggle").is_visible()
    assert not page.locator(".share__copy-button").is_visible()
    assert page.locator("#share-url").is_visible()
    context.close()


def test_copy_button_copies_the_canonical_url_and_announces_it(page, stories):
    page.goto(stories[0].get_absolute_url())
    page.click(".share__copy-button")
    status = page.locator("[data-copy-status]")
    status.filter(has_text="copied").wait_for()
    assert status.get_attribute("aria-live") == "polite"
    assert page.evaluate("navigator.clipboard.readText()") == "https://balkanoscope.example/stories/the-first-story/"


def test_share_links_carry_the_encoded_canonical_url(page, stories):
    page.goto(stories[0].get_absolute_url())
    hrefs = page.locator(".share__link").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == 8
    for href in hrefs:
        values = [v for vs in parse_qs(urlsplit(href).query).values() for v in vs]
        assert any("https://balkanoscope.example/stories/the-first-story/" in v for v in values), href


def test_native_share_button_only_where_the_browser_supports_it(page, stories):
    page.goto(stories[0].get_absolute_url())
    supported = page.evaluate("typeof navigator.share === 'function'")
    assert page.locator("[data-native-share]").is_visible() == supported


def test_story_page_is_operable_by_keyboard_alone(page, stories):
    page.goto(stories[0].get_absolute_url())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # Tab forward to the sidebar toggle and operate it with the keyboard.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button.sidebar-toggle')"):
            break
    else:
        pytest.fail("the sidebar toggle is not reachable with Tab")
    page.keyboard.press("Enter")
    assert sidebar_state(page)[0] == "false"
    page.keyboard.press("Space")
    assert sidebar_state(page)[0] == "true"
    # The copy button is reachable and works from the keyboard too.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.share__copy-button')"):
            break
    else:
        pytest.fail("the copy button is not reachable with Tab")
    page.keyboard.press("Enter")
    page.locator("[data-copy-status]").filter(has_text="copied").wait_for()


def test_no_horizontal_scrolling_at_320_pixels(browser, live_server, stories):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for url in ["/", "/stories/", stories[0].get_absolute_url(), "/partners/", "/about/"]:
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
    # On a narrow screen the sidebar comes after the story.
    page.goto(stories[0].get_absolute_url())
    article_bottom = page.locator("article.story").bounding_box()
    sidebar_top = page.locator("#story-sidebar").bounding_box()
    assert sidebar_top["y"] >= article_bottom["y"] + article_bottom["height"] - 1
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/stories/",
        "/stories/?country=serbia&theme=poverty",
        "/stories/the-first-story/",
        "/countries/serbia/",
        "/partners/european-western-balkans/",
        "/about/",
        "/no-such-page/",
    ],
)
def test_axe_finds_no_accessibility_violations(page, stories, url):
    page.goto(url)
    assert axe_violations(page) == []


def test_share_block_is_icons_named_for_screen_readers_and_requests_nothing_elsewhere(page, live_server, stories):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(stories[0].get_absolute_url())
    facebook = page.get_by_role("link", name="Share on Facebook (opens in a new tab)")
    assert facebook.is_visible()
    icon = facebook.locator("svg").bounding_box()
    assert icon["width"] == icon["height"] == 20
    # The label is for screen readers only: the button is just the icon.
    assert facebook.bounding_box()["width"] <= 48
    assert page.locator(".share__copy-button").is_visible()
    assert requested and all(url.startswith(live_server.url) for url in requested), requested


def test_native_share_sheet_comes_first_where_the_browser_has_one(page, stories):
    page.add_init_script("navigator.share = (data) => { window.sharedWith = data; return Promise.resolve(); };")
    page.goto(stories[0].get_absolute_url())
    first = page.locator(".share__list > li:visible").first
    assert first.locator("[data-native-share]").is_visible()
    first.locator("button").click()
    assert page.evaluate("window.sharedWith.url") == "https://balkanoscope.example/stories/the-first-story/"
