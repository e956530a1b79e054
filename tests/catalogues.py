"""Small interface catalogues for tests (tests/fixtures/locale), compiled into a temp folder:
tests see translated pages whether or not the real catalogues in locale/ are there yet."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURE_LOCALE = Path(__file__).parent / "fixtures" / "locale"


def compile_catalogues(folder):
    for po in sorted(folder.glob("*/LC_MESSAGES/django.po")):
        subprocess.run(["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True)


@pytest.fixture(scope="session")
def compiled_fixture_locale(tmp_path_factory):
    folder = tmp_path_factory.mktemp("locale")
    shutil.copytree(FIXTURE_LOCALE, folder, dirs_exist_ok=True)
    call_command("transliterate_catalogue", "sr", "sr_Latn", locale_dir=folder, verbosity=0, stdout=io.StringIO())
    compile_catalogues(folder)
    return folder


@pytest.fixture
def fixture_catalogues(settings, compiled_fixture_locale):
    """The site speaks the fixture catalogues' few strings (Stories → Histori, Приче…)."""
    settings.LOCALE_PATHS = [compiled_fixture_locale]
    return compiled_fixture_locale
