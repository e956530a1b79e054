"""Bylines of the people who use the admin: a contributor's login is tied to their public byline
(Contributor.user), which then goes on the stories they start."""

from stories.models import Contributor


def own_byline(user):
    """The byline tied to this login, or None."""
    if not user.is_authenticated:
        return None
    return Contributor.objects.filter(user=user).first()


def default_bylines(user):
    """The contributors a new story starts with: the author's own byline, if they have one."""
    byline = own_byline(user)
    return [byline.pk] if byline else []
