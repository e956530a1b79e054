"""Every Serbian HTML page in its reader's script, before the page cache stores it: a cached
page costs nothing more, and only an uncached render pays for the transliteration."""

from django.utils.translation import get_language

from stories.scripts import CYRILLIC, LATIN
from stories.scripts.html import TO_CYRILLIC, TO_LATIN, transliterate_html

DIRECTIONS = {LATIN: TO_LATIN, CYRILLIC: TO_CYRILLIC}
# What a /sr/ page must contain for anything on it to be Latin Serbian (see stories/scripts/html.py).
LATIN_MARK = b'lang="sr-latn"'


def needs_transliteration(response, language):
    if language not in DIRECTIONS or response.streaming or response.has_header("Content-Encoding"):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # A Cyrillic page needs work only where a Latin story shows (its lang says so).
    return language == LATIN or LATIN_MARK in response.content.lower()


def script_middleware(get_response):
    def middleware(request):
        response = get_response(request)
        language = get_language()
        if needs_transliteration(response, language):
            charset = response.charset or "utf-8"
            response.content = transliterate_html(response.content.decode(charset), DIRECTIONS[language]).encode(
                charset
            )
        return response

    return middleware
