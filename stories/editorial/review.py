"""Review as a conversation: every save that changes a story's status records a hand-over
(sent for review, sent back, published, unpublished) with who and when, and an editor's
note when a story goes back to its contributor. The people concerned may be told by e-mail
(stories/editorial/notifications.py, off unless NEWSROOM_EMAIL_NOTIFICATIONS is on).

The receivers work from the story itself, so every path that saves it counts: the form, the
list actions, the send-back page. The person is Story.updated_by, which the admin sets
before each save; a save without one (an import, a management command) is nobody's
hand-over and is not recorded.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save, pre_save

from stories.editorial.notifications import notify_handover
from stories.models import Story, StoryHandover

Status, Kind = Story.Status, StoryHandover.Kind


def handover_kind(before, after):
    """The hand-over a change of status from `before` (None: a new story) to `after` makes."""
    if before == after:
        return None
    if after == Status.PUBLISHED:
        return Kind.PUBLISHED
    if before == Status.PUBLISHED and after in (Status.DRAFT, Status.REVIEW):
        return Kind.UNPUBLISHED
    if after == Status.REVIEW:
        return Kind.SUBMITTED
    if before == Status.REVIEW and after == Status.DRAFT:
        return Kind.RETURNED
    return None


def remember_status_before_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    instance._status_before_save = (
        Story.objects.filter(pk=instance.pk).values_list("status", flat=True).first() if instance.pk else None
    )


def record_handover(sender, instance, raw=False, **kwargs):
    if raw or not hasattr(instance, "_status_before_save"):
        return
    kind = handover_kind(instance.__dict__.pop("_status_before_save"), instance.status)
    note = instance.__dict__.pop("handover_note", "")
    if kind is None or instance.updated_by_id is None:
        return
    handover = StoryHandover.objects.create(story=instance, kind=kind, made_by_id=instance.updated_by_id, note=note)
    transaction.on_commit(partial(notify_handover, handover.pk))


def connect_handovers():
    pre_save.connect(remember_status_before_save, sender=Story, dispatch_uid="handover_status_before_save")
    post_save.connect(record_handover, sender=Story, dispatch_uid="handover_record")


def send_back(story, editor, note):
    """Return a story in review to its contributor, with the editor's note."""
    story.status = Status.DRAFT
    story.updated_by = editor
    story.handover_note = note
    story.save()


def conversation(story, limit=10):
    """The story's latest hand-overs, newest first."""
    if not story or not story.pk:
        return []
    return list(story.handovers.select_related("made_by")[:limit])


def open_return_note(handovers):
    """The editor's note a contributor still has to act on: the latest hand-over, if it sent
    the story back."""
    if handovers and handovers[0].kind == Kind.RETURNED:
        return handovers[0]
    return None
