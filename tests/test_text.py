import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stories.text import reading_time_minutes, slugify_transliterated

SLUG_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Serbian and Croatian Latin, Bosnian and Montenegrin names.
        ("Đorđe", "djordje"),
        ("Žarko", "zarko"),
        ("Čačak", "cacak"),
        ("Ćirić", "ciric"),
        ("Šabac", "sabac"),
        ("Đakovica i Đurđevdan", "djakovica-i-djurdjevdan"),
        ("ĐORĐE", "djordje"),
        ("ÐORÐE", "djordje"),  # typed with the look-alike Icelandic eth
        ("Nikšić, Crna Gora", "niksic-crna-gora"),
        # Serbian Cyrillic gives the same slug as Serbian Latin.
        ("Ђорђе", "djordje"),
        ("Жарко", "zarko"),
        ("Чачак", "cacak"),
        ("Ћирић", "ciric"),
        ("Шабац", "sabac"),
        ("Љубљана", "ljubljana"),
        ("Његош", "njegos"),
        ("Џеп", "dzep"),
        ("ЏЕМПЕР", "dzemper"),
        ("Јован Јовановић Змај", "jovan-jovanovic-zmaj"),
        ("Нови Сад", "novi-sad"),
        # Macedonian.
        ("Ѓорѓи", "gjorgji"),
        ("Ќерка", "kjerka"),
        ("Ѕвезда", "dzvezda"),
        ("Охрид и Скопје", "ohrid-i-skopje"),
        ("Г\u0301орг\u0301и", "gjorgji"),  # decomposed ѓ, as some keyboards send it
        # Albanian.
        ("Gjirokastër", "gjirokaster"),
        ("Çajupi", "cajupi"),
        ("Shkodër dhe Korçë", "shkoder-dhe-korce"),
        # Other languages met in stories.
        ("Москва, Юрий, щука", "moskva-jurij-scuka"),
        ("İstanbul", "istanbul"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Ærø", "aero"),
        # Mixed scripts, punctuation and spacing.
        ("Žarko / Жарко", "zarko-zarko"),
        ("  Mostar — Stari most!  ", "mostar-stari-most"),
        ("Tito’s Yugoslavia", "titos-yugoslavia"),
        ("Bosnia & Herzegovina", "bosnia-herzegovina"),
        ("snake_case and kebab--case", "snake-case-and-kebab-case"),
        ("1992–1995: Sarajevo", "1992-1995-sarajevo"),
        ("Ｆｕｌｌ ｗｉｄｔｈ", "full-width"),
        ("ﬁnal ½", "final-1-2"),
        ("日本 Sarajevo 🙂", "sarajevo"),
    ],
)
def test_slugify_transliterated(value, expected):
    assert slugify_transliterated(value) == expected


@pytest.mark.parametrize("value", ["", "   ", "!?.,;:", "— – -", "'’", "🙂🙂", "日本語"])
def test_slugify_without_letters_or_digits_is_empty(value):
    assert slugify_transliterated(value) == ""


def test_slugify_cuts_long_values_at_a_word_boundary():
    slug = slugify_transliterated("Priča o Đorđu " * 50, max_length=50)
    assert slug == "prica-o-djordju-prica-o-djordju-prica-o-djordju"
    assert len(slug) <= 50


def test_slugify_keeps_a_cut_ending_exactly_on_a_word():
    assert slugify_transliterated("abc def ghi", max_length=7) == "abc-def"


def test_slugify_cuts_one_very_long_word_hard():
    assert slugify_transliterated("a " + "ž" * 300) == "a-" + "z" * 198


def test_slugify_default_fits_a_200_character_slug_field():
    assert len(slugify_transliterated("Ђорђе Балашевић " * 40)) <= 200


@given(st.text(), st.integers(min_value=1, max_value=250))
def test_slugify_always_gives_a_valid_slug_within_max_length(value, max_length):
    slug = slugify_transliterated(value, max_length=max_length)
    assert slug == "" or SLUG_RE.fullmatch(slug)
    assert len(slug) <= max_length
    assert slugify_transliterated(slug, max_length=max_length) == slug


@pytest.mark.parametrize(
    ("html", "minutes"),
    [
        ("", 1),
        ("<p>One word</p>", 1),
        ("<p>" + "word " * 200 + "</p>", 1),
        ("<p>" + "word " * 201 + "</p>", 2),
        ("<p>" + "riječ " * 1000 + "</p>", 5),
        ("<p>" + "word</p><p>" * 400 + "</p>", 2),  # words in separate blocks still count
        ("<script>" + "x " * 5000 + "</script><p>Short.</p>", 1),
    ],
)
def test_reading_time_minutes(html, minutes):
    assert reading_time_minutes(html) == minutes


def test_reading_time_minutes_uses_the_given_speed():
    assert reading_time_minutes("<p>" + "word " * 300 + "</p>", words_per_minute=100) == 3


def transliterated_char_by_char(value):
    """transliterate() as it was first written: every character through the table, NFKD and
    the marks. The faster one skips ASCII stretches and must spell everything the same."""
    import unicodedata

    from stories.text import _TRANSLITERATION

    text = unicodedata.normalize("NFC", value or "").lower().translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char)).lower()


@given(
    st.text(alphabet=st.characters(codec="utf-8")) | st.text(alphabet="aZ 'Жжђčć’`\u0301-—ﬁ①\U0001d165", max_size=80)
)
def test_transliterate_spells_any_text_as_the_character_by_character_rule(value):
    from stories.text import transliterate

    assert transliterate(value) == transliterated_char_by_char(value)
