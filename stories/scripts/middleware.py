"""Every Serbian HTML page in its reader's script, before the page cache stores it: a cached
page costs nothing more, and only an uncached render pays for the transliteration."""

import re

from django.utils.translation import get_language

from stories.scripts import CYRILLIC, LATIN
from stories.scripts.html import TO_CYRILLIC, TO_LATIN, transliterate_html

DIRECTIONS = {LATIN: TO_LATIN, CYRILLIC: TO_CYRILLIC}
# What a /sr/ page must contain for anything on it to be Latin Serbian (see stories/scripts/html.py):
# a lang attribute (not hreflang) saying sr-Latn on something that may change (not the switcher's
# translate="no" links).
LATIN_MARK = re.compile(rb"""\slang=["']sr-latn["'](?!\s+translate=["']no)""", re.IGNORECASE)


def needs_transliteration(response, language):
    if language not in DIRECTIONS or response.streaming or response.has_header("Content-Encoding"):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # A Cyrillic page needs work only where a Latin story shows (its lang says so).
    return language == LATIN or LATIN_MARK.search(response.content) is not None


def script_middleware(get_response):
    def middleware(request):
        response = get_response(request)
        language = get_language()
        if needs_transliteration(response, language):
            charset = response.charset or "utf-8"
            response.content = transliterate_html(response.content.decode(charset), DIRECTIONS[language]).encode(
                charset
            )
            # CommonMiddleware measured the page before: Latin letters take fewer bytes than
            # Cyrillic, and a stale length leaves a browser waiting for the rest (pages the page
            # cache does not store, such as an editor's, keep that header).
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response

    return middleware
