"""Storage for files no one but editors may read: signed consent forms."""

from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(Storage):
    """The consent form field's storage: whatever STORAGES["private"] names (a folder outside
    MEDIA_ROOT with no URL, or a private bucket reached through signed URLs), looked up on each
    use so settings decide it, not the migration that recorded this class."""

    @property
    def backend(self):
        return storages["private"]

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def save(self, name, content, max_length=None):
        return self.backend.save(name, content, max_length=max_length)

    def open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def size(self, name):
        return self.backend.size(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def path(self, name):
        return self.backend.path(name)

    def url(self, name):
        return self.backend.url(name)
