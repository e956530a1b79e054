"""Changing language on a story page, in a real browser, with JavaScript off and on."""

import pytest

from tests.browser import axe_violations
from tests.factories import make_country, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def translated_story(fixture_catalogues):
    serbia = make_country("Serbia", name_sq="Serbia", name_sr="Србија")
    original = make_story("Water for Bor", summary="A town and its river.", countries=[serbia], language="en")
    make_story("Ujë për Borin", summary="Një qytet dhe lumi i tij.", language="sq", translation_of=original)
    make_story("Вода за Бор", summary="Град и његова река.", language="sr", translation_of=original)
    return original


def navigation(page):
    return page.locator(".site-nav a").all_inner_texts()[:3]


@pytest.mark.parametrize("javascript", [False, True])
def test_the_switcher_takes_the_reader_to_the_storys_translation(browser, live_server, translated_story, javascript):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    page = context.new_page()
    page.goto("/stories/water-for-bor/")
    assert navigation(page) == ["Stories", "Countries", "Themes"]
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Shqip").first.click()
    page.wait_for_url("**/sq/stories/uje-per-borin/")
    assert page.locator("html").get_attribute("lang") == "sq"
    assert navigation(page) == ["Histori", "Vendet", "Temat"]
    assert page.locator("h1.story__title").inner_text() == "Ujë për Borin"
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Srpski").first.click()
    page.wait_for_url("**/sr-latn/stories/voda-za-bor/")
    assert page.locator("html").get_attribute("lang") == "sr-Latn"
    assert navigation(page) == ["Priče", "Zemlje", "Teme"]
    assert page.locator("h1.story__title").inner_text() == "Voda za Bor"
    # The footer's list does the same, in one click: back to Cyrillic.
    page.locator(".language-list").get_by_role("link", name="Српски").click()
    page.wait_for_url("**/sr/stories/voda-za-bor/")
    assert navigation(page) == ["Приче", "Земље", "Теме"]
    assert page.locator("h1.story__title").inner_text() == "Вода за Бор"
    context.close()


def test_a_latin_story_page_has_no_accessibility_violations(page, translated_story):
    page.goto("/sr-latn/stories/voda-za-bor/")
    page.locator(".language-switcher summary").click()  # the open list too
    assert axe_violations(page) == []
