"""Media storage that never leaves a truncated file behind."""

import contextlib
import os
import tempfile

from django.core.files import File
from django.core.files.storage import FileSystemStorage


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
