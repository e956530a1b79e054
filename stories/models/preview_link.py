"""Preview links: each link sent to a storyteller is a record, so it can be revoked."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.models.story import Story


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        """Links that still open their story: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def revoke(self):
        """Revoke every link of the queryset not revoked yet; return how many."""
        return self.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


class PreviewLink(models.Model):
    """One preview link of a story: the signed token in its URL names this record by token_id
    (stories/editorial/preview.py), so revoking the record kills the link at once."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="preview_links")
    token_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.story_id}:{self.token_id}"

    @classmethod
    def create_for(cls, story, user):
        """A new link to `story`, working for STORY_PREVIEW_MAX_AGE seconds."""
        now = timezone.now()
        return cls.objects.create(
            story=story,
            created_by=user,
            created_at=now,
            expires_at=now + timedelta(seconds=settings.STORY_PREVIEW_MAX_AGE),
        )

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()
