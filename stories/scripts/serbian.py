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

import codecs
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
_CYRILLIC_RE = re.compile("[Ѐ-ӿ]")


def _is_letter(character):  # what [^\W\d_] matches
    return character.isalnum() and not character.isdecimal()


def _is_capital(character):  # a letter, and not a small one of Serbian's two alphabets
    return _is_letter(character) and not ("a" <= character <= "z" or "а" <= character <= "џ")


def _capitalise_digraphs(text):
    """`text` with Љ, Њ and Џ spelt LJ, NJ and DŽ in all-capitals words: before another capital,
    or last after one. (Found with str.find: a regular expression's scan of a page's text cost
    more than the whole transliteration of its letters.)"""
    changes = []
    for letter in "ЉЊЏ":
        at = text.find(letter)
        while at != -1:
            before, after = text[at - 1 : at] if at else "", text[at + 1 : at + 2]
            if (after and _is_capital(after)) or (before and _is_capital(before) and not (after and _is_letter(after))):
                changes.append(at)
            at = text.find(letter, at + 1)
    if not changes:
        return text
    pieces, copied = [], 0
    for at in sorted(changes):
        pieces += [text[copied:at], _CAPITAL_DIGRAPHS[text[at]]]
        copied = at + 1
    pieces.append(text[copied:])
    return "".join(pieces)


# The letters that stay one letter go through a 256-character table in C (the charmap codec
# that Python's own single-byte encodings use): encoded to one byte each, decoded from that byte
# to their Latin letter. str.translate() instead looks each character of a non-ASCII text up in
# a dict, 8x slower on a page's text. ASCII and the characters below pass through unchanged;
# any other character is carried over on its own (_one_letter_to_latin).
_ONE_LETTER = {chr(code): latin for code, latin in _CYRILLIC_TO_LATIN.items() if len(latin) == 1}
_TWO_LETTERS = tuple((chr(code), latin) for code, latin in _CYRILLIC_TO_LATIN.items() if len(latin) == 2)
_UNCHANGED = (
    "čćšžđČĆŠŽĐ„“”‘’‚–—…«»€©®°·§\u00a0\u00ad"  # Serbian Latin letters and punctuation
    "ѓќѕЃЌЅёыэъщЁЫЭЪЩ"  # Macedonian and Russian letters, which are not Serbian
    "ëçËÇäöüÄÖÜßéèáíóúñ"  # and those of the names of the region and beyond
)  # fmt: skip
_ASCII = "".join(map(chr, range(128)))
_CHARACTERS = _ASCII + "".join(_ONE_LETTER) + _UNCHANGED
_TO_BYTES = codecs.charmap_build(_CHARACTERS.ljust(256, "\ufffe"))
_FROM_BYTES = (_ASCII + "".join(_ONE_LETTER.values()) + _UNCHANGED).ljust(256, "\ufffe")


def _one_letter_to_latin(text):
    pieces = []
    while True:
        try:
            encoded = codecs.charmap_encode(text, "strict", _TO_BYTES)[0]
        except UnicodeEncodeError as outside_the_table:  # kept as it is
            start, end = outside_the_table.start, outside_the_table.end
            pieces.append(_one_letter_to_latin(text[:start]) if start else "")
            pieces.append(text[start:end])
            text = text[end:]
            continue
        pieces.append(codecs.charmap_decode(encoded, "strict", _FROM_BYTES)[0])
        return "".join(pieces)


def to_latin(text: str) -> str:
    """Serbian Cyrillic `text` in Latin script; anything not Serbian Cyrillic stays as it is."""
    if text.isascii() or not _CYRILLIC_RE.search(text):
        return text
    if "Љ" in text or "Њ" in text or "Џ" in text:
        text = _capitalise_digraphs(text)
    for cyrillic, latin in _TWO_LETTERS:
        if cyrillic in text:
            text = text.replace(cyrillic, latin)
    return _one_letter_to_latin(text)


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
