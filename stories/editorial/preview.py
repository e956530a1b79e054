"""Signed, expiring preview links: a storyteller reads a story before it goes out, without a login."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from balkanoscope.links import absolute_url

PREVIEW_SALT = "stories.editorial.preview"


class PreviewLinkExpired(Exception):
    pass


class PreviewLinkInvalid(Exception):
    pass


def preview_token(story):
    return signing.dumps({"story": story.pk}, salt=PREVIEW_SALT, compress=True)


def preview_path(story):
    return reverse("stories:preview", kwargs={"token": preview_token(story)})


def preview_url(story):
    """The absolute link an editor sends to the storyteller."""
    return absolute_url(preview_path(story))


def story_pk_from_token(token):
    """The story's primary key, or PreviewLinkExpired / PreviewLinkInvalid."""
    try:
        payload = signing.loads(token, salt=PREVIEW_SALT, max_age=settings.STORY_PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewLinkExpired from None
    except signing.BadSignature:
        raise PreviewLinkInvalid from None
    if not isinstance(payload, dict) or not isinstance(payload.get("story"), int):
        raise PreviewLinkInvalid
    return payload["story"]
