"""Hand-overs: the moments a story changes hands in the newsroom, with who and when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.models.story import Story


class StoryHandover(models.Model):
    """A story sent for review, returned to its contributor (with a note), published or
    unpublished. Recorded by stories/editorial/review.py whenever a save changes the status."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Sent for review")
        RETURNED = "returned", _("Sent back to the contributor")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="handovers", verbose_name=_("story"))
    kind = models.CharField(_("hand-over"), max_length=20, choices=Kind)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    made_at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-made_at", "-id"]
        verbose_name = _("hand-over")
        verbose_name_plural = _("hand-overs")
        indexes = [models.Index(fields=["story", "-made_at"], name="handover_story_latest")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.story}"
