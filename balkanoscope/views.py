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

# Renditions are named after the story and a hash of its image's name, so a new image gets
# new URLs and browsers and CDNs may keep the old ones for good. Uploaded originals keep
# their names when re-saved, so they are cached for a day only.
RENDITIONS_FOLDER = "renditions/"
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"
UPLOAD_CACHE_CONTROL = "public, max-age=86400"


def media(request, path):
    content_type = MEDIA_CONTENT_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type is None:
        raise Http404("Not an image.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = content_type
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = MEDIA_CACHE_CONTROL if path.startswith(RENDITIONS_FOLDER) else UPLOAD_CACHE_CONTROL
    return response


def server_error(request):
    """The branded 500 page, rendered without a request context: no database, no user data."""
    return HttpResponseServerError(loader.get_template("500.html").render())
