"""Reading offline, in a real browser: the service worker keeps the pages a reader opened."""

import pytest

from tests.factories import image_upload, make_country, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stories():
    serbia = make_country("Serbia")
    kept = make_story(
        "The kept story",
        countries=[serbia],
        hero_image=image_upload(),
        hero_image_alt="Hills",
        body="<p>Words worth keeping.</p>",
    )
    never_opened = make_story("The story never opened", countries=[serbia])
    return kept, never_opened


def controlled_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/")
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    return context, page


def test_an_opened_story_reads_offline_and_the_offline_page_lists_it(browser, live_server, stories):
    kept, never_opened = stories
    context, page = controlled_page(browser, live_server)
    page.goto(kept.get_absolute_url())
    page.wait_for_function("document.querySelector('.story__hero-image').complete")
    assert page.locator("[data-offline-note]").is_visible()
    context.set_offline(True)
    page.goto(kept.get_absolute_url())
    assert page.locator("h1.story__title").inner_text() == "The kept story"
    assert page.locator(".story__hero-image").evaluate("img => img.complete && img.naturalWidth > 0")
    # A page never opened: the offline page, listing what was kept.
    page.goto(never_opened.get_absolute_url())
    assert page.locator("h1").inner_text() == "Saved stories"
    saved = page.locator("[data-saved-stories] a")
    saved.first.wait_for()
    assert saved.all_inner_texts() == ["The kept story"]
    page.goto("/offline/")
    saved.first.wait_for()
    saved.first.click()
    page.wait_for_url(f"**{kept.get_absolute_url()}")
    assert page.locator(".story__body").inner_text() == "Words worth keeping."
    context.close()


def test_a_reader_can_clear_saved_stories(browser, live_server, stories, settings):
    # A page the browser's own HTTP cache may still use (max-age, stale-while-revalidate) reads offline too.
    settings.PAGE_CACHE_MAX_AGE = settings.PAGE_CACHE_STALE_SECONDS = 0
    kept, _ = stories
    context, page = controlled_page(browser, live_server)
    page.goto(kept.get_absolute_url())
    page.goto("/offline/")
    page.locator("[data-saved-stories] a").first.wait_for()
    page.locator("[data-clear-saved]").click()
    page.locator("[data-cleared-status]").filter(has_text="cleared").wait_for()
    assert page.locator("[data-saved-empty]").is_visible()
    context.set_offline(True)
    page.goto(kept.get_absolute_url())
    assert page.locator("h1").inner_text() == "Saved stories"  # forgotten: the offline page instead
    context.close()


def test_search_and_the_admin_are_never_kept(browser, live_server, stories):
    context, page = controlled_page(browser, live_server)
    page.goto("/")
    page.goto("/search/?q=kept")
    page.goto("/admin/login/")
    kept = page.evaluate(
        """caches.open('balkanoscope-pages').then(cache => cache.keys())
           .then(requests => requests.map(request => new URL(request.url).pathname))"""
    )
    assert "/" in kept
    assert not [path for path in kept if path.startswith(("/search/", "/admin/"))]
    context.close()


def test_the_site_works_with_service_workers_blocked(browser, live_server, stories):
    context = browser.new_context(base_url=live_server.url, service_workers="block")
    page = context.new_page()
    page.goto(stories[0].get_absolute_url())
    assert page.locator("h1.story__title").inner_text() == "The kept story"
    assert page.locator(".share__copy-button").is_visible()
    context.close()
