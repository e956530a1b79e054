"""The stories app's demo content: the countries, themes and contributors of vocabulary.toml, and
one Markdown file per story in stories/ (named after its slug). `manage.py seed_demo` calls seed().
A file whose front matter names `translation_of` (the original's file name) is a translation:
it has its own texts and takes the original's image, storyteller, tags and bylines.

Idempotent: what already exists (a country, theme or contributor by name, a story by title or
slug) is left as the editors made it.
"""

from datetime import timedelta
from html import escape
from pathlib import Path

from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone

from stories.demo.art import landscape
from stories.demo.documents import DemoDataError, read_data, read_documents
from stories.models import Contributor, Country, Story, Theme
from stories.search import indexing_deferred

DEMO_DIR = Path(__file__).resolve().parent
VOCABULARY_FILE = DEMO_DIR / "vocabulary.toml"
STORIES_DIR = DEMO_DIR / "stories"
DEMO_KEYWORD = "demo"
ILLUSTRATION_CREDIT = "Balkanoscope demo illustration"


def is_loaded():
    return Country.objects.exists()


def seed():
    """Create whatever demo content is missing; returns a one-line report."""
    vocabulary = read_data(VOCABULARY_FILE)
    countries = {data["name"]: country(data, order) for order, data in enumerate(vocabulary["countries"], 1)}
    themes = {data["name"]: theme(data, order) for order, data in enumerate(vocabulary["themes"], 1)}
    contributors = {data["name"]: contributor(data) for data in vocabulary["contributors"]}
    # Created in the order of their numbers, as before the stories became files, so primary keys
    # and the drawn illustrations stay what they were.
    documents = read_documents(STORIES_DIR)
    originals = [document for document in documents if "translation_of" not in document.metadata]
    originals.sort(key=lambda document: document.metadata["illustration"]["number"])
    created = sum(story(document, vocabulary["demo_note"], countries, themes, contributors) for document in originals)
    translations = [document for document in documents if "translation_of" in document.metadata]
    created += sum(
        translation(document, vocabulary["demo_note"]) for document in sorted(translations, key=lambda d: d.slug)
    )
    return f"new demo stories: {created}"


def in_other_languages(data, field, name):
    """{"name_sq": …, "name_sr": …} from the entry's `names` table (or another of the same kind)."""
    return {f"{name}_{code}": text for code, text in data.get(field, {}).items()}


def country(data, order):
    country, _ = Country.objects.get_or_create(
        name=data["name"],
        defaults={
            "description": data["description"],
            "footnote": data.get("footnote", ""),
            "sort_order": order,
            **in_other_languages(data, "names", "name"),
            **in_other_languages(data, "footnotes", "footnote"),
        },
    )
    return country


def theme(data, order):
    theme, _ = Theme.objects.get_or_create(
        name=data["name"],
        defaults={"description": data["description"], "sort_order": order, **in_other_languages(data, "names", "name")},
    )
    return theme


def contributor(data):
    contributor, _ = Contributor.objects.get_or_create(
        name=data["name"], defaults={"role": data["role"], "bio": data["bio"]}
    )
    return contributor


def story(document, demo_note, countries, themes, contributors):
    """Create the story of one file unless it exists; True if it was created."""
    data = document.metadata
    if Story.objects.filter(Q(title=data["title"]) | Q(slug=document.slug)).exists():
        return False
    illustration = data["illustration"]
    story = Story(
        title=data["title"],
        slug=document.slug,
        subtitle=data["subtitle"],
        summary=data["summary"],
        body=document.body_html + f"<p><em>{escape(demo_note, quote=False)}</em></p>",
        language=data["language"],
        storyteller_name=data["storyteller"],
        is_storyteller_anonymous=data["storyteller_is_anonymous"],
        location=data["location"],
        content_warning=data["content_warning"],
        hero_image_alt=illustration["alt"],
        hero_image_caption=illustration["caption"],
        hero_image_credit=ILLUSTRATION_CREDIT,
        status=Story.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(**data["published_ago"]),
        is_featured=data["is_featured"],
    )
    number = illustration["number"]
    story.hero_image.save(f"demo-{number:02d}.jpg", ContentFile(landscape(seed=number)), save=False)
    with indexing_deferred():  # indexed once, with all its relations
        story.save()
        story.countries.set(pick(document, "countries", countries))
        story.themes.set(pick(document, "themes", themes))
        story.tags.set([*data["keywords"], DEMO_KEYWORD])
        story.contributors.set(pick(document, "contributors", contributors))
    return True


def translation(document, demo_note):
    """Create the translation of one file unless it exists; True if it was created."""
    data = document.metadata
    if Story.objects.filter(Q(title=data["title"]) | Q(slug=document.slug)).exists():
        return False
    original = Story.objects.filter(slug=data["translation_of"]).first()
    if original is None:
        raise DemoDataError(f"{document.path}: translation_of names {data['translation_of']!r}, which is no demo story")
    Story(
        translation_of=original,
        title=data["title"],
        slug=document.slug,
        subtitle=data["subtitle"],
        summary=data["summary"],
        body=document.body_html + f"<p><em>{escape(demo_note, quote=False)}</em></p>",
        language=data["language"],
        location=data["location"],
        content_warning=data["content_warning"],
        hero_image_alt=data["illustration"]["alt"],
        hero_image_caption=data["illustration"]["caption"],
        status=Story.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(**data["published_ago"]),
    ).save()  # the original's image, storyteller, consent, tags and bylines come with it
    return True


def pick(document, field, known):
    """The vocabulary entries a story names, or an error naming the file and the unknown name."""
    try:
        return [known[name] for name in document.metadata[field]]
    except KeyError as error:
        raise DemoDataError(
            f"{document.path}: {field} names {error}, which {VOCABULARY_FILE.name} does not list"
        ) from error
