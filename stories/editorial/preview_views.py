"""Preview links: a story as it will look, for whoever holds a signed link."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from balkanoscope.links import absolute_url
from stories.editorial.preview import PreviewLinkExpired, PreviewLinkInvalid, story_pk_from_token
from stories.models import Story
from stories.views.story import story_page_context


@require_safe
@never_cache
def story_preview(request, token):
    """An unpublished or scheduled story as it will look, for whoever holds a signed link."""
    try:
        story_pk = story_pk_from_token(token)
    except PreviewLinkExpired:
        return preview_refused(request, _("This preview link has expired. Ask the editor for a new one."), 403)
    except PreviewLinkInvalid:
        return preview_refused(request, _("This preview link is not valid. Check that it was copied in full."), 404)
    story = Story.objects.prefetch_related("countries", "themes", "contributors", "gallery_images").filter(pk=story_pk)
    story = story.first()
    if story is None:
        return preview_refused(request, _("This story no longer exists."), 404)
    if story.is_public:
        return redirect(story)
    context = story_page_context(story)
    context.update(story_url=absolute_url(request.path), share_links=[], is_preview=True)
    return with_preview_headers(render(request, "stories/story_preview.html", context))


def preview_refused(request, message, status):
    response = render(request, "stories/preview_refused.html", {"message": message}, status=status)
    return with_preview_headers(response)


def with_preview_headers(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the link is the key: never hand it to another site
    return response
