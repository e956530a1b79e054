"""Serbian in both scripts, written once.

A Serbian story or interface string exists in one script; readers of /sr/… get Cyrillic and
readers of /sr-latn/… Latin, made here by transliteration: serbian.py has the letter rules,
html.py applies them to rendered pages (text and human-readable attributes, never URLs,
names of things or code), middleware.py to every Serbian page before the page cache keeps
it. Feeds, JSON-LD and share cards call in_reader_script() on their texts.
"""

import functools

from django.utils.translation import get_language

from stories.scripts.serbian import to_cyrillic, to_latin

LATIN = "sr-latn"
CYRILLIC = "sr"
SERBIAN = frozenset({CYRILLIC, LATIN})


@functools.lru_cache(maxsize=64)  # a page asks about its few language codes once per tag
def is_serbian(language):
    return (language or "").lower().split("-")[0] == "sr"


@functools.lru_cache(maxsize=64)
def is_latin_tag(language):
    return (language or "").lower() in ("sr-latn", "sr-latn-rs")


def in_reader_script(text, text_language, reader_language=None):
    """`text`, written in `text_language`, in the script of the reader's page: Serbian
    Cyrillic on /sr-latn/ pages becomes Latin, Serbian Latin on /sr/ pages Cyrillic; any other
    text, on any other page, stays as it is."""
    reader_language = reader_language or get_language()
    if not text or reader_language not in SERBIAN or not is_serbian(text_language):
        return text
    if reader_language == LATIN:
        return to_latin(text)
    return to_cyrillic(text) if is_latin_tag(text_language) else text


def reader_language_code(text_language, reader_language=None):
    """The language code of Serbian text once it is in the reader's script; others unchanged."""
    reader_language = reader_language or get_language()
    if reader_language in SERBIAN and is_serbian(text_language):
        return reader_language
    return text_language


# JSON-LD keys whose values are names of things (types, addresses, dates, codes), not text.
JSON_LD_IDENTIFIERS = frozenset(
    {"@context", "@type", "@id", "url", "urlTemplate", "item", "image", "logo", "inLanguage", "datePublished"}
    | {"dateModified", "query-input", "sameAs"}
)


def json_ld_in_reader_script(data, reader_language=None, text_language=None):
    """schema.org `data` with its Serbian text values in the reader's script: each object's
    inLanguage (else its parent's, else the page's) says what its text is written in."""
    from balkanoscope.languages import language_tag

    reader_language = reader_language or get_language()
    if reader_language not in SERBIAN:
        return data
    if isinstance(data, list):
        return [json_ld_in_reader_script(item, reader_language, text_language) for item in data]
    if not isinstance(data, dict):
        return data
    text_language = data.get("inLanguage", text_language or reader_language)
    converted = {}
    for key, value in data.items():
        if key == "inLanguage" and is_serbian(value):
            converted[key] = language_tag(reader_language)
        elif key in JSON_LD_IDENTIFIERS:
            converted[key] = value
        elif isinstance(value, str):
            converted[key] = in_reader_script(value, text_language, reader_language)
        else:
            converted[key] = json_ld_in_reader_script(value, reader_language, text_language)
    return converted
