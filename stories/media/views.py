"""A story's files, served only while the public may see the story.

/media/stories/<media key>/<name> answers when the story is public (one indexed query per
request, against the database, so an unpublished, withdrawn or deleted story's files stop
answering at once on every app instance), and to people in the admin who may see the story.
Holders of a working preview link get each file through /media-preview/<signed>/, a short-lived
URL the preview page writes in place of the public one (stories/editorial/preview_views.py).
"""

import re

from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef
from django.http import HttpResponseNotFound
from django.urls import reverse
from django.views.decorators.http import require_safe

from balkanoscope.views import media_file_response
from stories.editorial.roles import can_publish
from stories.media.names import media_key_of, story_folder
from stories.models import PreviewLink, Story

PREVIEW_MEDIA_SALT = "stories.media.preview"
PRIVATE_CACHE_CONTROL = "private, no-store"


def not_found():
    response = HttpResponseNotFound("Not found.", content_type="text/plain; charset=utf-8")
    # Not kept: the same URL answers once the story is published.
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def story_media(request, media_key, name):
    visibility = (
        Story.objects.filter(media_key=media_key)
        .values("created_by_id", is_public=Exists(Story.objects.published().filter(pk=OuterRef("pk"))))
        .first()
    )
    if visibility is None:
        return not_found()
    if visibility["is_public"]:
        # A CDN or browser may keep it this long after the story stops being public (README,
        # "Media files"): short, yet enough to spare the app most requests for a popular story.
        cache_control = f"public, max-age={settings.STORY_MEDIA_MAX_AGE}"
        # With object storage, a cached redirect must still lead to a working signed URL.
        signed_for = 2 * settings.STORY_MEDIA_MAX_AGE + 60
    elif may_see_unpublished(request.user, visibility["created_by_id"]):
        cache_control, signed_for = PRIVATE_CACHE_CONTROL, None
    else:
        return not_found()
    return media_file_response(
        request, f"{story_folder(media_key)}/{name}", cache_control=cache_control, signed_for=signed_for
    )


def may_see_unpublished(user, created_by_id):
    """Editors, and a contributor for their own story: who may see it in the admin."""
    if not (user.is_authenticated and user.is_staff and user.has_perm("stories.change_story")):
        return False
    return can_publish(user) or created_by_id == user.pk


# Preview links ----------------------------------------------------------------------


def preview_media_url(link, name):
    """A short-lived URL of the story file `name` for the holder of preview `link`."""
    token = signing.dumps({"link": link.token_id.hex, "name": name}, salt=PREVIEW_MEDIA_SALT, compress=True)
    return reverse("preview_media", kwargs={"token": token})


def with_preview_media_urls(content, link):
    """`content` (a rendered page) with every URL of the link's story's files made a preview URL."""
    folder = story_folder(link.story.media_key)
    pattern = re.compile(re.escape(f"{settings.MEDIA_URL}{folder}/") + r"([0-9A-Za-z_.-]+)")
    return pattern.sub(lambda match: preview_media_url(link, f"{folder}/{match[1]}"), content)


@require_safe
def preview_media(request, token):
    try:
        payload = signing.loads(token, salt=PREVIEW_MEDIA_SALT, max_age=settings.PREVIEW_MEDIA_MAX_AGE)
        token_id, name = payload["link"], payload["name"]
    except (signing.BadSignature, TypeError, KeyError):
        return not_found()
    link = PreviewLink.objects.active().filter(token_id=token_id).values("story__media_key").first()
    if link is None or media_key_of(name) != link["story__media_key"]:
        return not_found()  # revoked or expired since the page was shown
    response = media_file_response(request, name, cache_control=PRIVATE_CACHE_CONTROL)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
