"""Country and theme names in every language, edited in the admin; one slug for all of them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from lxml import html

from stories.editorial.roles import EDITOR
from stories.models import Country
from tests.factories import make_country, make_story, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def kosovo():
    country = make_country(
        "Kosovo",
        footnote="This designation is without prejudice to positions on status.",
        name_sq="Kosova",
        name_sr="Косово",
        footnote_sr="Овај назив не доводи у питање ставове о статусу.",
    )
    make_story("Water for Prizren", countries=[country])
    return country


def country_names(client, path):
    page = html.fromstring(client.get(path).content)
    return [link.text_content().split("\n")[0].strip() for link in page.cssselect(".vocabulary-list__link")]


def test_each_language_names_the_country_in_it_at_the_same_address(client, kosovo):
    assert country_names(client, "/countries/") == ["Kosovo*"]
    assert country_names(client, "/sq/countries/") == ["Kosova*"]
    assert country_names(client, "/sr/countries/") == ["Косово*"]
    assert country_names(client, "/sr-latn/countries/") == ["Kosovo*"]  # Serbian's, transliterated
    assert country_names(client, "/bs/countries/") == ["Kosovo*"]  # not translated yet: English
    for prefix in ["", "/sq", "/sr", "/sr-latn"]:
        assert client.get(f"{prefix}/countries/kosovo/").status_code == 200
    page = html.fromstring(client.get("/sr/countries/kosovo/").content)
    assert page.cssselect("h1")[0].text_content().startswith("Косово")
    assert "Овај назив" in page.cssselect(".site-footer")[0].text_content()


def test_story_cards_and_feeds_use_the_languages_name(client, kosovo):
    page = html.fromstring(client.get("/sq/stories/").content)
    assert page.cssselect(".story-card__country")[0].text_content().startswith("Kosova")
    assert "<category>Kosova</category>" in client.get("/sq/feed/").content.decode()


def test_editors_translate_names_in_the_admin(client):
    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    form = client.get(reverse("admin:stories_country_add")).content.decode()
    assert 'name="name_sq"' in form and 'name="name_sr"' in form and 'name="name_sr_latn"' not in form
    for english, albanian in [("Albania", "Shqipëria"), ("Serbia", ""), ("Montenegro", "")]:  # blanks never clash
        response = client.post(
            reverse("admin:stories_country_add"),
            {"name_en": english, "name_sq": albanian, "slug": english.lower(), "sort_order": 0},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    albania = Country.objects.get(slug="albania")
    assert (albania.name_en, albania.name_sq) == ("Albania", "Shqipëria")
    assert Country.objects.get(slug="serbia").name_sq in (None, "")
