"""The page transliteration's shortcuts change nothing: stepping over quiet tags, converting
whole stretches and the table-driven letters give what a plain walk gives, tag by tag and text
node by text node, on any well-formed page (Hypothesis writes them) and on the site's own."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stories.scripts import middleware, serbian
from stories.scripts.html import (
    _RAW_TEXT_END,
    TO_CYRILLIC,
    TO_LATIN,
    UNTOUCHED_ELEMENTS,
    VOID_ELEMENTS,
    _Direction,
    _rewrite_attributes,
    transliterate_html,
)
from stories.scripts.serbian import to_latin
from tests.factories import make_country, make_story
from tests.hypothesis_profiles import examples

# --- The reference: letters with str.translate, pages one tag at a time ------------------

ALL_CAPS_DIGRAPH = re.compile(r"[ЉЊЏ](?=[^\W\d_a-zа-џ])|(?<=[^\W\d_a-zа-џ])[ЉЊЏ](?![^\W\d_])")
TAG = re.compile(r"<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)
LANG = re.compile(r"""(?<![\w])lang\s*=\s*["']?([\w-]*)""")
TRANSLATE_NO = re.compile(r"""(?<![\w])translate\s*=\s*["']?no\b""")


def reference_to_latin(text):
    text = ALL_CAPS_DIGRAPH.sub(lambda match: {"Љ": "LJ", "Њ": "NJ", "Џ": "DŽ"}[match.group()], text)
    return text.translate(serbian._CYRILLIC_TO_LATIN)


def reference_transliteration(document, direction):
    """The same rules, read the plain way: every tag on a stack, every text node on its own."""
    direction = _Direction(direction)
    convert = reference_to_latin if direction.to_latin else serbian.to_cyrillic
    stack = [("", None, False)]  # (tag name, language, untouched)
    output, position = [], 0

    def converts():
        _, language, untouched = stack[-1]
        return not untouched and direction.applies_to(language)

    while (match := TAG.search(document, position)) is not None:
        text = document[position : match.start()]
        output.append(convert(text) if converts() else text)
        position = match.end()
        closing, name, attributes = match.groups()
        if name is None:
            output.append(match.group())
            continue
        name = name.lower()
        if closing:
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth][0] == name:
                    del stack[depth:]
                    break
            output.append(match.group())
            continue
        _, language, untouched = stack[-1]
        if found := LANG.search(attributes):
            language = found.group(1)
        untouched = untouched or name in UNTOUCHED_ELEMENTS or TRANSLATE_NO.search(attributes) is not None
        element_converts = not untouched and direction.applies_to(language)
        rewritten = _rewrite_attributes(name, attributes, direction, convert_text=element_converts)
        output.append(match.group() if rewritten == attributes else f"<{name}{rewritten}>")
        if name in _RAW_TEXT_END:
            end = _RAW_TEXT_END[name].search(document, position)
            close = end.start() if end else len(document)
            text = document[position:close]
            output.append(convert(text) if name in ("title", "textarea") and element_converts else text)
            position = close
        elif name not in VOID_ELEMENTS and not attributes.endswith("/"):
            stack.append((name, language, untouched))
    text = document[position:]
    output.append(convert(text) if converts() else text)
    return "".join(output)


# --- Letters ------------------------------------------------------------------------------

LETTERS = "".join(map(chr, serbian._CYRILLIC_TO_LATIN))
# Letters of both scripts, capitals and small, and characters the letter table does not carry
# (Macedonian ѓ, an emoji, a symbol, a noncharacter), which must come through unchanged.
MIXED = LETTERS + "ЉЊЏљњџ aAzZ_1٣²čćĆđ.,-„”ѓќ⌘😀\ufffe\x00<>&\"'"


@given(st.text(alphabet=MIXED, max_size=60))
def test_to_latin_is_str_translate_with_the_all_capitals_rule(text):
    assert to_latin(text) == reference_to_latin(text)


def test_to_latin_of_a_whole_page_with_characters_outside_the_table():
    page = "<p>ЉУБАВ и ЊЕГОШ ⌘ Џемпер 😀 Ђорђе, Ѓорѓи</p>" * 200
    assert to_latin(page) == reference_to_latin(page)


# --- Pages --------------------------------------------------------------------------------

