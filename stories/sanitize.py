"""Sanitising of editor-supplied HTML (story and page bodies).

Stored bodies are rendered with |safe, so clean_html() is the security boundary.
It works in three steps:

1. nh3 (Ammonia) parses the input like a browser and keeps a few more tags than we
   publish (b, i, span, h1, divs, table cells...), no comments, and no attributes
   but href/title on links (safe URL schemes only), a reduced style on spans and
   translate="no" (an editor's "do not transliterate", see stories/scripts/html.py).
2. A small rewrite of that already-safe tree maps b, i, h1 and bold or italic spans
   to our tags, turns div-like blocks into paragraphs (so their text doesn't run
   together), drops empty paragraphs and stray <br>s, and adds rel to external links.
3. nh3 runs again with the final allow-list, so what we store is always Ammonia's
   own output, whatever step 2 does.
"""

import re
from html import escape
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = frozenset({"p", "h2", "h3", "h4", "strong", "em", "a", "ul", "ol", "li", "blockquote", "hr", "br"})
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
EXTERNAL_LINK_REL = "noopener noreferrer"

# h1 is the story title on the page, so a body h1 becomes the next level down.
_RENAMED_TAGS = {"h1": "h2", "h5": "h4", "h6": "h4"}
_FORMATTING_TAGS = frozenset({"b", "strong", "i", "em", "span"})
_BOLD_WEIGHTS = frozenset({"bold", "bolder", "600", "700", "800", "900"})
# Block wrappers from pasted pages and documents: one holding only text becomes a
# paragraph, one holding other blocks is unwrapped.
_CONTAINER_TAGS = frozenset(
    {
        "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption",
        "address", "center", "pre", "details", "summary", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    }
)  # fmt: skip
_BLOCK_TAGS = _CONTAINER_TAGS | {"p", "h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS |= {"ul", "ol", "li", "blockquote", "hr"}
_TEXT_BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4"})  # can't hold blocks
_INLINE_TAGS = frozenset({"strong", "em", "a", "span"})
_VOID_TAGS = frozenset({"br", "hr"})
# Removed with their content: code, embedded objects, form controls, and Word's <xml>
# settings, whose text ("Normal", "0", "false"...) is not part of the story.
_DROPPED_TAGS = frozenset(
    {
        "script", "style", "xml", "title", "noscript", "noembed", "noframes", "template",
        "iframe", "object", "applet", "svg", "math", "audio", "video", "canvas", "textarea", "select",
    }
)  # fmt: skip
# Word's "downlevel-revealed" blocks hold fallbacks for features other browsers lack:
# fake list bullets ("·", "1."), doubled <br>s, &nbsp; for empty paragraphs.
_WORD_FALLBACK_RE = re.compile(r"<!\[if\s[^\]]*\]>.*?<!\[endif\]>", re.IGNORECASE | re.DOTALL)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# Browsers drop tabs and newlines anywhere in a URL and C0 controls and spaces at
# its ends, and treat a backslash like a slash.
_URL_IGNORED_RE = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
# Markup nested deeper than any real document is flattened rather than hitting the
# recursion limit in the rewrite.
_MAX_DEPTH = 64
_MAX_ROUNDS = 4
_WHITESPACE_RE = re.compile(r"\s+")
_BLOCK_SEPARATOR_TAGS = _BLOCK_TAGS | {"br", "body", "html", "head"}

_common_options = {
    "clean_content_tags": set(_DROPPED_TAGS),
    # Also removes <!--[if gte mso 9]> conditional comments, with their content.
    "strip_comments": True,
    "url_schemes": set(ALLOWED_URL_SCHEMES),
    "link_rel": None,  # added only to external links, in _rewrite()
}


def _keep_emphasis(element, attribute, value):
    """nh3 attribute filter: reduce a style to the bold and italic it sets."""
    if attribute != "style":
        return value
    settings = []
    for declaration in value.lower().split(";"):
        name, _, setting = declaration.partition(":")
        name, setting = name.strip(), setting.replace("!important", "").strip()
        if name == "font-weight":
            settings.append("font-weight:bold" if setting in _BOLD_WEIGHTS else "font-weight:normal")
        elif name == "font-style" and setting.startswith(("italic", "oblique")):
            settings.append("font-style:italic")
    return ";".join(settings) or None


_first_pass = nh3.Cleaner(
    tags=set(ALLOWED_TAGS | _RENAMED_TAGS.keys() | _CONTAINER_TAGS | _FORMATTING_TAGS),
    # Google Docs marks bold and italic with styled spans, and wraps a whole paste in
    # <b style="font-weight:normal">; _keep_emphasis() keeps just enough to tell.
    attributes={"a": {"href", "title"}, "span": {"style"}, "b": {"style"}},
    tag_attribute_values={"span": {"translate": {"no"}}},
    attribute_filter=_keep_emphasis,
    **_common_options,
)
_final_pass = nh3.Cleaner(
    tags=set(ALLOWED_TAGS | {"span"}),
    attributes={"a": {"href", "title"}},
    # rel passes with this exact value only, the one _rewrite() sets; the first pass
    # has already removed any rel the input brought. A span is kept only to say
    # translate="no" (_rewrite() drops every other).
    tag_attribute_values={"a": {"rel": {EXTERNAL_LINK_REL}}, "span": {"translate": {"no"}}},
    **_common_options,
)


def clean_html(html: str) -> str:
    """Return `html` reduced to our allow-list; "" if it has no visible text."""
    cleaned = _clean_once(_WORD_FALLBACK_RE.sub("", html or ""))
    # A parser can read a rewritten tree back differently (a heading left inside a
    # heading is split in two), so clean again until nothing changes: cleaning clean
    # HTML must give it back as it is.
    for _ in range(_MAX_ROUNDS):
        again = _clean_once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def _clean_once(html):
    nodes = _tidy_between_blocks(_rewrite(_parse(_first_pass.clean(html)), inside_text_block=False))
    if _is_blank(nodes):
        return ""
    _trim_edges(nodes)
    return _final_pass.clean(_serialise(nodes))


def html_to_text(html: str) -> str:
    """Return the text of `html`: a line per block, entities decoded."""
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _Element:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag, attrs, children=None):
        self.tag = tag
        self.attrs = attrs
        self.children = children if children is not None else []


