"""The Content-Security-Policy, as a real browser enforces it: the reader's story page and the
editors' admin (story forms, list) run without a single violation."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import image_upload, make_story, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Installed before any page script: records every violation the browser reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def watched_page(page):
    """The page, with CSP violations collected from DOM events and from the console."""
    console_reports = []
    page.on(
        "console",
        lambda message: (
            console_reports.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)

    def violations():
        return page.evaluate("window.__cspViolations") + console_reports

    page.csp_violations = violations
    return page


@pytest.fixture
def story():
    return make_story(
        "Under a strict policy",
        countries=["Serbia"],
        themes=["Poverty"],
        hero_image=image_upload(),
        hero_image_alt="Hills",
        body="<p>" + "Words. " * 200 + "</p>",
    )


def test_story_page_runs_its_script_without_csp_violations(watched_page, story):
    response = watched_page.goto(story.get_absolute_url())
    assert "script-src 'self'" in response.headers["content-security-policy"]
    watched_page.wait_for_load_state("load")
    toggle = watched_page.locator("[data-sidebar-toggle]")
    if toggle.count():
        toggle.first.click()  # site.js works: it is our own file, allowed by script-src 'self'
    assert watched_page.csp_violations() == []


def test_inline_script_is_blocked_by_the_policy(watched_page, story):
    """The policy bites: a script injected into the page would not run."""
    watched_page.goto(story.get_absolute_url())
    watched_page.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.__ran = true";
                   document.body.append(s); }"""
    )
    assert watched_page.evaluate("window.__ran") is None
    assert any("script-src" in violation for violation in watched_page.csp_violations())


def log_in(page, username, password):
    page.goto(reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**" + reverse("admin:index"))


def test_admin_story_forms_work_without_csp_violations(watched_page, story):
    make_user("chief", is_superuser=True, password="a-long-test-password")
    log_in(watched_page, "chief", "a-long-test-password")

    watched_page.goto(reverse("admin:stories_story_change", args=[story.pk]))
    watched_page.wait_for_load_state("load")
    # The rich-text editor loads and takes typing under the policy.
    editor_area = watched_page.locator(".prose-editor [contenteditable=true]")
    editor_area.click()
    watched_page.keyboard.type(" Typed under the policy.")
    assert "Typed under the policy." in editor_area.inner_text()
    watched_page.click("summary:has-text('SEO and sharing')")  # side sections start folded
    assert watched_page.locator("#id_seo_title").is_visible()

    watched_page.goto(reverse("admin:stories_story_add"))
    watched_page.fill("#id_title", "Written under the policy")
    watched_page.locator("#id_summary").click()
    # slug-preview.js asked the server for the slug and filled it: the admin's scripts and
    # their requests (connect-src) run under the policy.
    expect(watched_page.locator("#id_slug")).to_have_value("written-under-the-policy")

    watched_page.goto(reverse("admin:stories_story_changelist"))
    watched_page.wait_for_load_state("load")
    assert watched_page.csp_violations() == []
