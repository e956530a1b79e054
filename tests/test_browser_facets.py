"""Browsing by country × theme in a real browser, with JavaScript off: plain links all the way."""

import pytest

from tests.factories import make_country, make_story, make_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def facet_counts(page, heading):
    group = page.locator(".facets__group", has=page.locator(".facets__heading", has_text=heading))
    names = group.locator(".facet__name").all_inner_texts()
    counts = group.locator(".facet__count").all_inner_texts()
    return dict(zip(names, map(int, counts), strict=True))


def test_facet_counts_follow_a_selection_without_javascript(browser, live_server):
    serbia, albania = make_country("Serbia"), make_country("Albania")
    poverty, water = make_theme("Poverty"), make_theme("Water")
    make_story("Bor", countries=[serbia], themes=[poverty, water])
    make_story("Vranje", countries=[serbia], themes=[poverty])
    make_story("Vlore", countries=[albania], themes=[water])
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/stories/")
    assert facet_counts(page, "Theme") == {"All themes": 3, "Poverty": 2, "Water": 2}
    page.locator(".facet", has_text="Albania").click()
    page.wait_for_url("**/countries/albania/")
    assert facet_counts(page, "Theme") == {"All themes": 1, "Water": 1}
    page.locator(".facet", has_text="Water").click()
    page.wait_for_url("**/countries/albania/themes/water/")
    assert facet_counts(page, "Country") == {"All countries": 2, "Albania": 1, "Serbia": 1}
    assert page.locator(".story-card").count() == 1
    page.locator(".facet", has_text="Serbia").click()
    page.wait_for_url("**/countries/serbia/themes/water/")
    assert page.locator(".story-card__title").all_inner_texts() == ["Bor"]
    page.locator(".facet", has_text="All countries").click()
    page.wait_for_url("**/themes/water/")
    assert page.locator(".story-card").count() == 2
    context.close()
