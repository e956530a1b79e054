"""Withdrawn stories: what the site keeps after a storyteller withdraws consent.

The story's text, images and revisions are erased (stories/editorial/withdrawal.py); what stays
is a private record of the withdrawal and a keyed digest of every address the story had, so
those addresses answer 410 Gone without the database holding them, or anything else about the
story, any more.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from stories.models.story import Story


def address_digest(slug):
    """A keyed digest of a story address: comparable, but no slug can be read back or checked
    against a guess without the site's secret key."""
    return salted_hmac("stories.withdrawn-address", slug, algorithm="sha256").hexdigest()


class StoryWithdrawal(models.Model):
    """Who withdrew a story, when and why. The reason is private: editors only."""

    story = models.OneToOneField(Story, on_delete=models.CASCADE, related_name="withdrawal")
    withdrawn_at = models.DateTimeField(_("withdrawn"), default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason (private)"))

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")

    def __str__(self):
        return f"{self.story_id} {self.withdrawn_at:%Y-%m-%d}"


class WithdrawnAddress(models.Model):
    """One address (current or old slug) of a withdrawn story, as a digest: it answers 410."""

    withdrawal = models.ForeignKey(StoryWithdrawal, on_delete=models.CASCADE, related_name="addresses")
    slug_digest = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("withdrawn address")
        verbose_name_plural = _("withdrawn addresses")

    def __str__(self):
        return self.slug_digest

    @classmethod
    def is_withdrawn(cls, slug):
        return cls.objects.filter(slug_digest=address_digest(slug)).exists()
