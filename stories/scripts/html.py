"""A rendered HTML page in one Serbian script: its Serbian text transliterated, nothing else.

The page is read as a stream of tags and text (no tree is built, so a page costs about one
pass of a regular expression). Which text is Serbian follows the `lang` attributes, as a
browser reads them: the page's <html lang>, and the lang of a story card or article inside it.
An element's lang (or translate="no", or <code>) holds up to its own end tag: the pages are
well-formed, as the templates and the sanitiser write them (tests/test_transliteration_walk.py
checks the result against a plain walk of every tag on such pages).

- To Latin (/sr-latn/ pages): every Serbian text (sr, sr-Cyrl, sr-Latn: Latin stays as it is)
  becomes Latin, and Serbian `lang` attributes say sr-Latn.
- To Cyrillic (/sr/ pages): text marked sr-Latn (a story written in Latin) becomes Cyrillic,
  and its `lang` says sr.

Text nodes and human-readable attributes (alt, title, aria-label, placeholder, the page's
description and share texts in <meta content>) change; URLs, class names, ids, other
attributes, <script>, <style>, <code>, <pre>, <kbd>, <samp> and anything an editor marked
translate="no" never do. Macedonian, Russian or English text stays as it is on every page.
"""

import functools
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
# Attribute names in lower case, as the templates and the sanitiser write them. Each pattern starts
# with its name and looks behind only then ("\blang" would be tried at every character, 20x slower).
_LANG_RE = re.compile(r"""lang(?<!\wlang)\s*=\s*["']?([\w-]*)""")
_TRANSLATE_NO_RE = re.compile(r"""translate(?<!\wtranslate)\s*=\s*["']?no\b""")
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


def _element_state(tag_name, attributes, lang_values, parent_state, applies_to):
    """(its language changes, untouched) inside an element, given its parent's."""
    applies, untouched = parent_state
    if lang_values:
        applies = applies_to(lang_values[0])
    untouched = untouched or tag_name in UNTOUCHED_ELEMENTS
    if not untouched and "translate" in attributes:
        untouched = _TRANSLATE_NO_RE.search(attributes) is not None
    return applies, untouched


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
    # The loop runs once per uncached Serbian page, so it looks at as few tags as it can: a
    # regular expression (_quiet_run) steps over text and over the tags that change nothing,
    # and the loop handles the rest. It copies the page in stretches: a stretch is everything
    # since the last tag written out on its own, all in one state, and goes through convert()
    # whole. To Latin that is exact as long as the stretch's tags hold no Cyrillic (letters
    # change one by one, and "<" or ">" ends a word as a text node's edge does). To Cyrillic
    # tag names would change too, so there each tag in converting text stands alone.
    direction = _Direction(direction)
    applies_to, convert, to_latin = direction.applies_to, direction.convert, direction.to_latin
    tags_stand_alone = not to_latin
    new_lang = direction.new_lang
    cyrillic = _CYRILLIC_RE.search
    tag_at = _MARKUP_RE.match
    output = []
    append = output.append
    # The elements in another state than their parent, innermost last, each as [tag name,
    # how many elements of that name are open inside it, state]; a state is (its language
    # changes, untouched), and text converts where the first is true and the second false.
    changed = [["", 0, (False, False)]]
    state, converts = changed[-1][2], False
    quiet_run = _quiet_run(frozenset(), True)
    copied = 0  # the document before this is in output; after it, a stretch in state `converts`
    position = 0
    length = len(document)
    # Where a lang or translate attribute may be: a run stops there, as at a tag that holds one.
    attribute_marks = [*_attribute_marks(document), length]
    next_mark = 0
    while True:
        while attribute_marks[next_mark] < position:
            next_mark += 1
        position = quiet_run(document, position, attribute_marks[next_mark]).end()
        if position >= length:
            break
        if position == attribute_marks[next_mark] and document[position] != "<":  # in text
            next_mark += 1
            continue
        match = tag_at(document, position)
        if match is None:  # a "<" that starts no tag
            position += 1
            continue
        start, position = match.span()
        closing, tag_name, attributes = match.groups()
        if tag_name is None:  # a comment or doctype: as written
            if converts and (tags_stand_alone or cyrillic(match.group())):
                append(convert(document[copied:start]))
                append(match.group())
                copied = position
            continue
        tag_name = tag_name.lower()
        has_cyrillic = attributes and not attributes.isascii() and cyrillic(attributes)
        element_state = state
        if closing:
            for depth in range(len(changed) - 1, 0, -1):
                if changed[depth][0] == tag_name:
                    if changed[depth][1]:
                        changed[depth][1] -= 1
                    else:  # it ends, with whatever it holds
                        del changed[depth:]
                        element_state = changed[-1][2]
                    break
            element_converts = element_state[0] and not element_state[1]
            rewrite = False
        else:
            # More than one value only in broken markup; the first one counts, as in a browser.
            lang_values = _LANG_RE.findall(attributes) if "lang" in attributes else ()
            if lang_values or "translate" in attributes or tag_name in UNTOUCHED_ELEMENTS:
                element_state = _element_state(tag_name, attributes, lang_values, state, applies_to)
            element_converts = element_state[0] and not element_state[1]
            # Rewritten: a Serbian lang not yet in the new script, readable values in converting text.
            rewrite = any(value != new_lang and applies_to(value) for value in lang_values) or (
                element_converts and attributes and (tags_stand_alone or has_cyrillic)
            )
        raw_text = not closing and tag_name in _RAW_TEXT_END
        if rewrite or raw_text or element_converts != converts or (converts and (tags_stand_alone or has_cyrillic)):
            stretch = document[copied:start]
            append(convert(stretch) if converts else stretch)
            if rewrite:
                attributes = _rewrite_attributes(tag_name, attributes, direction, convert_text=element_converts)
                append(f"<{tag_name}{attributes}>")
            else:
                append(match.group())
            copied = position
        if raw_text:
            end = _RAW_TEXT_END[tag_name].search(document, position)
            close = end.start() if end else length
            text = document[position:close]
            if tag_name in ("title", "textarea") and element_converts and direction.may_change(text):
                text = convert(text)
            append(text)
            copied = position = close
            continue
        opens = not closing and tag_name not in VOID_ELEMENTS and not attributes.endswith("/")
        if opens:
            if element_state != state:
                changed.append([tag_name, 0, element_state])
            else:  # counted, so that its end tag is not taken for the end of one of those
                for entry in reversed(changed):
                    if entry[0] == tag_name:
                        entry[1] += 1
                        break
        if element_state != state and (opens or closing):  # an element without content changes nothing
            state, converts = element_state, element_converts
            names = frozenset([entry[0] for entry in changed[1:]])  # noqa: C403 (faster)
            tags = not (converts and tags_stand_alone)
            quiet_run = _quiet_run(names, tags)
    stretch = document[copied:]
    append(convert(stretch) if converts else stretch)
    return "".join(output)


