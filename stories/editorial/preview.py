"""Preview links: a storyteller reads a story before it goes out, without a login.

Each link is a PreviewLink record; the URL carries a signed token naming the record, so a link
cannot be forged or guessed, and revoking or expiring the record ends it on every app instance.
"""

import uuid

from django.core import signing
from django.urls import reverse

from balkanoscope.links import absolute_url
from stories.models import PreviewLink

PREVIEW_SALT = "stories.editorial.preview.link"


class PreviewLinkInvalid(Exception):
    """The token is damaged, forged, or names no link."""


class PreviewLinkExpired(Exception):
    pass


class PreviewLinkRevoked(Exception):
    pass


def preview_token(link):
    """The same token every time for the same link (no timestamp: the record holds the expiry),
    so the address an editor copied from the story form stays the address it shows."""
    return signing.Signer(salt=PREVIEW_SALT).sign_object({"link": link.token_id.hex})


def read_token(token):
    """The token's payload; tokens made before links were stable carried a timestamp."""
    try:
        return signing.Signer(salt=PREVIEW_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return signing.loads(token, salt=PREVIEW_SALT)


def preview_path(link):
    return reverse("stories:preview", kwargs={"token": preview_token(link)})


def preview_url(link):
    """The absolute link an editor sends to the storyteller."""
    return absolute_url(preview_path(link))


def preview_link_from_token(token):
    """The PreviewLink (with its story) the token names, if it still works; else
    PreviewLinkInvalid, PreviewLinkRevoked or PreviewLinkExpired."""
    try:
        payload = read_token(token)
        token_id = uuid.UUID(hex=payload["link"])
    except (signing.BadSignature, TypeError, KeyError, ValueError):
        raise PreviewLinkInvalid from None
    link = PreviewLink.objects.select_related("story").filter(token_id=token_id).first()
    if link is None:
        raise PreviewLinkInvalid
    if link.is_revoked:
        raise PreviewLinkRevoked
    if link.is_expired:
        raise PreviewLinkExpired
    return link
