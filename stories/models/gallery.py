"""A story's gallery of pictures."""

from functools import partial

import reversion
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from stories.media.fields import SafeImageField
from stories.media.names import random_name_in, story_folder
from stories.media.renditions import (
    delete_renditions,
    make_fresh_renditions,
    renditions_fallback_url,
    renditions_srcset,
)
from stories.models.content_version import ContentVersion
from stories.models.story import Story


def gallery_image_path(gallery_image, filename):
    return random_name_in(story_folder(gallery_image.story.media_key), filename)


@reversion.register()
class StoryImage(models.Model):
    """One picture of a story's gallery, shown after the body."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="gallery_images")
    image = SafeImageField(_("image"), upload_to=gallery_image_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    renditions = models.JSONField(default=list, blank=True, editable=False)
    alt = models.CharField(
        _("alt text"), max_length=250, help_text=_("What the image shows, for people who cannot see it.")
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    def __str__(self):
        return self.alt

    def save(self, *args, **kwargs):
        previous = StoryImage.objects.filter(pk=self.pk).values("image", "renditions").first() if self.pk else None
        super().save(*args, **kwargs)
        if previous is None or previous["image"] != self.image.name:
            self.renditions = make_fresh_renditions(self.image) if self.image else []
            StoryImage.objects.filter(pk=self.pk).update(renditions=self.renditions)
            ContentVersion.bump()  # update() sends no signal, and the story page shows the renditions
            if previous:
                # Only once the new image is saved for good, as for hero images.
                transaction.on_commit(partial(self._delete_files, previous["image"], previous["renditions"]))

    def delete_files(self):
        """Remove the image and its renditions from storage (when an editor removes the image)."""
        self._delete_files(self.image.name, self.renditions)

    def _delete_files(self, name, renditions):
        storage = self.image.storage
        delete_renditions(storage, renditions)
        if name:
            storage.delete(name)

    @property
    def srcset(self):
        return renditions_srcset(self.image.storage, self.renditions)

    @property
    def fallback_url(self):
        return renditions_fallback_url(self.image, self.renditions)
