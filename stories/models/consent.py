"""The history of a story's consent record: who recorded or changed what, and when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.models.story import Story

# The consent record, in the order the story form shows it.
CONSENT_FIELDS = (
    "has_consent",
    "consent_given_on",
    "consent_method",
    "consent_notes",
    "consent_review_on",
    "consent_form",
)


class ConsentRecordChange(models.Model):
    """One change of a story's consent record. Consent is the storyteller's act: its history is
    kept apart from the story's revisions, so restoring a version never rewrites it, and
    editors (never contributors) see it on the story form."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="consent_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    # [{"field": "has_consent", "from": False, "to": True}, …], values as JSON can hold them.
    changes = models.JSONField(_("changes"), default=list)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("consent record change")
        verbose_name_plural = _("consent record changes")

    def __str__(self):
        return f"{self.story_id} {self.changed_at:%Y-%m-%d %H:%M}"


def consent_values(story):
    """The consent record of `story` as JSON-ready values (a stored form by its random name)."""
    values = {}
    for name in CONSENT_FIELDS:
        value = getattr(story, name)
        if name == "consent_form":
            value = value.name or ""
        elif name in ("consent_given_on", "consent_review_on"):
            value = value.isoformat() if value else None
        values[name] = value
    return values


def record_consent_changes(story, before, user):
    """Keep a ConsentRecordChange if the record differs from `before` (consent_values() taken
    earlier, or None for a new story); return it, or None when nothing changed."""
    after = consent_values(story)
    before = before or {name: Story._meta.get_field(name).get_default() or None for name in CONSENT_FIELDS}
    changes = [
        {"field": name, "from": before.get(name), "to": after[name]}
        for name in CONSENT_FIELDS
        if (before.get(name) or None) != (after[name] or None)
    ]
    if not changes:
        return None
    return ConsentRecordChange.objects.create(story=story, changed_by=user, changes=changes)