# Attribute text of ASCII only, outside quotes and inside.
_ASCII_ATTRIBUTES = r"""(?:[^>"'\x80-\U0010ffff]++|"[^"\x80-\U0010ffff]*+"|'[^'\x80-\U0010ffff]*+')*+"""
# Two patterns, not one: an alternation has no first letters to skip to (6x slower).
_ATTRIBUTE_MARKS = (re.compile(r"lang(?<!\wlang)\s*="), re.compile(r"translate(?<!\wtranslate)\s*="))


def _attribute_marks(document):
    """Where in `document` a lang or translate attribute may start, in order."""
    return sorted(found.start() for pattern in _ATTRIBUTE_MARKS for found in pattern.finditer(document))


_ALWAYS_LOOKED_AT = UNTOUCHED_ELEMENTS | frozenset(_RAW_TEXT_END)


@functools.lru_cache(maxsize=256)  # a page meets only a few (names, tags)
def _quiet_run(names, tags):
    """`match` of a pattern that steps over text, "<" that starts no tag, and (with `tags`) the
    tags that change nothing: only ASCII in them, and none of `names` (the elements whose end
    matters) or of the elements always looked at; lang and translate attributes are left to the
    match's end position (_attribute_marks). It stops at a "<" the loop must read; the tags it
    steps over are those _MARKUP_RE would read."""
    not_a_tag = r"<(?![a-zA-Z!]|/[a-zA-Z])"
    if tags:
        looked_at = "|".join(sorted(map(re.escape, names | _ALWAYS_LOOKED_AT)))
        quiet_tag = rf"</?(?!(?i:{looked_at})(?![a-zA-Z0-9-]))[a-zA-Z][a-zA-Z0-9-]*+{_ASCII_ATTRIBUTES}>"
        pattern = rf"(?:[^<]++|{not_a_tag}|{quiet_tag})*+"
    else:
        pattern = rf"(?:[^<]++|{not_a_tag})*+"
    return re.compile(pattern).match
