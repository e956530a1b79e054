"""The demo content command: complete, idempotent, and respectful of editors' changes."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from partners.models import Page, Partner
from stories.models import Country, Story, Theme

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


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, media_root):
    """Seed once for the module (images make it the slow part); each test runs in a transaction."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        call_command("seed_demo", verbosity=0)
    yield
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        Story.objects.all().delete()
        Country.objects.all().delete()
        Theme.objects.all().delete()
        Partner.objects.all().delete()
        Page.objects.all().delete()


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


def test_seed_generates_extra_stories_for_benchmarks(seeded):
    before = Story.objects.published().count()
    call_command("seed_demo", "--stories", "50", verbosity=0)
    generated = Story.objects.filter(slug__startswith="generated-")
    assert generated.count() == 50
    assert Story.objects.published().count() == before + 50
    assert all(story.countries.exists() and story.themes.count() == 2 for story in generated[:5])
