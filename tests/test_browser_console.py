"""Every public page type loads in a real browser without a single console warning or error
(a refused script or style, a header the browser does not understand, a missing file, a
script exception)."""

import pytest

from tests.public_pages import PUBLIC_PAGES, make_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUIET_TYPES = {"log", "info", "debug", "trace"}


def test_no_public_page_logs_a_console_warning_or_error(page):
    make_site()
    heard = []
    page.on("console", lambda message: heard.append((message.type, message.text, message.location.get("url", ""))))
    page.on("pageerror", lambda error: heard.append(("exception", str(error), page.url)))
    page.on("requestfailed", lambda request: heard.append(("request failed", request.failure, request.url)))
    problems = []
    for _, url, status in PUBLIC_PAGES:
        heard.clear()
        response = page.goto(url, wait_until="networkidle")
        assert response.status == status, url
        for kind, text, source in heard:
            # The browser reports the status of a page that is meant to be a 404; that is the answer, not a fault.
            is_own_status = status != 200 and source == response.url and text.startswith("Failed to load resource")
            if kind not in QUIET_TYPES and not is_own_status:
                problems.append(f"{url}: {kind}: {text} ({source})")
    assert problems == []
