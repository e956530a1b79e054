"""The interface catalogues in locale/: valid for msgfmt, and the ones the site uses."""

import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from lxml import html

from tests.catalogues import FIXTURE_LOCALE
from tests.factories import make_country, make_page, make_partner, make_story, make_theme
from tests.test_languages import PAGE_PATHS, PREFIXES  # every page type, in every language

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))
CATALOGUES += sorted(FIXTURE_LOCALE.glob("*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_each_catalogue_passes_msgfmt_check(catalogue):
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalogue)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_each_catalogue_translates_every_message(catalogue):
    """What `make messages` found in the code is translated: no empty or fuzzy entry is left."""
    messages = polib.pofile(str(catalogue))
    assert [entry.msgid for entry in messages.untranslated_entries() + messages.fuzzy_entries()] == []


def test_the_catalogues_are_for_the_sites_languages():
    # Django's locale names: sr_Latn for sr-latn.
    locales = {code.replace("-latn", "_Latn") for code, _name in settings.LANGUAGES}
    for catalogue in CATALOGUES:
        assert catalogue.parent.parent.name in locales, catalogue


@pytest.mark.django_db
@pytest.mark.parametrize("catalogue", [path for path in CATALOGUES if FIXTURE_LOCALE not in path.parents])
def test_the_navigation_speaks_each_catalogues_language(client, catalogue):
    """Once a catalogue is compiled (make install), its language's pages use it."""
    if not catalogue.with_suffix(".mo").exists():
        pytest.skip(f"{catalogue.with_suffix('.mo')} is not compiled: run make install")
    messages = polib.pofile(str(catalogue))
    locale = catalogue.parent.parent.name
    prefix = "/" + locale.replace("_Latn", "-latn")
    page = html.fromstring(client.get(prefix + "/").content)
    labels = [link.text_content() for link in page.cssselect(".site-nav a")]
    for msgid, label in zip(["Stories", "Countries", "Themes"], labels, strict=False):
        entry = messages.find(msgid)
        if entry and entry.msgstr and "fuzzy" not in entry.flags:
            assert label == entry.msgstr, (locale, msgid)


def interface_texts(tree):
    """Every text node and readable attribute of a page, each as a whole, stripped; not what the
    page marks translate="no" (the language switcher names each language in itself)."""
    nodes = tree.xpath("//body//text()[not(ancestor::script)][not(ancestor::*[@translate='no'])]")
    texts = {" ".join(text.split()) for text in nodes}
    for attribute in ("alt", "title", "aria-label", "placeholder"):
        texts.update(" ".join(value.split()) for value in tree.xpath(f"//@{attribute}"))
    return texts - {""}


def untranslated(entries, texts):
    """The catalogue's messages that a page shows in English: translated but not used, or not
    translated yet (empty or fuzzy: `make messages` adds new strings so)."""
    return sorted(
        entry.msgid
        for entry in entries
        if entry.msgid in texts and (entry.msgstr != entry.msgid or "fuzzy" in entry.flags)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("source", ["fixture", "locale"])
def test_no_page_shows_a_translated_message_in_english(client, settings, source, compiled_fixture_locale):
    """Each page type, in each language with a compiled catalogue: none of the catalogue's
    translated messages is left in English. The fixture catalogues prove the check itself."""
    folder = compiled_fixture_locale if source == "fixture" else Path(settings.BASE_DIR, "locale")
    compiled = sorted(folder.glob("*/LC_MESSAGES/django.mo"))
    if not compiled:
        pytest.skip(f"no compiled catalogue in {folder}: run make install")
    settings.LOCALE_PATHS = [folder]
    serbia, poverty = make_country("Serbia"), make_theme("Poverty")
    make_partner()
    make_page()
    make_story("Water for Bor", countries=[serbia], themes=[poverty])
    for mo in compiled:
        language = mo.parent.parent.name.replace("_Latn", "-latn")
        entries = polib.pofile(str(mo.with_suffix(".po")))
        for path in PAGE_PATHS:
            tree = html.fromstring(client.get(PREFIXES[language] + path).content)
            assert untranslated(entries, interface_texts(tree)) == [], (language, path)
