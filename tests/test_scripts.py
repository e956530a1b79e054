"""Serbian in both scripts: the letter rules, the HTML they apply to, and the pages readers get."""

import io
import json
import subprocess

import polib
import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st
from lxml import html

from stories.sanitize import clean_html
from stories.scripts.html import TO_CYRILLIC, TO_LATIN, transliterate_html
from stories.scripts.serbian import LATIN_ONLY_ABBREVIATIONS, to_cyrillic, to_latin
from tests.catalogues import FIXTURE_LOCALE
from tests.factories import make_country, make_story

# --- Cyrillic to Latin --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ђорђе Ћирић из Чачка", "Đorđe Ćirić iz Čačka"),
        ("љубав њива џеп", "ljubav njiva džep"),
        ("Љубав Њива Џеп", "Ljubav Njiva Džep"),
        ("ЉУБАВ ЊИВА ЏЕП", "LJUBAV NJIVA DŽEP"),
        ("ПУЊ КОЊ", "PUNJ KONJ"),  # last letter of an all-capitals word
        ("Љ. Њ. Џ.", "Lj. Nj. Dž."),  # initials
        ("ЏЏ", "DŽDŽ"),
        ("Шта је ЊЕГОШ рекао?", "Šta je NJEGOŠ rekao?"),
        ("Balkanoscope, 2024.", "Balkanoscope, 2024."),  # Latin and digits stay
        ("Скопје: ѓ, ќ, ѕ", "Skopje: ѓ, ќ, ѕ"),  # not Serbian letters: left as they are
    ],
)
def test_cyrillic_to_latin_is_exact(cyrillic, latin):
    assert to_latin(cyrillic) == latin


SERBIAN_CYRILLIC = "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"


@given(st.text(alphabet=SERBIAN_CYRILLIC + " .,", max_size=40))
def test_latin_goes_back_to_the_same_cyrillic_unless_a_digraph_is_two_letters(text):
    word_starts = [word for word in text.split() if word]
    ambiguous = any(pair in text.lower() for pair in ("лј", "нј", "дж"))
    mixed_case = any(word[1:] != word[1:].lower() and word != word.upper() for word in word_starts)
    # "ДЈ" is written "DJ", which Serbian Cyrillic texts also print as a Latin abbreviation.
    abbreviation = any(word.strip(".,") in LATIN_ONLY_ABBREVIATIONS for word in to_latin(text).split())
    if not ambiguous and not mixed_case and not abbreviation:
        assert to_cyrillic(to_latin(text)) == text


# --- Latin to Cyrillic --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Đorđe Ćirić iz Čačka", "Ђорђе Ћирић из Чачка"),
        ("ljubav njiva džep", "љубав њива џеп"),
        ("LJUBAV Ljubav NJEGOŠ", "ЉУБАВ Љубав ЊЕГОШ"),
        ("nadživeti, nadživjeti, nadživela", "надживети, надживјети, надживела"),
        ("injekcija injekcijom Injekcija", "инјекција инјекцијом Инјекција"),
        ("konjunkcija i konjugacija", "конјункција и конјугација"),
        ("podžanr i Tanjug", "поджанр и Танјуг"),
        ("konj, banja, Konjic", "коњ, бања, Коњиц"),  # ordinary digraphs stay one letter
    ],
)
def test_latin_to_cyrillic_handles_digraphs_and_their_exceptions(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "kept",
    [
        "Washington",
        "New York",
        "Çelë Müller",
        "iPhone",
        "McDonald",
        "PDF",
        "USB",
        "https://example.com/ljubav/nj?x=dž#vode",
        "www.balkanoscope.eu/sr/",
        "jelena.djukic@example.rs",
        "&amp; &#8212; &nbsp;",
    ],
)
def test_latin_to_cyrillic_leaves_foreign_names_urls_addresses_and_abbreviations(kept):
    assert to_cyrillic(kept) == kept


def test_latin_to_cyrillic_in_a_sentence_changes_only_the_serbian_words():
    text = "Pisala je na jelena@example.rs o Washingtonu i PDF-u: https://example.com/nj"
    assert to_cyrillic(text) == "Писала је на jelena@example.rs о Washingtonu и PDF-у: https://example.com/nj"


# --- HTML -----------------------------------------------------------------------------------


CYRILLIC_PAGE = """<!doctype html><html lang="sr"><head><title>Приче · Balkanoscope</title>
<meta name="description" content="Прича о води"><meta property="og:url" content="https://x.example/Вода">
<meta property="og:title" content="Вода"><link rel="alternate" hreflang="sr" href="/sr/">
<script>var порука = "Здраво";</script><style>.Ђ { content: "Ђ"; }</style></head>
<body><a href="/sr/приче/" title="Наслов" class="Ђак" id="Ђ" data-copied-message="Копирано">Љубав</a>
<img alt="Слика" src="/Слика.jpg"><input placeholder="Претражи" name="Упит" aria-label="Претрага">
<article lang="sr"><p>Џеп <code>Код</code> <pre>Пре</pre> <span translate="no">Жарко</span> крај</p></article>
<p lang="mk">Македонски ѓ</p><p lang="en">English</p><!-- Коментар --></body></html>"""


