"""Page numbers in query strings (?page= on lists and search, ?p= on sitemap sections)."""

import re

# ASCII digits only, no leading zero, at most six: str.isdigit() and int() also accept "²",
# "١" or "０１", which would crash a view or give one page many addresses.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def page_number(text):
    """The page number `text` spells in its one canonical form, or None."""
    if text is None or not PAGE_NUMBER.fullmatch(text):
        return None
    return int(text)
