"""E-mails about hand-overs, through Django's e-mail backend; off unless the setting
NEWSROOM_EMAIL_NOTIFICATIONS is on (the console backend prints them in development).

Sent for review: the editors. Sent back, published, unpublished: the contributor who
started the story. Nobody is told about what they did themselves.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext

from balkanoscope.links import absolute_url
from stories.models import StoryHandover

logger = logging.getLogger(__name__)
Kind = StoryHandover.Kind


def editors():
    User = get_user_model()
    may_publish = Q(groups__permissions__codename="publish_story") | Q(user_permissions__codename="publish_story")
    return User.objects.filter(Q(is_superuser=True) | may_publish, is_active=True).distinct()


def recipients(handover):
    if handover.kind == Kind.SUBMITTED:
        people = list(editors())
    else:
        people = [handover.story.created_by] if handover.story.created_by else []
    return sorted({person.email for person in people if person.email and person.pk != handover.made_by_id})


def message(handover):
    story = handover.story
    who = handover.made_by.get_username() if handover.made_by else gettext("Someone")
    subjects = {
        Kind.SUBMITTED: gettext("“%(title)s” is waiting for review"),
        Kind.RETURNED: gettext("“%(title)s” was sent back to you"),
        Kind.PUBLISHED: gettext("“%(title)s” was published"),
        Kind.UNPUBLISHED: gettext("“%(title)s” was unpublished"),
    }
    subject = f"[{settings.SITE_NAME}] " + subjects[handover.kind] % {"title": story.title}
    lines = [gettext("%(kind)s by %(user)s.") % {"kind": handover.get_kind_display(), "user": who}]
    if handover.note:
        lines += ["", gettext("Note:"), handover.note]
    lines += ["", absolute_url(reverse("admin:stories_story_change", args=[story.pk]))]
    return subject, "\n".join(lines)


def notify_handover(handover_pk):
    if not settings.NEWSROOM_EMAIL_NOTIFICATIONS:
        return
    handover = StoryHandover.objects.select_related("story__created_by", "made_by").filter(pk=handover_pk).first()
    to = recipients(handover) if handover else []
    if not to:
        return
    subject, body = message(handover)
    try:
        send_mail(subject, body, None, to)
    except OSError:
        # A mail server that is down must not undo the hand-over; it is in the dashboard anyway.
        logger.exception("The hand-over e-mail could not be sent")
