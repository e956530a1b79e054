"""Site-wide views: media files and the error pages."""

import sys
from pathlib import PurePosixPath

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.static import serve

# Uploads are re-encoded images; nothing else is ever served from the media URL, so an
# uploaded file can never be delivered as HTML, SVG or script.
MEDIA_CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
}


@require_safe
def media(request, path):
    content_type = MEDIA_CONTENT_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type is None:
        raise Http404("Not an image.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = content_type
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def server_error(request):
    """The branded 500 page, rendered without a request context: no database, no user data.
    A database outage met outside a view (e.g. loading an editor's session) gets the 503."""
    if isinstance(sys.exception(), OperationalError | InterfaceError):
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
    """django-axes' answer to a locked-out login: say plainly why and for how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    html = loader.get_template("registration/locked_out.html").render({"cooloff_minutes": minutes})
    response = HttpResponse(html, status=429)
    add_never_cache_headers(response)
    return response
