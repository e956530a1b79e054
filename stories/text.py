"""Slugs and reading time for stories."""

import math
import re
import unicodedata

from stories.sanitize import html_to_text

# Serbian and Macedonian Cyrillic get the spelling of Serbian Latin without its
# diacritics, so "Жарко" and "Žarko" share the slug "zarko". Đ/đ has no base letter
# to fall back to: "dj" is how it is written without diacritics (Djordje, Djokovic).
# Serbian џ (dž) gives "dz"; Macedonian ѓ, ќ, ѕ take the ASCII letters of their
# official romanisation (gj, kj, dz). Other Cyrillic letters follow the same j-based
# spelling. Everything else (č, ć, š, ž, Albanian ç and ë...) loses its marks in NFKD.
_TRANSLITERATION = str.maketrans(
    {
        # Serbian Cyrillic.
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e",
        "ж": "z", "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj",
        "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c",
        "џ": "dz", "ш": "s",
        # Macedonian letters not in Serbian.
        "ѓ": "gj", "ѕ": "dz", "ќ": "kj",
        # Russian, Bulgarian and Ukrainian letters, for names and quotations.
        "ё": "e", "й": "j", "щ": "sc", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "ju", "я": "ja", "є": "je", "і": "i", "ї": "ji", "ґ": "g",
        # Latin letters NFKD leaves alone; "Ð" is often typed for its look-alike "Đ".
        "đ": "dj", "ð": "dj", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe",
        "ı": "i", "þ": "th",
        # Apostrophes join a word instead of splitting it ("Tito's" → "titos").
        "'": "", "’": "", "ʼ": "", "`": "",
    }
)  # fmt: skip
_SEPARATORS_RE = re.compile(r"[^a-z0-9]+")


def transliterate(value: str) -> str:
    """Return `value` in lowercase, Latin letters without diacritics ("Ђорђе" → "djordje").

    Characters it cannot spell stay as they are; slugs and search treat them as separators.
    """
    # NFC first, so that a decomposed "г" + accent is "ѓ" when the table sees it.
    text = unicodedata.normalize("NFC", value or "").lower()
    # ASCII spells itself, apostrophes aside: only the stretches around other characters go
    # through the table, NFKD and the marks (the footnote check reads whole pages).
    text = _NON_ASCII_STRETCH.sub(lambda stretch: _spelled(stretch.group()), text)
    return text.replace("'", "").replace("`", "").lower()


# A non-ASCII character, and the next ones as long as fewer than 20 ASCII characters part them:
# a Cyrillic paragraph is one stretch, an English page's few curly quotes a handful.
_NON_ASCII_STRETCH = re.compile(r"[^\x00-\x7f](?:[\x00-\x7f]{0,20}[^\x00-\x7f])*")

# The combining marks of the Basic Multilingual Plane, for one str.translate.
_BMP_COMBINING_MARKS = dict.fromkeys(code for code in range(0x10000) if unicodedata.combining(chr(code)))


def _spelled(stretch):
    text = unicodedata.normalize("NFKD", stretch.translate(_TRANSLITERATION)).translate(_BMP_COMBINING_MARKS)
    if max(text, default="") <= "\uffff":
        return text
    return "".join(char for char in text if not unicodedata.combining(char))  # marks beyond the BMP


def slugify_transliterated(value: str, max_length: int = 200) -> str:
    """Return an ASCII slug of `value`; "" if it has no letters or digits to spell."""
    # Any other character (a dash, an emoji, a letter we can't spell) separates words.
    slug = _SEPARATORS_RE.sub("-", transliterate(value)).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    # Cut at the last word boundary, unless that would lose over half the length.
    boundary = cut.rfind("-")
    if boundary > max_length // 2:
        return cut[:boundary]
    return cut[:max_length].rstrip("-")


WORDS_PER_MINUTE = 200  # the story screen counts with the same pace while the editor types


def reading_time_minutes(html: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Return the minutes needed to read `html`, rounded up, at least 1."""
    words = len(html_to_text(html).split())
    return max(1, math.ceil(words / words_per_minute))
