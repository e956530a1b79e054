"""Reading offline: the web app manifest, the service worker and the offline page.

The service worker (static/js/sw.js) is served from the site's root so that its scope is the
whole site; this view puts the site's own paths before it, so nothing in it is hard-coded.
"""

import json
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from balkanoscope.copy import SITE_DESCRIPTION
from balkanoscope.links import path_prefix, reverse
from balkanoscope.release import release_id
from stories.sharing.metadata import page_meta


@cache
def service_worker_source():
    with open(finders.find("js/sw.js"), encoding="utf-8") as source:
        return source.read()


def service_worker_config():
    """Where the worker looks: what it never keeps, the offline page, static and media paths."""
    return {
        "release": release_id(),
        "offlinePage": reverse("stories:offline"),
        "staticUrl": settings.STATIC_URL,
        "mediaUrl": settings.MEDIA_URL,
        "storyPrefix": path_prefix("stories:detail", "slug"),
        "neverCache": [
            reverse("admin:index"),
            path_prefix("stories:preview", "token"),
            reverse("stories:search"),
            reverse("stories:oembed"),
            path_prefix("stories:embed", "slug"),
            reverse("stories:service_worker"),
        ],
    }


@require_safe
@cache_control(no_cache=True)  # a new release's worker is picked up at the next visit
def service_worker(request):
    config = json.dumps(service_worker_config())
    response = HttpResponse(f"var CONFIG = {config};\n{service_worker_source()}", content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
@cache_control(public=True, max_age=60 * 60)
def manifest(request):
    return JsonResponse(
        {
            "name": settings.SITE_NAME,
            "short_name": settings.SITE_NAME,
            "description": str(SITE_DESCRIPTION),
            "start_url": reverse("stories:home"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#fbfaf7",
            "theme_color": "#1d2327",
            "icons": [{"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def offline(request):
    """The page the service worker shows for a page it has not kept; it lists those it has."""
    return render(
        request,
        "stories/offline.html",
        {"story_prefix": path_prefix("stories:detail", "slug"), "meta": page_meta(request, _("Saved stories"))},
    )