class _TreeBuilder(HTMLParser):
    """Builds a tree from nh3's output, which is well-formed: a plain stack will do."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Element("", [])
        self.stack = [self.root]
        # Open elements below _MAX_DEPTH, flattened into their ancestor.
        self.skipped = 0

    def handle_starttag(self, tag, attrs):
        element = _Element(tag, [(name, value or "") for name, value in attrs])
        if tag in _VOID_TAGS:
            self.stack[-1].children.append(element)
        elif len(self.stack) > _MAX_DEPTH:
            self.skipped += 1
        else:
            self.stack[-1].children.append(element)
            self.stack.append(element)

    def handle_endtag(self, tag):
        if tag in _VOID_TAGS:
            return
        if self.skipped:
            self.skipped -= 1
        elif len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def _parse(html):
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root.children


def _rewrite(nodes, inside_text_block):
    """Map the first pass's tree to our tags; see the module docstring."""
    result = []
    for node in nodes:
        if isinstance(node, str):
            result.append(node)
        elif node.tag in _VOID_TAGS:
            result.append(_Element(node.tag, []))
        elif node.tag in _CONTAINER_TAGS or (inside_text_block and node.tag in _BLOCK_TAGS):
            result.extend(_rewrite_container(node, inside_text_block))
        elif node.tag in _FORMATTING_TAGS:
            result.extend(_rewrite_formatting(node, inside_text_block))
        elif node.tag == "a":
            result.extend(_rewrite_link(node, inside_text_block))
        else:
            tag = _RENAMED_TAGS.get(node.tag, node.tag)
            if tag in _TEXT_BLOCK_TAGS:
                children = _rewrite(node.children, inside_text_block=True)
            else:
                children = _tidy_between_blocks(_rewrite(node.children, inside_text_block))
            result.extend(_wrap(tag, [], children))
    return _merge_text(result)


def _rewrite_container(node, inside_text_block):
    if inside_text_block:
        # A block in a paragraph or heading (the parser allows some) is flattened into
        # its line of text, with spaces to keep the words apart.
        return [" ", *_rewrite(node.children, inside_text_block), " "]
    if _has_block(node.children):
        return _rewrite(node.children, inside_text_block)
    return _wrap("p", [], _rewrite(node.children, inside_text_block=True))


def _rewrite_formatting(node, inside_text_block):
    style = dict(node.attrs).get("style", "")
    is_bold = "font-weight:bold" in style or (node.tag in {"b", "strong"} and "font-weight:normal" not in style)
    is_italic = "font-style:italic" in style or node.tag in {"i", "em"}
    children = _rewrite(node.children, inside_text_block)
    if is_italic:
        children = _wrap("em", [], children)
    if is_bold:
        children = _wrap("strong", [], children)
    if node.tag == "span" and ("translate", "no") in node.attrs:
        children = _wrap("span", [("translate", "no")], children)
    return children


