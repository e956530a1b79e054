"""Every stored file of a story moves to the story's own folder under a random name.

Before, files kept the name the uploader gave under a date path (stories/2026/05/
zvjezdana-qerimovic-portrait.jpg), and renditions and share cards carried the story's id.
Each story gets its media key, then its hero image, hero renditions, share override, gallery
images and their renditions are copied to stories/<media key>/<random>.<ext>, the rows point to
the new names (hero_renditions and renditions JSON too), and the old files are deleted. Old share
cards are deleted: the next request draws them again, in the story's folder. Consent forms
already had random names. Generated benchmark stories share their images with a demo story: a
file is moved once and every row that named it follows.
"""

import posixpath
import re
import secrets

from django.core.files.storage import default_storage
from django.db import migrations

STORY_FILE = re.compile(r"^stories/[0-9a-f]{16}/[0-9a-f]{32}(-\d+w)?\.[a-z0-9]+$")
OLD_CARD = re.compile(r"^story-\d+-[0-9a-f]+\.jpg$")


def move(name, folder, moved, *, stem=None, suffix=None):
    """The new name of the stored file `name` in `folder`, moving the file on first sight."""
    if not name or STORY_FILE.match(name):
        return name
    if name in moved:
        return moved[name]
    extension = posixpath.splitext(name)[1].lower()
    new_name = f"{folder}/{stem or secrets.token_hex(16)}{suffix or ''}{extension}"
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as old_file:
            new_name = default_storage.save(new_name, old_file)
        default_storage.delete(name)
    moved[name] = new_name
    return new_name


def move_renditions(renditions, folder, moved):
    """Renditions of one image keep one random stem, with their widths."""
    stem = secrets.token_hex(16)
    return [
        {**rendition, "name": move(rendition["name"], folder, moved, stem=stem, suffix=f"-{rendition['width']}w")}
        for rendition in renditions or []
    ]


def random_file_names(apps, schema_editor):
    Story = apps.get_model("stories", "Story")
    StoryImage = apps.get_model("stories", "StoryImage")
    moved = {}
    stories = Story.objects.order_by("pk").values(
        "pk", "media_key", "hero_image", "hero_renditions", "social_image_override"
    )
    for story in stories.iterator():
        media_key = story["media_key"] or secrets.token_hex(8)
        folder = f"stories/{media_key}"
        # update(), not save(): no signal receiver has anything to do with a rename.
        Story.objects.filter(pk=story["pk"]).update(
            media_key=media_key,
            hero_renditions=move_renditions(story["hero_renditions"], folder, moved),
            hero_image=move(story["hero_image"], folder, moved),
            social_image_override=move(story["social_image_override"], folder, moved),
        )
        for image in StoryImage.objects.filter(story_id=story["pk"]).values("pk", "image", "renditions"):
            StoryImage.objects.filter(pk=image["pk"]).update(
                renditions=move_renditions(image["renditions"], folder, moved),
                image=move(image["image"], folder, moved),
            )
    delete_old_cards()


def delete_old_cards():
    try:
        _, names = default_storage.listdir("social/cards")
    except FileNotFoundError:
        return
    for name in names:
        if OLD_CARD.match(name):
            default_storage.delete(f"social/cards/{name}")


class Migration(migrations.Migration):
    dependencies = [("stories", "0009_story_media_key")]

    # The old names are not brought back: random names are right for any version of the code.
    operations = [migrations.RunPython(random_file_names, migrations.RunPython.noop, elidable=True)]
