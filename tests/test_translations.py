"""One story, several languages: a group of translations sharing photos, storyteller, consent
and tags; each shown once per language; linked by hreflang, sitemaps, Open Graph and JSON-LD."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from lxml import etree, html

from stories.editorial.roles import EDITOR
from stories.models import Story
from tests.factories import image_upload, make_country, make_story, make_theme, make_user
from tests.factories import story_form_data as form_data
from tests.sqlite_work import sqlite_steps

pytestmark = pytest.mark.django_db

SITE = "https://balkanoscope.example"


@pytest.fixture
def group():
    serbia, water = make_country("Serbia"), make_theme("Water")
    original = make_story(
        "Water for Bor",
        summary="A town and its river.",
        countries=[serbia],
        themes=[water],
        contributors=["Jelena Đukić"],
        storyteller_name="Milan",
        has_consent=True,
        hero_image=image_upload(),
        hero_image_alt="The river",
        language="en",
    )
    albanian = make_story("Ujë për Borin", summary="Një qytet dhe lumi i tij.", language="sq", translation_of=original)
    serbian = make_story("Вода за Бор", summary="Град и његова река.", language="sr", translation_of=original)
    return {"en": original, "sq": albanian, "sr": serbian}


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return html.fromstring(response.content)


def test_a_translation_shares_the_originals_photos_storyteller_consent_and_tags(group):
    original, albanian = group["en"], group["sq"]
    assert albanian.hero_image.name == original.hero_image.name
    assert albanian.hero_renditions == original.hero_renditions
    assert (albanian.storyteller_name, albanian.has_consent) == ("Milan", True)
    assert [c.name for c in albanian.countries.all()] == ["Serbia"]
    assert [c.name for c in albanian.contributors.all()] == ["Jelena Đukić"]
    original.storyteller_name = "Milan P."
    original.is_storyteller_anonymous = True
    original.save()
    original.themes.add(make_theme("Mining"))
    albanian.refresh_from_db()
    assert (albanian.storyteller_name, albanian.is_storyteller_anonymous) == ("Milan P.", True)
    assert sorted(t.name for t in albanian.themes.all()) == ["Mining", "Water"]
    albanian.storyteller_name = "Someone else"  # the original's, whatever a translation says
    albanian.save()
    albanian.refresh_from_db()
    assert albanian.storyteller_name == "Milan P."


def test_a_translation_is_public_only_while_its_original_is_and_may_come_later(group):
    original, albanian = group["en"], group["sq"]
    later = make_story(
        "Më vonë", language="hr", translation_of=original, published_at=timezone.now() + timedelta(days=1)
    )
    assert later not in Story.objects.published()
    assert albanian in Story.objects.published()
    original.status = Story.Status.DRAFT
    original.save()
    assert list(Story.objects.published()) == []


def test_lists_show_each_story_once_in_the_readers_language_else_labelled(client, group):
    make_story("Only in English", language="en")
    english = page(client, "/stories/")
    assert [a.text for a in english.cssselect(".story-card__title a")] == ["Only in English", "Water for Bor"]
    assert english.cssselect(".story-card__language") == []
    albanian = page(client, "/sq/stories/")
    titles = [a.text for a in albanian.cssselect(".story-card__title a")]
    assert titles == ["Only in English", "Ujë për Borin"]
    labels = [card.cssselect(".story-card__language") for card in albanian.cssselect(".story-card")]
    assert [label[0].text for label in labels if label] == ["Anglisht"]  # "English", in Django's own sq catalogue
    latin = page(client, "/sr-latn/stories/")
    assert [a.text for a in latin.cssselect(".story-card__title a")] == ["Only in English", "Voda za Bor"]
    croatian = page(client, "/hr/countries/serbia/")
    assert [a.text for a in croatian.cssselect(".story-card__title a")] == [
        "Water for Bor"
    ]  # no Croatian: the original


def test_feeds_per_language_carry_the_translation(client, group):
    assert "<title>Ujë për Borin</title>" in client.get("/sq/feed/").content.decode()
    assert "<title>Вода за Бор</title>" in client.get("/sr/feed/atom/").content.decode()
    english = client.get("/feed/").content.decode()
    assert "<title>Water for Bor</title>" in english and "Borin" not in english


def alternates(tree):
    return [(link.get("hreflang"), link.get("href")) for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")]


EXPECTED_ALTERNATES = [
    ("en", f"{SITE}/stories/water-for-bor/"),
    ("sq", f"{SITE}/sq/stories/uje-per-borin/"),
    ("sr", f"{SITE}/sr/stories/voda-za-bor/"),
    ("sr-Latn", f"{SITE}/sr-latn/stories/voda-za-bor/"),
    ("x-default", f"{SITE}/stories/water-for-bor/"),
]


def test_hreflang_alternates_are_the_same_on_every_page_of_the_group(client, group):
    for path in ["/stories/water-for-bor/", "/sq/stories/uje-per-borin/", "/sr/stories/voda-za-bor/"]:
        tree = page(client, path)
        assert alternates(tree) == EXPECTED_ALTERNATES, path
        canonical = tree.xpath("//head/link[@rel='canonical']/@href")[0]
        assert canonical in dict(EXPECTED_ALTERNATES).values()  # each page names itself
    latin = page(client, "/sr-latn/stories/voda-za-bor/")
    assert alternates(latin) == EXPECTED_ALTERNATES
    assert latin.xpath("//head/link[@rel='canonical']/@href") == [f"{SITE}/sr-latn/stories/voda-za-bor/"]


def test_a_story_seen_under_another_interface_points_to_its_own_page(client, group):
    tree = page(client, "/hr/stories/water-for-bor/")
    assert tree.get("lang") == "hr"
    assert tree.cssselect("article.story")[0].get("lang") == "en"
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [f"{SITE}/stories/water-for-bor/"]
    assert alternates(tree) == EXPECTED_ALTERNATES


def test_the_story_page_lists_its_other_languages_and_open_graph_locales(client, group):
    tree = page(client, "/sq/stories/uje-per-borin/")
    links = [(a.text, a.get("href"), a.get("hreflang")) for a in tree.cssselect(".story__languages a")]
    assert links == [("English", "/stories/water-for-bor/", "en"), ("Српски", "/sr/stories/voda-za-bor/", "sr")]
    assert tree.xpath("//meta[@property='og:locale']/@content") == ["sq_AL"]
    assert tree.xpath("//meta[@property='og:locale:alternate']/@content") == ["en_GB", "sr_RS"]


def structured(tree):
    return {data["@type"]: data for data in map(json.loads, tree.xpath("//script[@type='application/ld+json']/text()"))}


def test_json_ld_links_translations_and_originals(client, group):
    translation = structured(page(client, "/sq/stories/uje-per-borin/"))["NewsArticle"]
    assert translation["inLanguage"] == "sq"
    assert translation["translationOfWork"]["@id"] == f"{SITE}/stories/water-for-bor/"
    original = structured(page(client, "/stories/water-for-bor/"))["NewsArticle"]
    assert [work["@id"] for work in original["workTranslation"]] == [
        f"{SITE}/sq/stories/uje-per-borin/",
        f"{SITE}/sr/stories/voda-za-bor/",
    ]


def test_the_switcher_on_a_story_goes_to_its_translation(client, group):
    tree = page(client, "/stories/water-for-bor/")
    hrefs = {a.get("hreflang"): a.get("href") for a in tree.cssselect(".language-switcher__list a")}
    assert hrefs == {
        "en": "/stories/water-for-bor/",
        "sq": "/sq/stories/uje-per-borin/",
        "bs": "/bs/stories/water-for-bor/",  # no Bosnian translation: the story, in a Bosnian interface
        "hr": "/hr/stories/water-for-bor/",
        "mk": "/mk/stories/water-for-bor/",
        "sr": "/sr/stories/voda-za-bor/",
        "sr-Latn": "/sr-latn/stories/voda-za-bor/",
    }
    for href in hrefs.values():
        assert client.get(href).status_code == 200


def test_the_sitemap_lists_each_translation_with_the_groups_alternates(client, group):
    tree = etree.fromstring(client.get("/sitemap-stories.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.findtext("s:loc", namespaces=ns): [
            (link.get("hreflang"), link.get("href")) for link in url.xpath("x:link", namespaces=ns)
        ]
        for url in tree.xpath("//s:url", namespaces=ns)
    }
    assert sorted(entries) == sorted(href for tag, href in EXPECTED_ALTERNATES if tag != "x-default")
    assert all(links == EXPECTED_ALTERNATES for links in entries.values())


def test_editors_translate_a_story_from_its_screen_and_see_what_is_out_of_date(client, group):
    original = group["en"]
    editor = make_user("editor", groups=[Group.objects.get(name=EDITOR)])
    client.force_login(editor)
    screen = client.get(reverse("admin:stories_story_change", args=[original.pk])).content.decode()
    assert "Translate into Croatian" in screen and "Translate into Albanian" not in screen
    assert "Translate into Serbian (Latin)" not in screen  # Serbian is one story in both scripts
    response = client.post(reverse("admin:stories_story_translate", args=[original.pk, "hr"]))
    croatian = Story.objects.get(language="hr")
    assert response["Location"] == reverse("admin:stories_story_change", args=[croatian.pk])
    assert (croatian.translation_of, croatian.status, croatian.title) == (original, Story.Status.DRAFT, original.title)
    assert croatian.body == original.body and croatian.hero_image.name == original.hero_image.name
    assert croatian not in Story.objects.published()
    original.summary = "A town, its river and its mine."
    original.save()
    screen = client.get(reverse("admin:stories_story_change", args=[croatian.pk])).content.decode()
    assert "out of date" in screen
    assert client.post(reverse("admin:stories_story_translate", args=[original.pk, "hr"])).status_code == 404


def search_titles(client, path):
    return [a.text for a in page(client, path).cssselect(".story-card__title a")]


def test_search_finds_a_story_by_the_words_of_any_of_its_translations_once(client, group):
    assert search_titles(client, "/search/?q=borin") == ["Water for Bor"]
    assert search_titles(client, "/sq/search/?q=river") == ["Ujë për Borin"]
    assert search_titles(client, "/sr-latn/search/?q=reka") == ["Voda za Bor"]
    assert search_titles(client, "/search/?q=bor") == ["Water for Bor"]  # once, though three match


def test_search_knows_countries_by_their_name_in_every_language(client, db):
    make_story("Water for Prizren", countries=[make_country("Kosovo", name_sq="Kosova", name_sr="Косово")])
    assert search_titles(client, "/search/?q=kosova") == ["Water for Prizren"]
    assert search_titles(client, "/search/?q=косово") == ["Water for Prizren"]


def test_a_group_has_one_story_per_language(client, group):
    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    albanian = group["sq"]
    for language in ["en", "sr-latn"]:  # the original's, and Serbian in the other script
        response = client.post(
            reverse("admin:stories_story_change", args=[albanian.pk]), form_data(albanian, language=language)
        )
        assert response.status_code == 200
        assert "Another translation of this story is in this language." in response.content.decode()
    assert Story.objects.get(pk=albanian.pk).language == "sq"


def test_featuring_the_original_features_it_in_every_language(client, group):
    original = group["en"]
    make_story("Newer story", language="en")
    original.is_featured = True
    original.save()
    featured = page(client, "/sq/").cssselect(".home-featured .story-lead__title a")
    assert [a.text for a in featured] == ["Ujë për Borin"]


def test_withdrawing_any_story_of_a_group_withdraws_every_language(client, group, django_capture_on_commit_callbacks):
    from stories.editorial.withdrawal import withdraw_story

    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = withdraw_story(group["sq"], reason="The storyteller asked us to.")
    assert set(Story.objects.values_list("status", flat=True)) == {Story.Status.WITHDRAWN}
    for path in ["/stories/water-for-bor/", "/sq/stories/uje-per-borin/", "/sr-latn/stories/voda-za-bor/"]:
        assert client.get(path).status_code == 410, path
    assert {f"{SITE}/stories/water-for-bor/", f"{SITE}/sr-latn/stories/voda-za-bor/"} <= set(withdrawn.urls)
    assert not group["en"].hero_image.storage.exists(group["en"].hero_image.name)


def test_a_translation_shows_its_originals_photographs(client, group):
    from stories.models import StoryImage

    StoryImage.objects.create(story=group["en"], image=image_upload("square.jpg"), alt="The village square")
    tree = page(client, "/sq/stories/uje-per-borin/")
    assert [img.get("alt") for img in tree.cssselect(".story-gallery img")] == ["The village square"]
    image = tree.cssselect(".story-gallery img")[0].get("src")
    assert client.get(image).status_code == 200


def test_a_story_shows_its_own_photographs_and_one_without_any_does_not_look_for_them(client, group, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from stories.models import StoryImage

    settings.PAGE_CACHE = False
    with CaptureQueriesContext(connection) as queries:
        tree = page(client, "/stories/water-for-bor/")
    assert not tree.cssselect(".story-gallery")
    assert not [query for query in queries if query["sql"].startswith('SELECT "stories_storyimage"')]
    StoryImage.objects.create(
        story=group["en"], image=image_upload("square.jpg"), alt="The village square", sort_order=2
    )
    StoryImage.objects.create(story=group["en"], image=image_upload("square.jpg"), alt="The well", sort_order=1)
    tree = page(client, "/stories/water-for-bor/")
    assert [img.get("alt") for img in tree.cssselect(".story-gallery img")] == ["The well", "The village square"]


def add_english_stories(count, start):
    Story.objects.bulk_create(
        Story(title=f"Bulk {n}", slug=f"bulk-{n}", summary="Elsewhere.", status=Story.Status.PUBLISHED,
              published_at=timezone.now() - timedelta(minutes=n))
        for n in range(start, start + count)
    )  # fmt: skip


@pytest.mark.skipif(connection.vendor != "sqlite", reason="counts SQLite's own instructions")
def test_the_translation_probe_of_a_list_in_another_language_does_not_grow_with_the_site():
    """in_language() asks of each story whether it has a public translation in the reader's
    language. On the translation_of key alone SQLite walked the publication index for that,
    every published story for every story a /sr/ list or sidebar looked at (a Serbian story's
    related stories on a 10,000-story site took 72 s); the story_translations index makes it
    one probe."""
    translated = make_story("Water for Bor")
    make_story("Вода за Бор", language="sr", translation_of=translated)
    untranslated = make_story("The mine above the town")
    probe = Story.objects.filter(pk__in=[translated.pk, untranslated.pk]).in_language("sr")
    add_english_stories(100, start=0)
    with_a_hundred = sqlite_steps(lambda: list(probe.all()))
    add_english_stories(1500, start=100)
    with_sixteen_hundred = sqlite_steps(lambda: list(probe.all()))
    # The Serbian translation stands in for its original; the other story is shown as written.
    assert list(probe) == [untranslated]
    assert with_sixteen_hundred < with_a_hundred * 1.2, (with_a_hundred, with_sixteen_hundred)
