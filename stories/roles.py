"""The editorial roles: groups created by migration 0003, and what they may do."""

from django.utils.translation import gettext_lazy as _

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
ROLES = {CONTRIBUTOR: _("writes stories and submits them for review"), EDITOR: _("reviews, publishes and manages")}


def can_publish(user):
    """Editors (and superusers): publish, schedule, unpublish, feature, edit any story."""
    return user.has_perm("stories.publish_story")


def can_manage_consent(user):
    return user.has_perm("stories.manage_consent")
