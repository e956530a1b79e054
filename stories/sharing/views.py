"""Share cards: drawn on first request, then cached for good."""

from csp.constants import NONE
from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from balkanoscope.links import absolute_url
from stories.models import Country, Story, WithdrawnAddress
from stories.sharing import cards as share_images
from stories.sharing.embeds import oembed_response

# Embeds change when the story does; partners' pages may keep them a few minutes.
EMBED_CACHE_SECONDS = 300

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


@require_safe
@cache_control(public=True, max_age=EMBED_CACHE_SECONDS)
def oembed(request):
    return oembed_response(request)


# The one kind of page other sites may frame: no X-Frame-Options, frame-ancestors from settings,
# and no script at all.
@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": settings.EMBED_FRAME_ANCESTORS, "script-src": [NONE]})
@cache_control(public=True, max_age=EMBED_CACHE_SECONDS)
def story_embed(request, slug):
    story = Story.objects.published().filter(slug=slug).first()
    if story is None:
        return unavailable_story_embed(request, slug)
    return render(
        request,
        "stories/story_embed.html",
        {
            "story": story,
            "story_url": absolute_url(story.get_absolute_url()),
            "countries": list(Country.objects.filter(tagged_stories__content_object=story)),
        },
    )


def unavailable_story_embed(request, slug):
    """The card for an address with no public story: "withdrawn" (410) for a story withdrawn at
    the storyteller's request, so a partner's page says so instead of showing a broken frame."""
    if WithdrawnAddress.is_withdrawn(slug):
        return withdrawn_story_embed(request)
    raise Http404


def withdrawn_story_embed(request):
    """The card of a withdrawn story: it says so, on the partner's page, and links nowhere."""
    return render(request, "stories/story_embed.html", {"withdrawn": True}, status=410)
