"""A story's image files: its hero image's renditions, repairs after a restore, its folder."""

from functools import partial

from django.core.files.storage import default_storage
from django.db import transaction

from stories.media.names import story_folder
from stories.media.renditions import (
    delete_renditions,
    make_fresh_renditions,
    renditions_fallback_url,
    renditions_srcset,
)
from stories.models.content_version import ContentVersion

HERO_IMAGE_FIELDS = ("hero_image", "hero_image_width", "hero_image_height", "hero_renditions")


def delete_story_files(storage, image):
    """Delete a hero image and its renditions, given as {"hero_image": name, "hero_renditions": [...]}."""
    delete_renditions(storage, image["hero_renditions"])
    storage.delete(image["hero_image"])


def delete_folder_files(storage, folder):
    """Delete every file in `folder` of the media storage; a missing folder has none."""
    try:
        _, names = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in names:
        storage.delete(f"{folder}/{name}")


def delete_files_of_deleted_story(sender, instance, **kwargs):
    """post_delete receiver: a deleted story's files leave the media storage, and its signed
    consent form the private storage (a recovered story comes back without them)."""
    instance.delete_media_files()
    # A translation's consent form is its original's (stories/models/translations.py).
    if instance.consent_form and not instance.translation_of_id:
        storage, name = instance.consent_form.storage, instance.consent_form.name
        transaction.on_commit(partial(storage.delete, name))


class StoryMediaMixin:
    """For Story: everything about its files in the media storage."""

    @property
    def media_folder(self):
        return story_folder(self.media_key)

    def stored_media_names(self):
        """Every file the media storage holds in this story's folder."""
        try:
            _, names = default_storage.listdir(self.media_folder)
        except FileNotFoundError:
            return []
        return sorted(f"{self.media_folder}/{name}" for name in names)

    def delete_media_files(self):
        """Remove every file of the story from the media storage: originals, renditions, gallery,
        share override and share cards (after the transaction, in case it rolls back)."""
        transaction.on_commit(partial(delete_folder_files, default_storage, self.media_folder))

    def replace_renditions(self, previous_image=None):
        """Make the srcset renditions of a new hero image, and remove the old image's files
        unless another story still uses them (generated benchmark stories share images)."""
        storage = self.hero_image.storage
        self.hero_renditions = []
        if self.hero_image:
            self.hero_renditions = make_fresh_renditions(self.hero_image)
        type(self).objects.filter(pk=self.pk).update(hero_renditions=self.hero_renditions)
        if previous_image and previous_image["hero_image"]:
            others = type(self).objects.exclude(pk=self.pk).exclude(translation_of=self)  # translations follow
            shared = others.filter(hero_image=previous_image["hero_image"]).exists()
            if not shared:
                # Only once the new image is saved for good: if this save fails (a full disk while
                # writing renditions), the rolled-back row still points at files that still exist.
                transaction.on_commit(partial(delete_story_files, storage, previous_image))
        ContentVersion.bump()  # update() sends no signal, and pages show the renditions

    def images_snapshot(self):
        """The story's image files as stored now; see keep_images_after_restore()."""
        return {
            "hero": {field: getattr(self, field) for field in HERO_IMAGE_FIELDS},
            "gallery": list(self.gallery_images.values("pk", "image", "renditions")),
        }

    def keep_images_after_restore(self, before):
        """Repair images after a revision was restored or a deleted story recovered.

        A restored version names the image files it had; those replaced or removed since
        are gone from storage (a removed photo must leave it at once). The story then keeps
        the hero image it had just before (``before``, from images_snapshot(), or none), drops
        gallery entries without files, and gallery files the restore left unused are removed.
        """
        storage = self.hero_image.storage
        if self.hero_image and not storage.exists(self.hero_image.name):
            hero = before["hero"] if before and storage.exists(str(before["hero"]["hero_image"])) else None
            for field in HERO_IMAGE_FIELDS:
                setattr(self, field, hero[field] if hero else self._meta.get_field(field).get_default())
            type(self).objects.filter(pk=self.pk).update(**{field: getattr(self, field) for field in HERO_IMAGE_FIELDS})
        for gallery_image in self.gallery_images.all():
            if not storage.exists(gallery_image.image.name):
                gallery_image.delete()
        kept = set(self.gallery_images.values_list("image", flat=True))
        unused = [row for row in (before["gallery"] if before else []) if row["image"] not in kept]

        def delete_unused_files():
            for row in unused:
                delete_renditions(storage, row["renditions"])
                storage.delete(row["image"])

        transaction.on_commit(delete_unused_files)  # not before the restore is saved for good

    @property
    def hero_srcset(self):
        return renditions_srcset(self.hero_image.storage, self.hero_renditions)

    @property
    def hero_fallback_url(self):
        return renditions_fallback_url(self.hero_image, self.hero_renditions)