def test_to_latin_changes_text_and_readable_attributes_only():
    page = transliterate_html(CYRILLIC_PAGE.replace('<html lang="sr">', '<html lang="sr-Latn">'), TO_LATIN)
    assert "<title>Priče · Balkanoscope</title>" in page
    assert '<meta name="description" content="Priča o vodi">' in page
    assert '<meta property="og:title" content="Voda">' in page
    assert 'content="https://x.example/Вода"' in page  # a URL
    assert 'hreflang="sr"' in page  # names the link's language, not this text's
    assert 'var порука = "Здраво";' in page and '.Ђ { content: "Ђ"; }' in page
    assert '<a href="/sr/приче/" title="Naslov" class="Ђак" id="Ђ" data-copied-message="Kopirano">Ljubav</a>' in page
    assert '<img alt="Slika" src="/Слика.jpg">' in page
    assert '<input placeholder="Pretraži" name="Упит" aria-label="Pretraga">' in page
    assert (
        '<article lang="sr-Latn"><p>Džep <code>Код</code> <pre>Пре</pre> <span translate="no">Жарко</span> kraj</p>'
        in page
    )
    assert '<p lang="mk">Македонски ѓ</p>' in page
    assert "<!-- Коментар -->" in page


def test_to_latin_is_idempotent_and_leaves_non_serbian_pages_alone():
    latin = transliterate_html(CYRILLIC_PAGE.replace('lang="sr"', 'lang="sr-Latn"', 1), TO_LATIN)
    assert transliterate_html(latin, TO_LATIN) == latin
    macedonian = CYRILLIC_PAGE.replace('<html lang="sr">', '<html lang="mk">').replace(
        '<article lang="sr">', "<article>"
    )
    assert transliterate_html(macedonian, TO_LATIN) == macedonian


def test_to_cyrillic_changes_only_what_is_marked_as_serbian_latin():
    page = (
        '<html lang="sr"><body><p>Приче Balkanoscope</p>'
        '<article lang="sr-Latn" class="story"><h1 title="Naslov">Ljubav</h1>'
        '<p>Voda <a href="https://example.com/ljubav">reka</a> <code>print</code> &amp; kraj</p></article>'
        "<p>Posle</p></body></html>"
    )
    assert transliterate_html(page, TO_CYRILLIC) == (
        '<html lang="sr"><body><p>Приче Balkanoscope</p>'
        '<article lang="sr" class="story"><h1 title="Наслов">Љубав</h1>'
        '<p>Вода <a href="https://example.com/ljubav">река</a> <code>print</code> &amp; крај</p></article>'
        "<p>Posle</p></body></html>"
    )


def test_editors_can_mark_a_span_as_not_to_be_transliterated():
    body = clean_html('<p>Grad <span translate="no">Niš</span> i <span class="x" onclick="y">more</span></p>')
    assert body == '<p>Grad <span translate="no">Niš</span> i more</p>'
    page = transliterate_html(
        f'<html lang="sr"><body><article lang="sr-Latn">{body}</article></body></html>', TO_CYRILLIC
    )
    assert '<p>Град <span translate="no">Niš</span> и море</p>' in page


# --- Pages ----------------------------------------------------------------------------------


@pytest.fixture
def cyrillic_story(db):
    return make_story(
        "Вода за Бор",
        summary="Џеп пун ЉУБАВИ.",
        body='<p>Ђорђе пије воду. <a href="https://example.com/voda">Извор</a></p>',
        hero_image_alt="Река",
        language="sr",
        countries=[make_country("Србија")],
    )


