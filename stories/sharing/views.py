"""Share cards: drawn on first request, then cached for good."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_safe

from stories.models import Story
from stories.sharing import cards as share_images

CARD_CACHE_CONTROL = "public, max-age=31536000, immutable"


def jpeg_response(content):
    response = HttpResponse(content, content_type="image/jpeg")
    # The URL names the card's content: it can be cached forever.
    response["Cache-Control"] = CARD_CACHE_CONTROL
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_safe
def story_social_card(request, pk, digest):
    """A published story's share card; an outdated digest redirects to the current card."""
    story = get_object_or_404(Story.objects.published(), pk=pk)
    current = share_images.story_card_digest(story)
    if digest != current:
        return redirect("stories:social_card", pk=story.pk, digest=current, permanent=True)
    return jpeg_response(share_images.story_card_jpeg(story, current))


@require_safe
def default_social_card(request, digest):
    """The branded card of pages that have no image of their own."""
    current = share_images.default_card_digest()
    if digest != current:
        return redirect("stories:default_social_card", digest=current, permanent=True)
    return jpeg_response(share_images.default_card_jpeg(current))