def _rewrite_link(node, inside_text_block):
    children = _rewrite(node.children, inside_text_block)
    attrs = node.attrs
    href = dict(attrs).get("href", "").strip()
    if not href:  # bookmarks (<a name>) and links whose URL nh3 removed
        return children
    if _is_external(href):
        attrs = [*attrs, ("rel", EXTERNAL_LINK_REL)]
    return _wrap("a", attrs, children)


def _wrap(tag, attrs, children):
    """Return `children` in a new `tag`, or without it if they show no text."""
    if not _is_blank(children):
        return [_Element(tag, attrs, children)]
    # An empty inline element may hold the space between two words; a block goes.
    return children if tag in _INLINE_TAGS else []


def _tidy_between_blocks(nodes):
    """Drop <br>s and blank text with only blocks around them.

    Google Docs puts a <br> after each paragraph, and dropped empty paragraphs leave
    their line breaks behind.
    """
    nodes = [
        node
        for node, is_between in zip(nodes, _between_blocks(nodes), strict=True)
        if not (is_between and isinstance(node, _Element) and node.tag == "br")
    ]
    nodes = _merge_text(nodes)
    return [
        "\n" if is_between and isinstance(node, str) and _is_blank([node]) else node
        for node, is_between in zip(nodes, _between_blocks(nodes), strict=True)
    ]


def _between_blocks(nodes):
    """Flag each node with only blocks, <br>s and blank text on both sides of it."""

    def open_towards_block(sequence):
        flags, is_open = [], True
        for node in sequence:
            flags.append(is_open)
            if isinstance(node, str):
                is_open = is_open and _is_blank([node])
            elif node.tag in _BLOCK_TAGS:
                is_open = True
            elif node.tag != "br":
                is_open = False
        return flags

    before = open_towards_block(nodes)
    after = open_towards_block(reversed(nodes))[::-1]
    return [is_open and after[index] for index, is_open in enumerate(before)]


def _merge_text(nodes):
    """Join neighbouring strings, as a parser would, so the edges can be trimmed."""
    merged = []
    for node in nodes:
        if isinstance(node, str) and merged and isinstance(merged[-1], str):
            merged[-1] += node
        else:
            merged.append(node)
    return merged


def _has_block(nodes):
    return any(isinstance(node, _Element) and (node.tag in _BLOCK_TAGS or _has_block(node.children)) for node in nodes)


def _is_blank(nodes):
    """True if `nodes` hold no visible text (<br> and <hr> alone don't count)."""
    for node in nodes:
        if isinstance(node, str):
            if node.translate(_ZERO_WIDTH).strip():
                return False
        elif not _is_blank(node.children):
            return False
    return True


def _trim_edges(nodes):
    if nodes and isinstance(nodes[0], str):
        nodes[0] = nodes[0].lstrip()
    if nodes and isinstance(nodes[-1], str):
        nodes[-1] = nodes[-1].rstrip()


def _is_external(href):
    url = _URL_IGNORED_RE.sub("", href).strip(_C0_AND_SPACE)
    url = url.replace("\\", "/").lower()
    return url.startswith(("http:", "https:", "//"))


def _serialise(nodes):
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(escape(node, quote=False))
            continue
        attrs = "".join(f' {name}="{escape(value)}"' for name, value in node.attrs)
        parts.append(f"<{node.tag}{attrs}>")
        if node.tag not in _VOID_TAGS:
            parts.append(f"{_serialise(node.children)}</{node.tag}>")
    return "".join(parts)


class _TextExtractor(HTMLParser):
    """Collects text, a newline at each block edge; skips code and embedded objects."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = None  # the dropped tag we are inside, if any
        self.depth = 0  # how deep, counting only that tag

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            self.depth += tag == self.skipping
        elif tag in _DROPPED_TAGS:
            self.skipping, self.depth = tag, 1
        elif tag in _BLOCK_SEPARATOR_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if not self.skipping and tag in _BLOCK_SEPARATOR_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.skipping:
            self.depth -= tag == self.skipping
            if not self.depth:
                self.skipping = None
        elif tag in _BLOCK_SEPARATOR_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            # Line breaks in the source are spaces; only blocks and <br>s start lines.
            self.parts.append(_WHITESPACE_RE.sub(" ", data))
