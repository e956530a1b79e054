"""A rendered HTML page in one Serbian script: its Serbian text transliterated, nothing else.

The page is read as a stream of tags and text (no tree is built, so a page costs about one
pass of a regular expression). Which text is Serbian follows the `lang` attributes, as a
browser reads them: the page's <html lang>, and the lang of a story card or article inside it.

- To Latin (/sr-latn/ pages): every Serbian text (sr, sr-Cyrl, sr-Latn: Latin stays as it is)
  becomes Latin, and Serbian `lang` attributes say sr-Latn.
- To Cyrillic (/sr/ pages): text marked sr-Latn (a story written in Latin) becomes Cyrillic,
  and its `lang` says sr.

Text nodes and human-readable attributes (alt, title, aria-label, placeholder, the page's
description and share texts in <meta content>) change; URLs, class names, ids, other
attributes, <script>, <style>, <code>, <pre>, <kbd>, <samp> and anything an editor marked
translate="no" never do. Macedonian, Russian or English text stays as it is on every page.
"""

import re

from stories.scripts import is_latin_tag, is_serbian
from stories.scripts.serbian import to_cyrillic, to_latin

TO_LATIN = "latin"
TO_CYRILLIC = "cyrillic"

# Tags, comments and doctype; attribute values may hold ">" only inside quotes.
_MARKUP_RE = re.compile(
    r"<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
_ATTRIBUTE_RE = re.compile(r"""([^\s=/>"']+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_CYRILLIC_RE = re.compile("[Ѐ-ӿ]")
_LANG_RE = re.compile(r"""\blang\s*=\s*["']?([\w-]*)""", re.IGNORECASE)
_TRANSLATE_NO_RE = re.compile(r"""\btranslate\s*=\s*["']?no\b""", re.IGNORECASE)
_META_NAME_RE = re.compile(r"""\b(?:name|property)\s*=\s*["']([^"']*)""", re.IGNORECASE)

VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Elements whose content is text up to their closing tag, never tags.
_RAW_TEXT_END = {name: re.compile(rf"</{name}", re.IGNORECASE) for name in ("script", "style", "textarea", "title")}
UNTOUCHED_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp"})
TEXT_ATTRIBUTES = frozenset(
    {
        "alt", "title", "aria-label", "aria-description", "aria-roledescription", "placeholder", "label",
        # The share and sidebar buttons' messages, which site.js shows.
        "data-label-hide", "data-label-show", "data-copied-message", "data-selected-message",
    }
)  # fmt: skip
# <meta> elements whose content people read: in search results, on shared links.
TEXT_META = frozenset(
    {
        "description", "og:title", "og:description", "og:image:alt", "og:site_name", "article:section",
        "article:tag", "twitter:title", "twitter:description", "twitter:image:alt",
    }
)  # fmt: skip


class _Direction:
    def __init__(self, direction):
        self.to_latin = direction == TO_LATIN
        self.convert = to_latin if self.to_latin else to_cyrillic
        self.new_lang = "sr-Latn" if self.to_latin else "sr"

    def applies_to(self, language):
        """Whether text in `language` changes in this direction."""
        return is_serbian(language) if self.to_latin else is_latin_tag(language)

    def may_change(self, text):
        # Latin text has nothing to give to_latin(): skip it without a look at each word.
        return not self.to_latin or _CYRILLIC_RE.search(text) is not None


def _element_state(tag_name, attributes, parent_language, parent_untouched):
    """(language, untouched) inside an element, given its parent's."""
    language = parent_language
    if "lang" in attributes:
        found = _LANG_RE.search(attributes)
        if found:
            language = found.group(1)
    untouched = parent_untouched or tag_name in UNTOUCHED_ELEMENTS
    if not untouched and "translate" in attributes and _TRANSLATE_NO_RE.search(attributes):
        untouched = True
    return language, untouched


def _rewrite_attributes(tag_name, attributes, direction, *, convert_text):
    """The attribute string with readable values transliterated (when `convert_text`) and a
    Serbian lang attribute naming the new script."""
    meta_is_text = False
    if tag_name == "meta":
        name = _META_NAME_RE.search(attributes)
        meta_is_text = name is not None and name.group(1).lower() in TEXT_META

    def rewrite(match):
        name, assignment = match.group(1), match.group(2)
        if assignment is None:
            return match.group()
        value = match.group(3) if match.group(3) is not None else match.group(4) or match.group(5) or ""
        lowered = name.lower()
        quote = "'" if match.group(4) is not None else '"'  # the value may hold the other quote
        if lowered == "lang" and direction.applies_to(value):
            return f"{name}={quote}{direction.new_lang}{quote}"
        is_text = lowered in TEXT_ATTRIBUTES or (meta_is_text and lowered == "content")
        if convert_text and is_text and direction.may_change(value):
            return f"{name}={quote}{direction.convert(value)}{quote}"
        return match.group()

    return _ATTRIBUTE_RE.sub(rewrite, attributes)


def transliterate_html(document: str, direction: str) -> str:
    """`document` with its Serbian text in one script (TO_LATIN or TO_CYRILLIC), as the
    module's docstring says."""
    # One pass over the tags with the state of the innermost open element at hand; the loop
    # runs once per tag of every uncached Serbian page, so it keeps to local names.
    direction = _Direction(direction)
    applies_to, convert, to_latin = direction.applies_to, direction.convert, direction.to_latin
    cyrillic = _CYRILLIC_RE.search
    next_markup = _MARKUP_RE.search
    output = []
    append = output.append
    # One entry per open element: (tag name, language, untouched, its text converts).
    stack = [("", None, False, False)]
    _, language, untouched, converts = stack[-1]
    position = 0
    length = len(document)
    while position < length:
        match = next_markup(document, position)
        end_of_text = match.start() if match else length
        if end_of_text > position:
            text = document[position:end_of_text]
            if converts and (not to_latin or cyrillic(text)):
                text = convert(text)
            append(text)
        if match is None:
            break
        closing, tag_name, attributes = match.group(1, 2, 3)
        position = match.end()
        if tag_name is None:  # a comment or doctype
            append(match.group())
            continue
        tag_name = tag_name.lower()
        if closing:
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth][0] == tag_name:
                    del stack[depth:]
                    _, language, untouched, converts = stack[-1]
                    break
            append(match.group())
            continue
        if attributes or tag_name in UNTOUCHED_ELEMENTS:
            element_language, element_untouched = _element_state(tag_name, attributes, language, untouched)
            element_converts = not element_untouched and applies_to(element_language)
        else:
            element_language, element_untouched, element_converts = language, untouched, converts
        if attributes and ("lang" in attributes or (element_converts and (not to_latin or cyrillic(attributes)))):
            append(f"<{tag_name}{_rewrite_attributes(tag_name, attributes, direction, convert_text=element_converts)}>")
        else:
            append(match.group())
        if tag_name in _RAW_TEXT_END:
            end = _RAW_TEXT_END[tag_name].search(document, position)
            close = end.start() if end else length
            text = document[position:close]
            if tag_name in ("title", "textarea") and element_converts and direction.may_change(text):
                text = convert(text)
            append(text)
            position = close
            continue
        if tag_name not in VOID_ELEMENTS and not attributes.endswith("/"):
            language, untouched, converts = element_language, element_untouched, element_converts
            stack.append((tag_name, language, untouched, converts))
    return "".join(output)
