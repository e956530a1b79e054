"""The interface catalogues in locale/: valid for msgfmt, and the ones the site uses."""

import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from lxml import html

from tests.catalogues import FIXTURE_LOCALE

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))
CATALOGUES += sorted(FIXTURE_LOCALE.glob("*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_each_catalogue_passes_msgfmt_check(catalogue):
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalogue)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


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
