"""Media storage on the local disk: uploads that never leave a truncated file behind, and the
private folder of signed consent forms. balkanoscope/object_storage.py is the S3 alternative."""

import contextlib
import os
import tempfile

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

# Uploads are re-encoded images; nothing else is ever served as media, so an uploaded file can
# never be delivered as HTML, SVG or script (balkanoscope/views.py, balkanoscope/object_storage.py).
MEDIA_CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
}
# A story's files live under this folder: private until the story is published.
STORY_FILES_PREFIX = "stories/"


def storage_errors():
    """The exceptions a failing media storage raises: the disk's, and with object storage
    botocore's (an unreachable endpoint, a refused request)."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:
        return (OSError,)
    return (OSError, BotoCoreError, ClientError)


class _CompleteFile(File):
    """A fully written file on the same disk: Django's storage moves it into place (a rename)."""

    def temporary_file_path(self):
        return self.file.name


class AtomicFileSystemStorage(FileSystemStorage):
    """Writes each upload to a hidden temporary file beside its destination and renames it into
    place once complete. A full disk or an I/O error mid-write removes the temporary file, so
    no half-written image ever appears under a name."""

    def _save(self, name, content):
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary_path = tempfile.mkstemp(dir=directory, prefix=".upload-", suffix=".part")
        try:
            with os.fdopen(descriptor, "wb") as output:
                for chunk in content.chunks():
                    output.write(chunk)
            with open(temporary_path, "rb") as complete:
                return super()._save(name, _CompleteFile(complete, name))
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.remove(temporary_path)  # gone already when it was moved into place


@deconstructible
class PrivateFileSystemStorage(AtomicFileSystemStorage):
    """A folder outside MEDIA_ROOT (PRIVATE_MEDIA_ROOT) that has no URL.

    The location is read from settings on each use rather than fixed at import, so tests
    and deployments can point it elsewhere.
    """

    def __init__(self):
        super().__init__(base_url=None, file_permissions_mode=0o600, directory_permissions_mode=0o700)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; editors download them through the admin.")
