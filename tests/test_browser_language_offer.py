"""The English home offers a first-time visitor the language their browser prefers: a line,
not a redirect, gone once dismissed; the page itself is the same for everyone."""

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations
from tests.factories import make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def home(live_server):
    make_story("Water for Bor")
    return live_server.url


def visit(browser, home, locale):
    context = browser.new_context(base_url=home, locale=locale)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/")
    return page


@pytest.mark.parametrize(("locale", "path", "lang"), [("sr-RS", "/sr/", "sr"), ("sr-Latn-RS", "/sr-latn/", "sr-Latn")])
def test_a_browser_preferring_serbian_is_offered_it_until_it_says_no(browser, home, locale, path, lang):
    page = visit(browser, home, locale)
    assert page.url.endswith(":" + home.rsplit(":", 1)[1] + "/")  # offered, not redirected
    offer = page.locator(".language-offer")
    expect(offer).to_be_visible()
    assert offer.get_attribute("lang") == lang
    assert offer.get_by_role("link").get_attribute("href") == path
    assert axe_violations(page) == []
    offer.get_by_role("button").click()
    expect(offer).to_have_count(0)
    assert page.evaluate("document.activeElement.id") == "main"
    page.reload()
    page.wait_for_load_state()
    assert page.locator(".language-offer").count() == 0
    page.context.close()


@pytest.mark.parametrize("locale", ["en-US", "de-DE"])
def test_a_browser_preferring_english_or_a_language_the_site_lacks_sees_no_offer(browser, home, locale):
    page = visit(browser, home, locale)
    page.wait_for_load_state()
    assert page.locator(".language-offer").count() == 0
    page.context.close()


def test_the_serbian_home_offers_nothing(browser, home):
    context = browser.new_context(base_url=home, locale="sr-RS")
    page = context.new_page()
    page.goto("/sr/")
    assert page.locator("template[data-language-offers], .language-offer").count() == 0
    context.close()
