"""The content version: one counter that every page cache key includes."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row counting changes to anything a public page shows. Every page cache key includes
    the number, so one UPDATE in the editor's transaction outdates every cached page in every
    process and app instance (see stories/content_state.py)."""

    SINGLETON_PK = 1

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return str(self.number)

    @classmethod
    def bump(cls):
        """Mark every cached page and value as outdated. Runs inside the writer's transaction,
        so a reader who sees the new number also sees the new content."""
        updated = cls.objects.filter(pk=cls.SINGLETON_PK).update(number=F("number") + 1, changed_at=timezone.now())
        if not updated:
            cls.objects.get_or_create(pk=cls.SINGLETON_PK, defaults={"number": 1})
