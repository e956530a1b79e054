"""Site-wide views: media files and the error page."""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404, HttpResponseServerError
from django.template import loader
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
    """The branded 500 page, rendered without a request context: no database, no user data."""
    return HttpResponseServerError(loader.get_template("500.html").render())
