"""Preview pages: a story as it will look, for whoever holds a working preview link, and for
the editors in the admin."""

from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from balkanoscope.links import absolute_url
from stories.editorial.preview import (
    PreviewLinkExpired,
    PreviewLinkInvalid,
    PreviewLinkRevoked,
    preview_link_from_token,
)
from stories.media.views import with_preview_media_urls
from stories.models import PreviewLink, Story
from stories.views.story import story_page_context


@require_safe
@never_cache
def story_preview(request, token):
    """An unpublished or scheduled story as it will look, for whoever holds a working link."""
    try:
        link = preview_link_from_token(token)
    except PreviewLinkRevoked:
        return preview_refused(request, _("This preview link was revoked. Ask the editor for a new one."), 410)
    except PreviewLinkExpired:
        return preview_refused(request, _("This preview link has expired. Ask the editor for a new one."), 403)
    except PreviewLinkInvalid:
        return preview_refused(request, _("This preview link is not valid. Check that it was copied in full."), 404)
    story = link.story
    if story.is_public:
        return redirect(story)
    PreviewLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())
    response = render_preview(request, story, story_url=absolute_url(request.path))
    # The story's images are not public yet: the link's holder gets them through short-lived URLs.
    response.content = with_preview_media_urls(response.content.decode(), link)
    return response


def render_preview(request, story, *, story_url):
    """The preview page of `story`, never cached or indexed."""
    story = Story.objects.prefetch_related("contributors", "gallery_images").get(pk=story.pk)
    context = story_page_context(story)
    context.update(story_url=story_url, share_links=[], is_preview=True)
    return with_preview_headers(render(request, "stories/story_preview.html", context))


def preview_refused(request, message, status):
    response = render(request, "stories/preview_refused.html", {"message": message}, status=status)
    return with_preview_headers(response)


def with_preview_headers(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the link is the key: never hand it to another site
    return response
