"""Reading offline: the service worker's script and settings, the manifest, the offline page."""

import json
import re

import pytest
from lxml import html

pytestmark = pytest.mark.django_db


def worker_config(response):
    return json.loads(re.match(r"var CONFIG = (\{.*?\});\n", response.content.decode()).group(1))


def test_service_worker_is_served_from_the_root_with_the_sites_paths(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    config = worker_config(response)
    assert config["offlinePage"] == "/offline/"
    assert config["staticUrl"] == "/static/" and config["mediaUrl"] == "/media/"
    assert set(config["neverCache"]) >= {"/admin/", "/preview/", "/search/", "/oembed/", "/embed/stories/", "/sw.js"}
    assert 'addEventListener("fetch"' in response.content.decode()


def test_service_worker_is_its_own_script_allowed_by_the_pages_policy(client):
    page = client.get("/")
    assert "script-src 'self'" in page["Content-Security-Policy"]
    manifest = html.fromstring(page.content).xpath("//head/link[@rel='manifest']")[0]
    assert manifest.get("href") == "/manifest.webmanifest"
    assert manifest.get("data-service-worker") == "/sw.js"


def test_manifest_names_the_site_and_its_start(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert (manifest["name"], manifest["start_url"], manifest["display"]) == ("Balkanoscope", "/", "standalone")
    assert manifest["icons"][0]["src"].endswith(".svg")


def test_offline_page_explains_and_offers_to_clear_saved_stories(client):
    tree = html.fromstring(client.get("/offline/").content)
    assert tree.cssselect("h1")[0].text_content() == "Saved stories"
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex, follow"]
    box = tree.cssselect("[data-offline-page]")[0]
    assert (box.get("data-story-prefix"), box.get("data-offline-url")) == ("/stories/", "/offline/")
    assert tree.cssselect("button[data-clear-saved][hidden]")  # shown by site.js where it can work
