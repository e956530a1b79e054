"""The demo content command: complete, idempotent, and respectful of editors' changes; the demo
data files render the site exactly as the Python literals they replaced did."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from lxml import html

from partners.models import Page, Partner
from stories.demo import seeding as stories_demo
from stories.management.commands import seed_demo
from stories.models import Country, Story, Theme
from tests.bench.generate import generate_stories

pytestmark = pytest.mark.django_db

WESTERN_BALKANS = ["Albania", "Bosnia and Herzegovina", "Kosovo", "Montenegro", "North Macedonia", "Serbia"]
THEMES = [
    "Post-war",
    "Poverty",
    "Unemployment",
    "Corruption",
    "Crime",
    "Lack of opportunities",
    "Environment",
    "Freedoms",
    "Rule of law",
]


# The whole demo build (26 illustrations drawn, each in four WebP sizes) is an operator's
# command round trip: its tests are in the operational tier, out of `make test-fast`.
@pytest.fixture(scope="module")
def seeded(module_data):
    """Seed once for the module (the images make it the slow part)."""
    with module_data.writing():
        call_command("seed_demo", verbosity=0)


@pytest.mark.operational
def test_seed_creates_the_countries_themes_partners_about_page_and_demo_stories(seeded):
    assert list(Country.objects.values_list("name", flat=True)) == WESTERN_BALKANS
    assert list(Theme.objects.values_list("name", flat=True)) == THEMES
    assert Country.objects.get(name="Kosovo").footnote.startswith("This designation is without prejudice")
    assert set(Partner.objects.values_list("slug", flat=True)) == {
        "european-western-balkans",
        "european-fund-for-the-balkans",
    }
    assert all(partner.logo and partner.logo_width for partner in Partner.objects.all())
    assert Page.objects.filter(slug="about").exists()
    stories = Story.objects.published()
    assert stories.count() >= 24
    assert all(story.hero_image and story.hero_image_alt and story.hero_renditions for story in stories)
    # Dimensions are stored, so pages never open image files to measure them.
    assert all(story.hero_image_width == 1600 and story.hero_image_height == 1000 for story in stories)
    assert stories.filter(is_featured=True).count() == 1
    assert stories.filter(is_storyteller_anonymous=True).exists()
    assert all(story.tags.filter(name="demo").exists() for story in stories)
    names = " ".join(stories.values_list("title", flat=True)) + " ".join(
        stories.values_list("storyteller_name", flat=True)
    )
    assert any(char in names for char in "ČčĆćŠšŽžĐđëç")
    assert any("\u0400" <= char <= "\u04ff" for char in names)


@pytest.mark.operational
def test_seed_again_changes_nothing_an_editor_made(seeded):
    story = Story.objects.published().first()
    story.title = "Edited by an editor"
    story.save()
    serbia = Country.objects.get(name="Serbia")
    serbia.description = "Edited description."
    serbia.save()
    deleted = Story.objects.published().last()
    deleted_title = deleted.title
    deleted.delete()
    count = Story.objects.count()

    call_command("seed_demo", "--if-empty", verbosity=0)
    assert Story.objects.count() == count
    assert not Story.objects.filter(title=deleted_title).exists()
    assert Country.objects.get(name="Serbia").description == "Edited description."
    assert Story.objects.filter(title="Edited by an editor").exists()

    call_command("seed_demo", verbosity=0)
    assert Country.objects.count() == 6 and Theme.objects.count() == 9 and Partner.objects.count() == 2
    assert Country.objects.get(name="Serbia").description == "Edited description."


@pytest.mark.operational
def test_bench_generates_extra_stories_on_top_of_the_demo_content(seeded):
    before = Story.objects.published().count()
    generate_stories(50, list(Country.objects.all()), list(Theme.objects.all()))
    generated = Story.objects.filter(slug__startswith="generated-")
    assert generated.count() == 50
    assert Story.objects.published().count() == before + 50
    assert all(story.countries.exists() and story.themes.count() == 2 for story in generated[:5])


# Read off the rendered site before the demo stories became files (stories/demo/content.py, Python
# literals): slug, illustration, the countries and themes of the sidebar, words in the body.
STORIES_AS_RENDERED = [
    ("the-lake-doesnt-know-where-the-border-is", "demo-01.jpg", ["Albania", "Montenegro"], ["Poverty", "Environment"], 568),
    ("in-tirana-ardit-from-korce-becomes-andrea-from-milan", "demo-02.jpg", ["Albania"], ["Unemployment", "Lack of opportunities"], 485),
    ("concrete-where-the-nets-used-to-dry", "demo-03.jpg", ["Albania"], ["Corruption", "Environment", "Rule of law"], 492),
    ("eleven-years-inside-four-walls", "demo-04.jpg", ["Albania"], ["Crime", "Rule of law"], 506),
    ("my-son-counts-the-chimneys-before-school", "demo-05.jpg", ["Bosnia and Herzegovina"], ["Unemployment", "Environment"], 475),
    ("two-bells-one-building", "demo-06.jpg", ["Bosnia and Herzegovina"], ["Post-war", "Lack of opportunities", "Rule of law"], 469),
    ("raspberries-dont-ask-who-picked-them", "demo-07.jpg", ["Bosnia and Herzegovina"], ["Post-war", "Poverty"], 449),
    ("twelve-lawsuits-and-a-laptop", "demo-08.jpg", ["Bosnia and Herzegovina"], ["Corruption", "Freedoms"], 450),
    ("svi-su-otisli-a-ja-cuvam-kljuceve", "demo-09.jpg", ["Kosovo*", "Serbia"], ["Post-war", "Lack of opportunities"], 471),
    ("the-passport-that-finally-went-somewhere", "demo-10.jpg", ["Kosovo*"], ["Lack of opportunities", "Freedoms"], 508),
    ("shqipe-still-keeps-agrons-room-in-gjakove", "demo-11.jpg", ["Kosovo*"], ["Post-war", "Rule of law"], 510),
    ("the-seventh-postponement", "demo-12.jpg", ["Kosovo*"], ["Crime", "Rule of law"], 468),
    ("in-pljevlja-winter-has-a-smell", "demo-13.jpg", ["Montenegro"], ["Poverty", "Environment"], 498),
    ("niksic-steel-and-the-shares-that-turned-to-dust", "demo-14.jpg", ["Montenegro"], ["Unemployment", "Corruption"], 447),
    ("everyone-in-the-bay-knows-someone-who-said-yes", "demo-15.jpg", ["Montenegro"], ["Crime", "Lack of opportunities"], 493),
    ("six-months-by-the-sea-six-months-waiting", "demo-16.jpg", ["Montenegro"], ["Unemployment", "Lack of opportunities"], 447),
    ("vekje-ne-sadam-domati", "demo-17.jpg", ["North Macedonia"], ["Poverty", "Environment"], 417),
    ("the-job-interview-began-with-a-party-card", "demo-18.jpg", ["North Macedonia"], ["Unemployment", "Corruption"], 502),
    ("sieme-za-cela-evropa", "demo-19.jpg", ["North Macedonia"], ["Poverty", "Rule of law"], 496),
    ("holding-hands-on-sirok-sokak", "demo-20.jpg", ["North Macedonia"], ["Lack of opportunities", "Freedoms"], 443),
    ("kad-vetar-duva-od-rudnika-zatvaramo-prozore", "demo-21.jpg", ["Serbia"], ["Unemployment", "Environment"], 441),
    ("night-shifts-in-nis-german-verbs-on-the-bus", "demo-22.jpg", ["Serbia"], ["Unemployment", "Lack of opportunities"], 505),
    ("the-invoice-that-was-paid-twice", "demo-23.jpg", ["Serbia"], ["Corruption", "Rule of law"], 488),
    ("cardboard-at-five-school-at-eight", "demo-24.jpg", ["Serbia"], ["Poverty", "Lack of opportunities"], 494),
]  # fmt: skip


def rendered(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content)


def texts(elements):
    return [element.text_content().strip() for element in elements]


@pytest.mark.operational
def test_demo_files_render_the_same_stories_as_before(seeded, client):
    demo_stories = Story.objects.filter(tags__name="demo", translation_of=None)  # translations: below
    assert set(demo_stories.values_list("slug", flat=True)) == {row[0] for row in STORIES_AS_RENDERED}
    for slug, illustration, countries, themes, words in STORIES_AS_RENDERED:
        story = demo_stories.get(slug=slug)
        # Stored under a random name (no file name reaches a public URL), one picture per story.
        assert story.hero_image and illustration not in story.hero_image.name, slug
        page = rendered(client, f"/stories/{slug}/")
        facts = dict(zip(texts(page.cssselect(".story-facts dt")), page.cssselect(".story-facts dd"), strict=True))
        assert texts(facts["Country"].cssselect("a")) == countries, slug
        assert texts(facts["Themes"].cssselect("a")) == themes, slug
        assert len(" ".join(page.cssselect(".story__body")[0].itertext()).split()) == words, slug
        assert page.cssselect(".story__hero img")[0].get("alt") == story.hero_image_alt
    assert len({story.hero_image.name for story in demo_stories}) == len(STORIES_AS_RENDERED)
    # Newest first, as the days and hours before now in the files place them.
    assert list(Story.objects.published().values_list("slug", flat=True)[:3]) == [
        "the-lake-doesnt-know-where-the-border-is",
        "six-months-by-the-sea-six-months-waiting",
        "in-tirana-ardit-from-korce-becomes-andrea-from-milan",
    ]


@pytest.mark.operational
def test_the_demo_has_a_story_in_three_languages_and_stories_in_cyrillic(seeded, client):
    original = Story.objects.get(slug="the-passport-that-finally-went-somewhere")
    translations = {story.language: story for story in original.translations.all()}
    assert sorted(translations) == ["sq", "sr"]
    assert all(story.hero_image.name == original.hero_image.name for story in translations.values())
    assert [c.name for c in translations["sq"].countries.all()] == ["Kosovo"]
    page = rendered(client, "/sq/stories/pasaporta-qe-me-ne-fund-shkoi-diku/")
    assert page.cssselect("h1")[0].text_content().strip() == "Pasaporta që më në fund shkoi diku"
    assert page.cssselect(".story__chips a")[0].text_content().startswith("Kosova")
    latin = rendered(client, "/sr-latn/stories/pasos-koji-je-konacno-negde-otisao/")
    assert latin.cssselect("h1")[0].text_content().strip() == "Pasoš koji je konačno negde otišao"
    assert {story.language for story in Story.objects.filter(translation_of=None)} >= {"en", "sr", "mk"}
    names = [link.text_content() for link in rendered(client, "/sr/countries/").cssselect(".vocabulary-list__link")]
    assert any(name.startswith("Косово") for name in names)


@pytest.mark.operational
def test_a_story_file_keeps_its_structure_tags_and_demo_note(seeded, client):
    page = rendered(client, "/stories/the-lake-doesnt-know-where-the-border-is/")
    assert page.cssselect("h1")[0].text_content().strip() == "The Lake Doesn't Know Where the Border Is"
    body = page.cssselect(".story__body")[0]
    assert [element.tag for element in body] == [
        "p", "p", "h2", "p", "p", "blockquote", "p", "h2", "p", "p", "p", "p"
    ]  # fmt: skip
    assert texts(body.cssselect("h2")) == ["Reading the water", "Everyone owns a piece"]
    assert body.cssselect("blockquote")[0].text_content().strip().startswith("“The lake has no passport.")
    assert body.cssselect("p:last-child em")[0].text_content() == (
        "This is a fictional demo story written for the Balkanoscope project; it is not a real person's account."
    )
    story = Story.objects.get(slug="the-lake-doesnt-know-where-the-border-is")
    assert set(story.tags.names()) == {"water", "farming", "cross-border", "demo"}
    assert list(story.contributors.values_list("name", flat=True)) == ["Blerina Çela", "Vuk Radonjić"]
    home = rendered(client, "/")
    assert texts(home.cssselect(".home-featured .story-lead__title a")) == [story.title]


@pytest.mark.operational
def test_partner_demo_files_render_the_partners_and_the_about_page(seeded, client):
    assert texts(rendered(client, "/partners/").cssselect("main h2")) == [
        "European Western Balkans",
        "European Fund for the Balkans",
    ]
    about = rendered(client, "/about/")
    assert texts(about.cssselect("main h2, main h3"))[:6] == [
        "Why one region, not six countries",
        "What we write about",
        "How stories are gathered",
        "Illustrations, not portraits",
        "Tell us your story",
        "Who is behind Balkanoscope",
    ]
    assert "stories@balkanoscope.example" in texts(about.cssselect("main a[href^='mailto:']"))
    assert len(Page.objects.get(slug="about").body.split("<li>")) == 7


def test_seed_demo_seeds_each_app_with_a_demo_module_after_the_apps_it_points_to(monkeypatch):
    assert [app_config.label for app_config, _ in seed_demo.demo_modules()] == ["stories", "partners"]
    plain = seed_demo.related_apps
    monkeypatch.setattr(
        seed_demo,
        "related_apps",
        lambda app_config: (
            plain(app_config) | ({apps.get_app_config("partners")} if app_config.label == "stories" else set())
        ),
    )
    assert [app_config.label for app_config, _ in seed_demo.demo_modules()] == ["partners", "stories"]


def test_a_malformed_demo_file_stops_the_command_naming_the_file(tmp_path, monkeypatch):
    (tmp_path / "broken-story.md").write_text('+++\ntitle = "No closing quote\n+++\n\nText.\n')
    monkeypatch.setattr(stories_demo, "STORIES_DIR", tmp_path)
    with pytest.raises(CommandError, match="broken-story.md: front matter"):
        call_command("seed_demo", verbosity=0)


def test_a_story_naming_an_unknown_country_stops_the_command_and_leaves_nothing(tmp_path, monkeypatch):
    lake = (stories_demo.STORIES_DIR / "the-lake-doesnt-know-where-the-border-is.md").read_text()
    unknown = lake.replace("The Lake Doesn't Know", "Atlantis Doesn't Know").replace('"Montenegro"', '"Atlantis"')
    (tmp_path / "atlantis.md").write_text(unknown)
    monkeypatch.setattr(stories_demo, "STORIES_DIR", tmp_path)
    with pytest.raises(CommandError, match=r"atlantis.md: countries names 'Atlantis'"):
        call_command("seed_demo", verbosity=0)
    assert not Story.objects.filter(slug="atlantis").exists()  # one transaction: nothing half-loaded


def test_stories_never_imports_partners():
    """partners may use stories; the other way round, seed_demo finds partners' demo module itself."""
    stories_folder = Path(stories_demo.__file__).resolve().parents[1]
    for path in stories_folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(name == "partners" or name.startswith("partners.") for name in names), path