WORDS = ["Љубав", "ЉУБАВ", "ЊЕГОШ", "Џ", "džep", "LJUBAV", "nadživeti", "Београд", "iPhone", "Скопје",
         "https://пример.срб/а", "a@b.rs", "&amp;", "&lt;b&gt;", "&#1033;", " ", "BBC", "x > y", "Ћ"]  # fmt: skip
NAMES = ["div", "p", "span", "a", "b", "code", "pre", "em", "article", "li", "ul", "section", "nav"]
ATTRIBUTES = ['lang="sr"', 'lang="sr-Latn"', 'lang="mk"', 'lang="en"', "lang='sr-Cyrl'", 'translate="no"',
              'title="Наслов"', 'title="Naslov"', 'alt="Река"', 'class="river Река"', 'href="/sr/приче/"',
              'hreflang="sr"', 'class="language-switcher"', 'data-label-show="Прикажи"', 'x="a>b"', "lang=sr",
              'data-lang="sr"', 'aria-label="Latin ljubav"']  # fmt: skip
LEAVES = ["<img alt='Река' src='/а.jpg'>", "<br>", '<meta name="description" content="Опис">',
          '<meta property="og:url" content="http://x/а">', "<input placeholder='Тражи' />", "<!-- Коментар -->",
          "<script>var a = '<b title=\"Р\">Љ';</script>", "<title>Наслов Ljubav</title>", "<style>.а{}</style>",
          "<textarea>Текст</textarea>", '<div lang="mk"/>']  # fmt: skip


def elements(children):
    return st.builds(
        lambda name, attributes, inside: f"<{name}{''.join(' ' + a for a in attributes)}>{''.join(inside)}</{name}>",
        st.sampled_from(NAMES),
        st.lists(st.sampled_from(ATTRIBUTES), max_size=2),
        st.lists(children, max_size=4),
    )


FRAGMENTS = st.recursive(st.sampled_from(WORDS) | st.sampled_from(LEAVES), elements, max_leaves=30)
ROOTS = st.sampled_from(['<html lang="sr">', '<html lang="sr-Latn">', '<html lang="en">', "<html>"])


@settings(max_examples=examples(300))
@given(ROOTS, st.lists(FRAGMENTS, max_size=6), st.sampled_from([TO_LATIN, TO_CYRILLIC]))
def test_a_well_formed_page_comes_out_as_a_plain_walk_makes_it(root, fragments, direction):
    document = f"<!doctype html>{root}{''.join(fragments)}</html>"
    assert transliterate_html(document, direction) == reference_transliteration(document, direction)


@pytest.fixture
def rendered_serbian_pages(client, db, monkeypatch, settings):
    """The site's Serbian pages as rendered, before the script middleware changes them: a story
    written in Cyrillic, one in Latin, one in Macedonian, with their lists, search and feeds."""
    settings.PAGE_CACHE = False
    serbia = make_country("Србија")
    stories = [
        make_story("Река која памти", summary="ЉУБАВ и Џеп.", body=STORY_BODY, language="sr", countries=[serbia]),
        make_story("Voda za Bor", summary="Reka i ljudi.", body="<p>Đorđe pije vodu.</p>", language="sr-latn"),
        make_story("Вода за Скопје", summary="Ѓорѓи.", language="mk", countries=[serbia]),
    ]
    rendered = []
    monkeypatch.setattr(
        middleware, "transliterate_html", lambda document, direction: rendered.append(document) or document
    )
    paths = [
        "/",
        "/stories/",
        "/search/?q=река",
        serbia.get_absolute_url(),
        *(story.get_absolute_url() for story in stories),
    ]
    pages = []
    for prefix in ("/sr", "/sr-latn"):
        for path in paths:
            rendered.clear()
            response = client.get(prefix + path)
            assert response.status_code == 200, prefix + path
            pages.append(rendered[0] if rendered else response.content.decode())
    return pages


STORY_BODY = (
    '<p>Ђорђе је одрастао у Бору. <a href="https://example.com/бор" title="Бор">Извор</a></p>'
    '<p lang="en">An English line.</p><p><span translate="no">Нетакнуто</span> и <code>код()</code></p>'
)


@pytest.mark.parametrize("direction", [TO_LATIN, TO_CYRILLIC])
def test_the_sites_pages_come_out_as_a_plain_walk_makes_them(rendered_serbian_pages, direction):
    assert len(rendered_serbian_pages) == 14
    for document in rendered_serbian_pages:
        assert transliterate_html(document, direction) == reference_transliteration(document, direction)
