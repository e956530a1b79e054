"""The home page's tile map of the countries."""

import pytest
from lxml import html

from stories.views.country_map import map_tiles
from tests.factories import make_country, make_story

pytestmark = pytest.mark.django_db


def test_tiles_follow_the_map_and_a_new_country_gets_a_row_below():
    names = ["Serbia", "Albania", "Kosovo", "Montenegro", "North Macedonia", "Bosnia and Herzegovina", "Croatia"]
    tiles = map_tiles([make_country(name) for name in names])
    assert [(country.name, tile.code, tile.row) for country, tile in tiles] == [
        ("Bosnia and Herzegovina", "BA", 1),
        ("Serbia", "RS", 1),
        ("Montenegro", "ME", 2),
        ("Kosovo", "XK", 2),
        ("Albania", "AL", 3),
        ("North Macedonia", "MK", 3),
        ("Croatia", "CR", 4),
    ]


def test_home_map_links_each_country_with_its_count_and_footnotes_kosovo(client):
    kosovo = make_country("Kosovo", footnote="Without prejudice to positions on status.")
    make_country("Albania")
    make_story("Ferizaj", countries=[kosovo])
    tree = html.fromstring(client.get("/").content)
    links = {a.get("href"): a.text_content().split() for a in tree.cssselect(".country-map a")}
    assert links == {
        "/countries/albania/": ["AL", "Albania", "0", "stories"],
        "/countries/kosovo/": ["XK", "Kosovo*", "1", "story"],
    }
    assert tree.cssselect(".country-map__code")[0].get("aria-hidden") == "true"
    assert "Without prejudice" in tree.cssselect(".site-footer")[0].text_content()