def page_tree(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return html.fromstring(response.content)


def test_a_cyrillic_story_reads_in_latin_under_sr_latn(client, cyrillic_story):
    slug = cyrillic_story.slug
    page = page_tree(client, f"/sr-latn/stories/{slug}/")
    assert page.get("lang") == "sr-Latn"
    assert page.cssselect("article.story")[0].get("lang") == "sr-Latn"
    assert page.cssselect(".story__title")[0].text == "Voda za Bor"
    assert page.cssselect(".story__body p")[0].text_content() == "Đorđe pije vodu. Izvor"
    assert page.cssselect(".story__body a")[0].get("href") == "https://example.com/voda"
    assert page.cssselect("meta[name=description]")[0].get("content") == "Džep pun LJUBAVI."
    assert page.cssselect("meta[property='og:title']")[0].get("content") == "Voda za Bor"
    structured = [json.loads(script.text) for script in page.cssselect("script[type='application/ld+json']")]
    article = next(data for data in structured if data["@type"] == "NewsArticle")
    assert article["headline"] == "Voda za Bor" and article["inLanguage"] == "sr-Latn"
    assert article["url"].endswith(f"/sr-latn/stories/{slug}/")
    assert "/sr-latn/s/" in page.cssselect("meta[property='og:image']")[0].get("content")
    cyrillic = page_tree(client, f"/sr/stories/{slug}/")
    assert cyrillic.cssselect(".story__title")[0].text == "Вода за Бор"
    assert cyrillic.cssselect("article.story")[0].get("lang") == "sr"


def test_the_latin_share_card_draws_the_latin_title(client, cyrillic_story):
    page = page_tree(client, f"/sr-latn/stories/{cyrillic_story.slug}/")
    card = page.cssselect("meta[property='og:image']")[0].get("content").removeprefix("https://balkanoscope.example")
    response = client.get(card)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_a_latin_story_reads_in_cyrillic_under_sr(client, db):
    story = make_story("Voda za Bor", summary="Reka i ljudi.", body="<p>Đorđe pije vodu.</p>", language="sr-latn")
    page = page_tree(client, f"/sr/stories/{story.slug}/")
    assert page.cssselect(".story__title")[0].text == "Вода за Бор"
    assert page.cssselect(".story__body p")[0].text == "Ђорђе пије воду."
    assert page.cssselect("meta[name=description]")[0].get("content") == "Река и људи."
    assert page.cssselect("article.story")[0].get("lang") == "sr"
    assert page_tree(client, f"/sr-latn/stories/{story.slug}/").cssselect(".story__title")[0].text == "Voda za Bor"


@pytest.mark.parametrize(("language", "prefix"), [("sr", "/sr-latn"), ("sr-latn", "/sr")])
def test_a_page_the_cache_does_not_store_declares_its_transliterated_length(client, db, editor, language, prefix):
    """An editor's pages skip the page cache; their Content-Length is the transliterated page's
    (a stale, longer one leaves the browser waiting for bytes that never come)."""
    story = make_story("Вода за Бор" if language == "sr" else "Voda za Bor", language=language)
    client.force_login(editor)
    response = client.get(f"{prefix}/stories/{story.slug}/")
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(response.content))


def test_other_languages_are_never_transliterated(client, db):
    story = make_story("Вода за Скопје", summary="Ѓорѓи.", language="mk")
    assert page_tree(client, f"/sr-latn/stories/{story.slug}/").cssselect(".story__title")[0].text == "Вода за Скопје"
    assert page_tree(client, f"/stories/{story.slug}/").cssselect(".story__title")[0].text == "Вода за Скопје"


def test_feeds_in_latin_carry_latin_text(client, cyrillic_story):
    body = client.get("/sr-latn/feed/").content.decode()
    assert "<title>Voda za Bor</title>" in body
    assert "Džep pun LJUBAVI." in body
    assert "<title>Вода за Бор</title>" in client.get("/sr/feed/").content.decode()


def test_lists_and_interface_are_latin_under_sr_latn(client, cyrillic_story, fixture_catalogues):
    page = page_tree(client, "/sr-latn/stories/")
    assert page.cssselect(".story-card__title a")[0].text == "Voda za Bor"
    assert page.cssselect(".site-nav a")[0].text == "Priče"
    assert page.cssselect("#header-search-query")[0].get("placeholder") == "Pretraži priče"
    assert [a.text for a in page.cssselect(".language-list a")][-2:] == ["Српски", "Srpski"]


# --- The Serbian Latin catalogue ------------------------------------------------------------


def test_the_latin_catalogue_is_the_cyrillic_one_transliterated(tmp_path):
    (tmp_path / "sr" / "LC_MESSAGES").mkdir(parents=True)
    source = FIXTURE_LOCALE / "sr" / "LC_MESSAGES" / "django.po"
    (tmp_path / "sr" / "LC_MESSAGES" / "django.po").write_bytes(source.read_bytes())
    call_command("transliterate_catalogue", "sr", "sr_Latn", locale_dir=tmp_path, stdout=io.StringIO())
    latin = polib.pofile(str(tmp_path / "sr_Latn" / "LC_MESSAGES" / "django.po"))
    assert latin.metadata["Language"] == "sr_Latn"
    assert latin.metadata["Plural-Forms"] == polib.pofile(str(source)).metadata["Plural-Forms"]
    assert latin.find("Stories").msgstr == "Priče"
    assert latin.find("%(counter)s story").msgstr_plural == {
        0: "%(counter)s priča",
        1: "%(counter)s priče",
        2: "%(counter)s priča",
    }
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", latin.fpath], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_without_a_cyrillic_catalogue_there_is_nothing_to_do(tmp_path):
    out = io.StringIO()
    call_command("transliterate_catalogue", "sr", "sr_Latn", locale_dir=tmp_path, stdout=out)
    assert "nothing to transliterate" in out.getvalue()
    assert not (tmp_path / "sr_Latn").exists()


def test_the_page_cache_keeps_each_script_apart(client, cyrillic_story, django_assert_num_queries):
    paths = [f"/sr/stories/{cyrillic_story.slug}/", f"/sr-latn/stories/{cyrillic_story.slug}/"]
    first = {path: client.get(path).content for path in paths}
    for path in paths:
        with django_assert_num_queries(1):  # a cache hit: the content version only
            assert client.get(path).content == first[path]
    assert "Вода за Бор" in first[paths[0]].decode() and "Вода за Бор" not in first[paths[1]].decode()
    assert "Voda za Bor" in first[paths[1]].decode()
