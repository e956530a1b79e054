"""Plain helpers that make test data; every argument has a sensible default."""

from datetime import timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from partners.models import Page, Partner
from stories.models import Contributor, Country, Story, Theme
from stories.search import indexing_deferred


def make_country(name="Serbia", **fields):
    return Country.objects.get_or_create(name=name, defaults=fields)[0]


def make_theme(name="Corruption", **fields):
    return Theme.objects.get_or_create(name=name, defaults=fields)[0]


def make_contributor(name="Jelena Đukić", **fields):
    return Contributor.objects.get_or_create(name=name, defaults=fields)[0]


def make_story(
    title="A story",
    *,
    status=Story.Status.PUBLISHED,
    published_at=None,
    countries=(),
    themes=(),
    keywords=(),
    contributors=(),
    **fields,
):
    if published_at is None and status == Story.Status.PUBLISHED:
        published_at = timezone.now() - timedelta(hours=1)
    fields.setdefault("summary", f"Summary of {title}.")
    fields.setdefault("body", f"<p>The body of {title}.</p>")
    with indexing_deferred():  # as the admin saves a story: indexed once, with its relations
        story = Story.objects.create(title=title, status=status, published_at=published_at, **fields)
        if countries:
            story.countries.set([c if isinstance(c, Country) else make_country(c) for c in countries])
        if themes:
            story.themes.set([t if isinstance(t, Theme) else make_theme(t) for t in themes])
        if keywords:
            story.tags.set(list(keywords))
        if contributors:
            story.contributors.set([c if isinstance(c, Contributor) else make_contributor(c) for c in contributors])
    return story


def make_partner(name="European Western Balkans", slug="european-western-balkans", **fields):
    fields.setdefault("description", f"About {name}.")
    return Partner.objects.get_or_create(slug=slug, defaults={"name": name, **fields})[0]


def make_page(slug="about", title="About Balkanoscope", **fields):
    return Page.objects.get_or_create(slug=slug, defaults={"title": title, **fields})[0]


def make_user(username="editor", *, is_superuser=False, is_staff=True, groups=(), password="a-long-test-password"):
    user = get_user_model().objects.create_user(
        username=username, password=password, is_staff=is_staff, is_superuser=is_superuser
    )
    for group in groups:
        user.groups.add(group)
    return user


# A test image is as small as the smallest rendition, so it gets one; a test about srcset widths
# or the files a story leaves uses a photo wide enough for three.
WIDE_PHOTO = (1200, 800)


def image_upload(name="photo.jpg", size=(480, 320), fmt="JPEG", color=(120, 140, 160)):
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


# What an editor ticks and types to record consent, so a story may be published.
CONSENT_FORM_FIELDS = {"has_consent": "on", "consent_given_on": "2026-11-01", "consent_method": "signed_form"}


def story_form_data(story=None, **overrides):
    """What the story form posts: the story's current values, then the overrides."""
    serbia, poverty = make_country("Serbia"), make_theme("Poverty")
    data = {
        "title": "A new story",
        "slug": "",
        "summary": "A summary.",
        "body": "<p>Body text.</p>",
        "language": "en",
        "countries": [serbia.pk],
        "themes": [poverty.pk],
        "tags": "",
        "status": "draft",
        "storyteller_name": "Ana",
        "gallery_images-TOTAL_FORMS": "0",
        "old_slugs-TOTAL_FORMS": "0",
        "old_slugs-INITIAL_FORMS": "0",
        "gallery_images-INITIAL_FORMS": "0",
    }
    if story is not None:
        data.update(
            title=story.title,
            slug=story.slug,
            summary=story.summary,
            body=story.body,
            status=story.status,
            opened_edit_token=str(story.edit_token),
            countries=[c.pk for c in story.countries.all()] or [serbia.pk],
            themes=[t.pk for t in story.themes.all()] or [poverty.pk],
        )
        if story.has_consent:
            data["has_consent"] = "on"
        if story.published_at:
            local = timezone.localtime(story.published_at)
            data.update(published_at_0=f"{local:%Y-%m-%d}", published_at_1=f"{local:%H:%M:%S}")
    data.update(overrides)
    return data
