"""No stored file's name says anything about anyone: an upload named after an anonymous
storyteller never shows up in anything the site serves, nor in any stored path."""

import html as html_module
import importlib
import re
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stories.media.renditions import make_renditions
from stories.models import Story, StoryImage
from tests.factories import CONSENT_FORM_FIELDS, image_upload, make_story, make_user, story_form_data

pytestmark = pytest.mark.django_db

NAME_PARTS = ("zvjezdana", "qerimovic", "qerimović")
SITE = "https://balkanoscope.example"
URL_IN_TEXT = re.compile(r"""(?:https://balkanoscope\.example|(?<=["'\s,]))(/[^\s"'<>\\,]*)""")


def mentions_the_storyteller(data: bytes):
    text = data.decode("utf-8", errors="replace").lower()
    return [part for part in NAME_PARTS if part in text]


def served_paths(client, start):
    """Every path the public site serves from `start`, following each link, image, feed entry,
    sitemap location and redirect it finds: {path: (status, headers and body as bytes)}."""
    seen, queue = {}, deque(start)
    while queue and len(seen) < 400:
        path = queue.popleft()
        if path in seen or path.startswith(("/admin/", "/static/")):
            continue
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        headers = "\n".join(f"{name}: {value}" for name, value in response.items()).encode()
        seen[path] = (response.status_code, headers + b"\n" + body)
        if response.get("Location"):
            queue.append(urlsplit(response["Location"]).path or "/")
        if response.get("Content-Type", "").startswith(("text/html", "application/")):
            for found in URL_IN_TEXT.findall(html_module.unescape(body.decode(errors="replace"))):
                queue.append(urlsplit(found).path)
    return seen


def test_an_upload_named_after_an_anonymous_storyteller_leaves_no_trace_in_what_the_site_serves(client, settings):
    client.force_login(make_user("chief", is_superuser=True))
    data = story_form_data(
        title="The river keeps its secrets",
        status="published",
        storyteller_name="Zvjezdana Qerimović",
        is_storyteller_anonymous="on",
        hero_image=image_upload("zvjezdana-qerimovic-portrait.jpg"),
        hero_image_alt="Hands on a table",
        social_image_override=image_upload("zvjezdana-qerimovic-share.jpg", size=(1200, 630)),
        consent_form=SimpleUploadedFile("zvjezdana-qerimovic-consent.pdf", b"%PDF-1.4\n", "application/pdf"),
        **CONSENT_FORM_FIELDS,
        **{
            "gallery_images-TOTAL_FORMS": "1",
            "gallery_images-0-image": image_upload("zvjezdana-qerimovic-at-home.png", fmt="PNG"),
            "gallery_images-0-alt": "A kitchen",
            "gallery_images-0-sort_order": "0",
        },
    )
    response = client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    story = Story.objects.get()
    assert story.is_public and story.social_image_override and story.gallery_images.count() == 1

    start = ["/", "/stories/", "/feed/", "/feed/atom/", "/sitemap.xml", "/robots.txt", "/search/?q=river"]
    served = served_paths(client, [*start, story.get_absolute_url(), story.get_short_url()])

    story_page = served[story.get_absolute_url()][1].decode()
    assert "application/ld+json" in story_page and story.social_image_override.url in story_page
    image_paths = [path for path in served if path.startswith("/media/stories/")]
    assert len(image_paths) >= 4  # hero, its renditions, the gallery image's, the share override
    assert {"/sitemap-stories.xml", "/search/", "/feed/atom/"} <= set(served)
    leaks = {path: found for path, (_, data) in served.items() if (found := mentions_the_storyteller(data))}
    assert leaks == {}
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
        assert not [p for p in root.rglob("*") if mentions_the_storyteller(str(p).encode())]


def test_the_share_card_url_names_no_one(client):
    story = make_story("Card", storyteller_name="Zvjezdana Qerimović", is_storyteller_anonymous=True)
    story.hero_image.save("zvjezdana-qerimovic-portrait.jpg", image_upload(), save=True)
    page = client.get(story.get_absolute_url()).content.decode()
    card_url = re.search(r'property="og:image" content="([^"]+)"', page).group(1)
    response = client.get(urlsplit(card_url).path)
    assert response.status_code == 200 and not mentions_the_storyteller(card_url.encode())
    assert not [name for name in story.stored_media_names() if mentions_the_storyteller(name.encode())]


def test_every_file_of_a_story_lives_in_its_own_folder_under_a_random_name():
    story = make_story("Folders", hero_image=image_upload("Ana.jpg"), social_image_override=image_upload("Ana.png"))
    gallery = StoryImage.objects.create(story=story, image=image_upload("Ana at home.jpg"), alt="x")
    names = [story.hero_image.name, story.social_image_override.name, gallery.image.name]
    names += [r["name"] for r in story.hero_renditions + gallery.renditions]
    pattern = re.compile(rf"stories/{story.media_key}/[0-9a-f]{{32}}(-\d+w)?\.(jpg|png|webp)")
    assert all(pattern.fullmatch(name) for name in names), names
    assert sorted(names) == story.stored_media_names()
    assert make_story("Another").media_key != story.media_key


def test_the_migration_moves_old_files_to_random_names_and_updates_every_reference(settings):
    story = make_story("Old install")
    old_hero = default_storage.save("stories/2025/05/zvjezdana-qerimovic-portrait.jpg", image_upload())
    with default_storage.open(old_hero) as hero_file:
        renditions = make_renditions(hero_file, default_storage, "renditions/story-1-abcdef12")
    old_override = default_storage.save("social/overrides/2025/05/zvjezdana-share.jpg", image_upload())
    old_gallery = default_storage.save("stories/2025/05/gallery/zvjezdana-home.jpg", image_upload())
    old_card = default_storage.save(f"social/cards/story-{story.pk}-0123456789ab.jpg", ContentFile(b"jpeg"))
    Story.objects.filter(pk=story.pk).update(
        hero_image=old_hero, hero_renditions=renditions, social_image_override=old_override
    )
    gallery = StoryImage.objects.create(story=story, image=image_upload(), alt="x")
    StoryImage.objects.filter(pk=gallery.pk).update(image=old_gallery, renditions=[])
    other = make_story("Sharing the image")
    Story.objects.filter(pk=other.pk).update(hero_image=old_hero, hero_renditions=renditions)

    migration = importlib.import_module("stories.migrations.0010_random_media_file_names")
    migration.random_file_names(apps, None)

    story.refresh_from_db()
    other.refresh_from_db()
    gallery.refresh_from_db()
    moved = [story.hero_image.name, story.social_image_override.name, gallery.image.name]
    moved += [r["name"] for r in story.hero_renditions]
    assert all(name.startswith(f"stories/{story.media_key}/") for name in moved), moved
    assert all(default_storage.exists(name) for name in moved)
    assert not mentions_the_storyteller(" ".join(moved).encode())
    for old in (old_hero, old_override, old_gallery, old_card, *(r["name"] for r in renditions)):
        assert not default_storage.exists(old), old
    assert (other.hero_image.name, other.hero_renditions) == (story.hero_image.name, story.hero_renditions)
    assert [r["width"] for r in story.hero_renditions] == [r["width"] for r in renditions]
