"""Front-end weight of the story page: what a phone downloads before it can show the story."""

import gzip
import re
from urllib.parse import urljoin

import brotli
from lxml import html

from tests.bench.server import fetch

# A phone's viewport in CSS pixels and a common device pixel ratio: the hero must offer a
# width that fits it without downloading the desktop image.
PHONE_VIEWPORT_PX = 412
PHONE_PIXEL_RATIO = 2


def compressed_sizes(body):
    return {"raw": len(body), "br": len(brotli.compress(body, quality=11)), "gzip": len(gzip.compress(body, 9))}


def transfer_size(url):
    """Bytes on the wire for a browser that accepts brotli, and the decoded body."""
    status, headers, body = fetch(url, headers={"Accept-Encoding": "br, gzip"})
    if status != 200:
        return 0, b""
    encoding = headers.get("Content-Encoding")
    decoded = brotli.decompress(body) if encoding == "br" else gzip.decompress(body) if encoding == "gzip" else body
    return len(body), decoded


def story_page_weight(base_url, story_path):
    """Sizes and checks of the story page, its stylesheets, scripts and fonts."""
    html_bytes, page = transfer_size(base_url + story_path)
    tree = html.fromstring(page)
    report = {"html": html_bytes, "css": 0, "js": 0, "js_raw": 0, "fonts": 0, "files": []}

    stylesheets = tree.xpath("//link[@rel='stylesheet']")
    blocking = [
        link
        for link in stylesheets
        if link.get("media", "all") in ("all", "screen", "") and link.get("disabled") is None
    ]
    report["render_blocking_stylesheets"] = len(blocking)
    for link in stylesheets:
        url = urljoin(base_url + story_path, link.get("href"))
        size, css = transfer_size(url)
        report["css"] += size
        report["files"].append((link.get("href"), size))
        for font in re.findall(rb"url\(['\"]?([^'\")]+\.(?:woff2?|ttf|otf))", css):
            font_size, _ = transfer_size(urljoin(url, font.decode()))
            report["fonts"] += font_size
            report["files"].append((font.decode(), font_size))
    for script in tree.xpath("//script[@src]"):
        url = urljoin(base_url + story_path, script.get("src"))
        size, body = transfer_size(url)
        report["js"] += size
        report["js_raw"] += len(body)
        report["files"].append((script.get("src"), size))
    report["inline_scripts"] = len(tree.xpath("//script[not(@src)]"))
    report["total"] = report["html"] + report["css"] + report["js"] + report["fonts"]

    hero = tree.cssselect(".story__hero img")
    report["hero_high_priority"] = (
        bool(hero) and hero[0].get("fetchpriority") == "high" and hero[0].get("loading") != "lazy"
    )
    widths = [int(w) for w in re.findall(r"\s(\d+)w", hero[0].get("srcset", ""))] if hero else []
    report["hero_widths"] = widths
    report["hero_fits_phone"] = (
        bool(widths) and min(widths) <= PHONE_VIEWPORT_PX * PHONE_PIXEL_RATIO and bool(hero[0].get("sizes"))
    )
    # The hero is the first image in the main content, so it is the largest thing painted first.
    main_images = tree.cssselect("main img")
    report["hero_is_first_image"] = bool(hero) and bool(main_images) and main_images[0] is hero[0]
    others = [
        img
        for img in tree.xpath("//img")
        if img not in hero and not img.xpath("ancestor::header[contains(@class, 'site-header')]")
    ]
    report["other_images"] = len(others)
    report["other_images_lazy"] = all(img.get("loading") == "lazy" for img in others)
    return report
