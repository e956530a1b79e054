"""The editorial roles: groups created by migration 0003, and what they may do."""

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"


def can_publish(user):
    """Editors (and superusers): publish, schedule, unpublish, feature, edit any story."""
    return user.has_perm("stories.publish_story")


def can_manage_consent(user):
    return user.has_perm("stories.manage_consent")
