"""Serbian between its two scripts, letter for letter.

Cyrillic to Latin is exact: every Cyrillic letter has one Latin spelling. Љ, Њ and Џ become
two Latin letters, capitalised as the word is: "Љубав" → "Ljubav", "ЉУБАВ" → "LJUBAV".

Latin to Cyrillic has to guess where Latin is ambiguous or is not Serbian at all:
- "lj", "nj" and "dž" are one letter (љ, њ, џ) except in the words listed in
  TWO_LETTER_DIGRAPHS, where a prefix meets a root ("nad-živeti", "in-jekcija");
- words with letters Serbian does not use (q, w, x, y, ä, ç…), with capitals inside them
  ("iPhone"), or with digits are names, brands or codes, and stay as written;
- URLs, e-mail addresses and the Latin-only abbreviations below stay as written.
"""

import re

_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
        "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
        "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
        "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ђ": "Đ", "Е": "E", "Ж": "Ž",
        "З": "Z", "И": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "Lj", "М": "M", "Н": "N",
        "Њ": "Nj", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "Ć", "У": "U",
        "Ф": "F", "Х": "H", "Ц": "C", "Ч": "Č", "Џ": "Dž", "Ш": "Š",
    }
)  # fmt: skip
_CAPITAL_DIGRAPHS = {"Љ": "LJ", "Њ": "NJ", "Џ": "DŽ"}
# A capital Љ, Њ or Џ in an all-capitals word: before another capital, or last after one.
_ALL_CAPS_DIGRAPH_RE = re.compile(r"[ЉЊЏ](?=[^\W\d_a-zа-џ])|(?<=[^\W\d_a-zа-џ])[ЉЊЏ](?![^\W\d_])")
_CYRILLIC_RE = re.compile("[Ѐ-ӿ]")


def to_latin(text: str) -> str:
    """Serbian Cyrillic `text` in Latin script; anything not Serbian Cyrillic stays as it is."""
    if not _CYRILLIC_RE.search(text):
        return text
    if "Љ" in text or "Њ" in text or "Џ" in text:
        text = _ALL_CAPS_DIGRAPH_RE.sub(lambda match: _CAPITAL_DIGRAPHS[match.group()], text)
    return text.translate(_CYRILLIC_TO_LATIN)


_LATIN_TO_CYRILLIC = {
    "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "đ": "ђ", "e": "е", "ž": "ж",
    "z": "з", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
    "p": "п", "r": "р", "s": "с", "t": "т", "ć": "ћ", "u": "у", "f": "ф", "h": "х",
    "c": "ц", "č": "ч", "š": "ш",
}  # fmt: skip
_LATIN_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}

# Words in which l+j, n+j or d+ž are two letters, as lowercase stems with "|" where the pair
# splits; a stem matches anywhere in a word, so one covers its forms ("nadživeo", "injekcijom").
TWO_LETTER_DIGRAPHS = [
    "nad|živ", "nad|žnj", "nad|žup", "od|žal", "od|živ", "pod|žanr", "pod|žup", "pod|žel",
    "pred|želud", "nad|ždr",
    "in|jekc", "in|jekt", "in|jun", "kon|jug", "kon|junk", "kon|jukt", "van|jezi", "tan|jug",
    "ven|jamin", "bun|jamin", "man|jer",
]  # fmt: skip
_STEMS = [(stem.replace("|", ""), stem.index("|")) for stem in TWO_LETTER_DIGRAPHS]

# International abbreviations Serbian Cyrillic texts print in Latin letters.
LATIN_ONLY_ABBREVIATIONS = frozenset(
    {
        "BBC",
        "CNN",
        "CD",
        "DVD",
        "DJ",
        "GPS",
        "HTML",
        "ID",
        "IT",
        "LGBT",
        "LGBTQ",
        "OK",
        "PDF",
        "PR",
        "SMS",
        "URL",
        "USB",
    }
)

_SERBIAN_LATIN_LETTERS = frozenset("abcčćdđefghijklmnoprsštuvzž")
# A URL, an e-mail address or an HTML character reference: never transliterated.
_LEFT_ALONE = r"(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|&#?\w+;"
_LATIN_TOKEN_RE = re.compile(rf"({_LEFT_ALONE})|([^\W\d_]+)", re.IGNORECASE)


def _is_serbian_latin_word(word):
    lower = word.lower()
    if not set(lower) <= _SERBIAN_LATIN_LETTERS:
        return False  # a foreign name or word: Washington, Çelë, Müller
    if word in LATIN_ONLY_ABBREVIATIONS:
        return False
    # Capitals only first or everywhere: "Beograd", "BEOGRAD"; "iPhone" or "McCain" is a name.
    return word[1:] == word[1:].lower() or word == word.upper()


def _latin_word_to_cyrillic(word):
    lower = word.lower()
    splits = set()
    for stem, offset in _STEMS:
        start = lower.find(stem)
        while start != -1:
            splits.add(start + offset)
            start = lower.find(stem, start + 1)
    letters = []
    position = 0
    while position < len(word):
        pair = lower[position : position + 2]
        if pair in _LATIN_DIGRAPHS and position + 1 not in splits:
            letter = _LATIN_DIGRAPHS[pair]
            letters.append(letter.upper() if word[position].isupper() else letter)
            position += 2
            continue
        char = word[position]
        letter = _LATIN_TO_CYRILLIC[char.lower()]
        letters.append(letter.upper() if char.isupper() else letter)
        position += 1
    return "".join(letters)


def _token_to_cyrillic(match):
    left_alone, word = match.groups()
    if left_alone or not _is_serbian_latin_word(word):
        return match.group()
    return _latin_word_to_cyrillic(word)


def to_cyrillic(text: str) -> str:
    """Serbian Latin `text` in Cyrillic script, leaving foreign words, URLs, e-mail addresses
    and Latin-only abbreviations as they are."""
    return _LATIN_TOKEN_RE.sub(_token_to_cyrillic, text)
