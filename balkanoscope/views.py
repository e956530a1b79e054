"""Site-wide views: media files, the error pages, robots.txt and the sitemap index."""

import math
import posixpath
import sys
from pathlib import PurePosixPath

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

from balkanoscope.health import database_failed
from balkanoscope.links import absolute_reverse, path_prefix, reverse_in
from balkanoscope.page_cache import page_cacheable
from balkanoscope.page_numbers import page_number
from balkanoscope.storage import MEDIA_CONTENT_TYPES, STORY_FILES_PREFIX

# Files outside stories' folders (partner logos, contributor photos, the default share card)
# are public for good. A story's files are served by stories.media.views, which decides per
# request who may see them.
UPLOAD_CACHE_CONTROL = "public, max-age=86400"
PRIVATE_FOLDERS = (STORY_FILES_PREFIX,)


def media_file_response(request, path, *, cache_control, signed_for=None):
    """The stored image at `path` of the media storage, labelled as the image it is and unable
    to run as a page, or a 404. With object storage, a redirect to a URL of the store signed for
    `signed_for` seconds (the bytes come from the store, not through the app)."""
    content_type = MEDIA_CONTENT_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type is None:
        raise Http404("Not an image.")
    if hasattr(default_storage, "signed_url"):  # balkanoscope/object_storage.py
        expire = signed_for or settings.MEDIA_SIGNED_URL_MAX_AGE
        response = HttpResponseRedirect(default_storage.signed_url(path, expire=expire, cache_control=cache_control))
    else:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
        response["Content-Type"] = content_type
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = cache_control
    return response


@require_safe
def media(request, path):
    if posixpath.normpath(path).lstrip("/").startswith(PRIVATE_FOLDERS):  # also as ../stories/…
        raise Http404("Served only through the story media view.")
    if hasattr(default_storage, "signed_url"):
        # Public uploads are served by the store or its CDN; an address from before the move to
        # object storage leads there (not for good: the CDN's domain may change).
        response = HttpResponseRedirect(default_storage.url(path))
        response["Cache-Control"] = UPLOAD_CACHE_CONTROL
        return response
    return media_file_response(request, path, cache_control=UPLOAD_CACHE_CONTROL)


def page_not_found(request, exception):
    """Django's 404 page, whose language switcher offers each language's home page: the
    missing page is missing in every language."""
    request.language_paths = {code: reverse_in(code, "stories:home") for code, _name in settings.LANGUAGES}
    return defaults.page_not_found(request, exception)


def server_error(request):
    """The branded 500 page, rendered without a request context: no database, no user data.
    A database outage met outside a view (e.g. loading an editor's session) gets the 503."""
    exception = sys.exception()
    if isinstance(exception, OperationalError | InterfaceError):
        database_failed(exception)
        return service_unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())


def service_unavailable(request):
    """The branded 503 page for a database outage: a static template, no database access."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = "30"
    add_never_cache_headers(response)  # a CDN must not keep the outage page for later readers
    # Django would log every 503 as an error; the outage is logged once by the middleware.
    response._has_been_logged = True
    return response


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: say plainly why and for how long, in the page
    and in Retry-After (seconds) for scripts and password managers."""
    seconds = lockout_seconds_left(request, credentials)
    minutes = math.ceil(seconds / 60)
    html = loader.get_template("registration/locked_out.html").render({"cooloff_minutes": minutes})
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response


def lockout_seconds_left(request, credentials):
    """Seconds until this login may be tried again: the newest failure of each lockout that
    applies (per username, per address), plus the cool-off time; the longest wins."""
    cooloff = settings.AXES_COOLOFF_TIME
    user_attempts = getattr(AxesProxyHandler.get_implementation(), "get_user_attempts", None)  # the database handler's
    limit = get_failure_limit(request, credentials)
    ends = [
        max(attempt.attempt_time for attempt in attempts) + cooloff
        for attempts in map(list, user_attempts(request, credentials) if user_attempts else [])
        if sum(attempt.failures_since_start for attempt in attempts) >= limit
    ]
    if not ends:  # locked by a rule this cannot see: the whole cool-off is the honest answer
        return int(cooloff.total_seconds())
    return max(1, math.ceil((max(ends) - timezone.now()).total_seconds()))


@page_cacheable
@require_safe
@cache_control(public=True, max_age=60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Disallow: {reverse('admin:index')}",
        # Editors' draft previews, and their images, must never be crawled, even when linked
        # from somewhere, in any interface language.
        *(f"Disallow: {path_prefix('stories:preview', 'token', language=code)}" for code, _name in settings.LANGUAGES),
        f"Disallow: {path_prefix('preview_media', 'token')}",
        "",
        f"Sitemap: {absolute_reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@page_cacheable
@require_safe
def sitemap_index(request, sitemaps):
    """The sitemap index, one entry per section page, with absolute URLs on SITE_URL
    (Django's own index view takes the host from the request)."""
    sections = []
    for name, sitemap_class in sitemaps.items():
        section = sitemap_class()
        lastmod = section.get_latest_lastmod()
        for number in range(1, section.paginator.num_pages + 1):
            query = {"p": number} if number > 1 else None
            location = absolute_reverse("sitemap_section", kwargs={"section": name}, query=query)
            sections.append({"location": location, "lastmod": lastmod})
    return render(request, "sitemaps/index.xml", {"sections": sections}, content_type="application/xml")


@page_cacheable
@require_safe
def sitemap_section(request, section, sitemaps):
    # Django's view would read ?p=٢ or ?p=02 as page 2: one address per page, as on the lists.
    if "p" in request.GET and page_number(request.GET["p"]) is None:
        raise Http404(_("There is no such page."))
    return sitemap(request, sitemaps, section=section, template_name="sitemaps/section.xml")
