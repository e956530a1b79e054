"""The words search knows a text or a query by (every script folded to lowercase ASCII)."""

import re

from stories.text import transliterate

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
# Shorter words must match whole words: a one- or two-letter prefix matches half the index.
MIN_PREFIX_LENGTH = 3
# Query syntax people type out of habit; we search for words only.
QUERY_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


_ASCII_WORD_RE = re.compile(r"[a-z0-9]+")
TEXT_WORD_RE = re.compile(r"\w+(?:['’ʼ]\w+)*")
_CONTROL_CHARACTERS_RE = re.compile(r"[\x00-\x1f\x7f]")


def search_words(text: str) -> list[str]:
    """The words search knows `text` by: lowercase ASCII, without diacritics, any script.

    Đ is written "dj" or plain "d" when diacritics are missing, so both fold to "d":
    "Đorđe", "Djordje", "Dorde" and "Ђорђе" all give "dorde".
    """
    return _ASCII_WORD_RE.findall(transliterate(text).replace("dj", "d"))


def clean_query(query: str) -> str:
    """The query as typed, capped in length and without control characters (NUL...)."""
    return " ".join(_CONTROL_CHARACTERS_RE.sub(" ", (query or "")[:MAX_QUERY_LENGTH]).split())


def query_terms(query: str) -> tuple[str, ...]:
    """The distinct words of a query that a story must all contain, at most MAX_QUERY_WORDS."""
    typed = " ".join(part for part in clean_query(query).split() if part not in QUERY_OPERATORS)
    return tuple(dict.fromkeys(search_words(typed)))[:MAX_QUERY_WORDS]


def is_prefix_term(term: str) -> bool:
    # Prefixes stand in for stemming, in languages full of endings: "sarajev" finds Sarajevu.
    return len(term) >= MIN_PREFIX_LENGTH
