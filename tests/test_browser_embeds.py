"""A partner portal on another origin frames a story card, in a real browser."""

import functools
import http.server
import threading

import pytest

from tests.factories import image_upload, make_country, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def partner_portal(tmp_path):
    """A second local web server, on another port and so another origin, serving tmp_path."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_story_card_shows_inside_an_iframe_on_another_origin(browser, live_server, partner_portal):
    make_story(
        "The lake",
        summary="A farmer reads the lake better than any forecast.",
        countries=[make_country("Albania")],
        hero_image=image_upload(),
        hero_image_alt="The lake at dawn",
    )
    folder, portal = partner_portal
    card_url = live_server.url.replace("127.0.0.1", "localhost") + "/embed/stories/the-lake/"
    (folder / "index.html").write_text(
        "<!doctype html><title>Partner</title><h1>News</h1>"
        f'<iframe src="{card_url}" width="560" height="525" title="The lake" '
        'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>'
    )
    context = browser.new_context()
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "frame" in message.text.lower() else None)
    page.goto(f"{portal}/index.html")
    card = page.frame_locator("iframe")
    assert card.locator(".card__title").inner_text() == "The lake"
    assert card.locator(".card__summary").is_visible()
    assert card.locator("img.card__image").evaluate("img => img.complete && img.naturalWidth > 0")
    assert card.locator("a.card").get_attribute("target") == "_blank"
    assert blocked == []
    # The card fills its frame: what the partner sized is what readers see.
    frame_box = page.locator("iframe").bounding_box()
    card_box = card.locator("a.card").bounding_box()
    assert abs(card_box["height"] - frame_box["height"]) < 8
    # A story page of the site itself refuses to be framed there.
    (folder / "story.html").write_text(f'<iframe src="{live_server.url}/stories/the-lake/" title="x"></iframe>')
    page.goto(f"{portal}/story.html")
    page.wait_for_timeout(300)
    assert page.frame_locator("iframe").locator(".story__title").count() == 0
    context.close()
