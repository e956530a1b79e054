"""Story cards for other sites: the oEmbed provider (https://oembed.com) and the card page it frames.

A partner portal asks /oembed/?url=<a story's address>&format=json (or xml) and gets a `rich`
embed whose HTML is an <iframe> of /embed/stories/<slug>/: the story's image, title, summary and
countries, linking to the story in a new tab. The card page is the only page another site may
frame; it sets no cookie and loads no script.
"""

import json
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from balkanoscope.links import absolute_reverse, absolute_url
from stories.models import Story, StorySlug
from stories.sharing.cards import story_share_image

DEFAULT_WIDTH = 560
# The card's text under the image (countries, two lines of title, three of summary, the link).
TEXT_HEIGHT = 210
MAX_DIMENSION = 4000  # larger than any screen: beyond it a value is a mistake
MAX_URL_LENGTH = 2000
CACHE_AGE = 60 * 60
FORMATS = ("json", "xml")


def requested_dimension(request, name):
    """?maxwidth= or ?maxheight= as a positive number of pixels, None when absent; 400 otherwise."""
    value = request.GET.get(name)
    if value is None or value == "":
        return None
    if not value.isdigit() or not 0 < int(value) <= MAX_DIMENSION:
        raise ValueError(
            _("%(name)s must be a number of pixels from 1 to %(max)s.") % {"name": name, "max": MAX_DIMENSION}
        )
    return int(value)


def card_size(maxwidth=None, maxheight=None):
    """The iframe's width and height: the default card, narrowed to `maxwidth` (its image keeps
    16:9) and cut to `maxheight` (the card page then drops its image rather than its text)."""
    width = min(DEFAULT_WIDTH, maxwidth) if maxwidth else DEFAULT_WIDTH
    height = round(width * 9 / 16) + TEXT_HEIGHT
    if maxheight:
        height = min(height, maxheight)
    return width, height


def story_for_url(url):
    """The published story an absolute URL on this site names (its page, an old address or its
    short link), else None. Other hosts name nothing we can embed."""
    parts = urlsplit(url)
    site = urlsplit(settings.SITE_URL)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != site.netloc.lower():
        return None
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return None
    published = Story.objects.published()
    if match.view_name == "stories:detail":
        slug = match.kwargs["slug"]
        story = published.filter(slug=slug).first()
        if story is None:
            old = StorySlug.objects.filter(slug=slug, story__in=published).select_related("story").first()
            story = old.story if old else None
        return story
    if match.view_name == "stories:short_link":
        return published.filter(pk=match.kwargs["pk"]).first()
    return None


def embed_iframe(story, width, height):
    """The HTML a consumer pastes: a sandboxed frame that may only open the story in a new tab."""
    src = absolute_reverse("stories:embed", kwargs={"slug": story.slug})
    title = _("%(title)s · %(site)s") % {"title": story.title, "site": settings.SITE_NAME}
    return (
        f'<iframe src="{escape_attribute(src)}" width="{width}" height="{height}" title="{escape_attribute(title)}" '
        'style="border:0;max-width:100%" loading="lazy" '
        'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>'
    )


def escape_attribute(text):
    return str(text).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def oembed_data(story, width, height):
    """The oEmbed response's fields (version 1.0, type rich)."""
    image = story_share_image(story)
    contributors = ", ".join(contributor.name for contributor in story.contributors.all())
    data = {
        "version": "1.0",
        "type": "rich",
        "provider_name": settings.SITE_NAME,
        "provider_url": absolute_url("/"),
        "title": story.title,
        "html": embed_iframe(story, width, height),
        "width": width,
        "height": height,
        "cache_age": CACHE_AGE,
        "thumbnail_url": image.url,
        "thumbnail_width": image.width,
        "thumbnail_height": image.height,
    }
    if contributors:
        data["author_name"] = contributors
    return data


def as_xml(data):
    root = ElementTree.Element("oembed")
    for name, value in data.items():
        ElementTree.SubElement(root, name).text = str(value)
    body = ElementTree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n' + body


def oembed_response(request):
    """The oEmbed endpoint's answer: 400 for a missing or malformed parameter, 404 for a URL
    that names no published story, 501 for a format other than json or xml (as the spec says)."""
    url = request.GET.get("url", "")
    if not url or len(url) > MAX_URL_LENGTH:
        return HttpResponseBadRequest(_("The url parameter must be the address of a story."))
    response_format = request.GET.get("format") or "json"
    if response_format not in FORMATS:
        return HttpResponse(_("Only the json and xml formats are offered."), status=501, content_type="text/plain")
    try:
        width, height = card_size(requested_dimension(request, "maxwidth"), requested_dimension(request, "maxheight"))
    except ValueError as error:
        return HttpResponseBadRequest(str(error))
    story = story_for_url(url)
    if story is None:
        raise Http404(_("There is no story at this address to embed."))
    data = oembed_data(story, width, height)
    if response_format == "xml":
        response = HttpResponse(as_xml(data), content_type="text/xml; charset=utf-8")
    else:
        response = HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"  # public data, fetched by partners' scripts too
    return response
