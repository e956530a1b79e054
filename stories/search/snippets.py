"""Result snippets: a passage around the first match, with the query's words marked."""

import functools

from django.utils.html import escape
from django.utils.safestring import mark_safe

from stories.search.words import TEXT_WORD_RE, is_prefix_term, query_terms, search_words

SNIPPET_WORDS = 30
SNIPPET_WORDS_BEFORE_MATCH = 8
# Where a snippet looks for a match; past it the summary stands in (it bounds the work per result).
SNIPPET_SCAN_LENGTH = 20_000
# The text has a line per block (heading, paragraph, list item): in a one-line snippet, a block
# that ends without punctuation (a heading) is set apart from the next by a dot.
BLOCK_BREAK = ' <span class="snippet-break" aria-hidden="true">·</span> '
SENTENCE_ENDS = (".", "!", "?", ":", ";", "…")


def with_snippets(stories, query: str) -> list:
    """`stories` as a list, each with a `snippet`: the part of its text that matches `query`
    with the matching words in <mark>, or its summary when only other fields matched."""
    terms = query_terms(query)
    results = list(stories)
    for story in results:
        document = getattr(story, "search_document", None)
        source = document.plain_text if document else story.summary
        story.snippet = highlight(source, terms) or escape(story.summary)
    return results


def highlight(text: str, terms, *, length=SNIPPET_WORDS, before=SNIPPET_WORDS_BEFORE_MATCH):
    """About `length` words of `text` around the first word matching `terms`, escaped, with the
    matching words in <mark>; "" if no word matches."""
    words = []
    first_match = None
    for index, found in enumerate(TEXT_WORD_RE.finditer(text, 0, SNIPPET_SCAN_LENGTH)):
        words.append(found)
        if first_match is None and _word_matches(found.group(), terms):
            first_match = index
        if first_match is not None and index >= first_match + length:
            break
    if first_match is None:
        return ""
    start = max(0, first_match - before)
    window = words[start : start + length]
    begin = 0 if start == 0 else window[0].start()
    parts = ["…" if begin else ""]
    position = begin
    for found in window:
        parts.append(_between_words(text[position : found.start()]))
        word = escape(found.group())
        parts.append(f"<mark>{word}</mark>" if _word_matches(found.group(), terms) else word)
        position = found.end()
    if len(words) > start + length or len(text) > SNIPPET_SCAN_LENGTH:
        parts.append("…")
    else:
        parts.append(escape(text[position:].rstrip()))  # the closing punctuation
    # Safe: every piece of the reader's and the editor's text above went through escape().
    return mark_safe("".join(parts))


def _between_words(gap):
    """The escaped text between two words; a block break becomes a space, or BLOCK_BREAK."""
    if "\n" not in gap:
        return escape(gap)
    lines = gap.split("\n")
    ending, opening = lines[0].rstrip(), lines[-1].lstrip()
    joiner = " " if ending.endswith(SENTENCE_ENDS) else BLOCK_BREAK
    return escape(ending) + joiner + escape(opening)


@functools.lru_cache(maxsize=8192)
def _folded(word):
    return tuple(search_words(word))


def _word_matches(word, terms):
    return any(
        folded == term or (is_prefix_term(term) and folded.startswith(term))
        for folded in _folded(word)
        for term in terms
    )
