"""Every paginated list, search and the sitemap sections accept one spelling per page: ASCII
digits without a leading zero. Anything else is a 404, never a 500 or a duplicate page."""

from urllib.parse import quote

import pytest

from balkanoscope.page_numbers import page_number
from stories.sitemaps import StorySitemap
from tests.factories import make_story

pytestmark = pytest.mark.django_db

# Unicode digits that str.isdigit() accepts but int() does not (²), and ones both accept (١,
# ０), which would make second addresses for page 1 or 2.
NOT_PAGE_NUMBERS = ["²", "①", "⁴", "٢", "１", "٠١", "01", "02", "0", "+1", " 1", "1 ", "1\n", "1_0", "-1", "1.0", ""]
PAGINATED = [
    "/stories/?page=",
    "/countries/serbia/?page=",
    "/themes/poverty/?page=",
    "/search/?q=story&page=",
    "/sitemap-stories.xml?p=",
]


@pytest.fixture(scope="module")
def thirteen_stories(module_data):
    with module_data.writing():
        for number in range(13):
            make_story(f"Story {number}", countries=["Serbia"], themes=["Poverty"])


@pytest.fixture(autouse=True)
def twelve_stories_per_sitemap_page(monkeypatch):
    monkeypatch.setattr(StorySitemap, "limit", 12)


@pytest.mark.parametrize("address", PAGINATED)
def test_page_two_has_one_address_and_every_other_spelling_is_404(client, thirteen_stories, address):
    assert client.get(address + "1").status_code == 200
    assert client.get(address + "2").status_code == 200
    for spelling in NOT_PAGE_NUMBERS:
        response = client.get(address + quote(spelling))
        assert response.status_code == 404, (address, spelling, response.status_code)


def test_page_number_reads_only_plain_ascii_numbers():
    assert [page_number(text) for text in ["1", "2", "10", "999999"]] == [1, 2, 10, 999999]
    assert [page_number(text) for text in [*NOT_PAGE_NUMBERS, None, "1000000", "9" * 400]] == [None] * (
        len(NOT_PAGE_NUMBERS) + 3
    )
