"""What every editorial ModelAdmin of the site shares (stories, partners, pages): revision
history with compare and guarded restore, and saves that survive a failing media storage."""

import contextlib
import logging

from django.db import models
from django.utils.translation import gettext_lazy as _

from balkanoscope.storage import storage_errors
from stories.editorial.revisions import HistoryAdmin

logger = logging.getLogger(__name__)


class MediaStorageFailed(Exception):
    """Saving an upload to the media storage failed; the whole save was rolled back."""


class StorageFailureAdminMixin:
    """A full disk or a failing media storage while saving gives the editor the form again,
    with everything they typed and a clear error, instead of a server error; files this save
    had already written are removed, and the database transaction is rolled back."""

    storage_error_message = _(
        "The image could not be stored: the disk may be full or the media storage unavailable. "
        "Nothing was saved. Your other changes are below: choose the image again and save, "
        "or try again later."
    )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except MediaStorageFailed:
            # The admin's transaction has been rolled back: validate the same POST again, this
            # time with the storage error on the form, so it is shown as the editor left it.
            request.media_storage_failed = True
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "media_storage_failed", False):
            return form_class
        message = self.storage_error_message

        class FormWithStorageError(form_class):
            def clean(self):
                cleaned_data = super().clean()
                self.add_error(None, message)
                return cleaned_data

        return FormWithStorageError

    def save_model(self, request, obj, form, change):
        previous_files = self.stored_file_names(obj)
        try:
            super().save_model(request, obj, form, change)
        except storage_errors():
            logger.exception("Saving %s failed on the media storage", obj._meta.label)
            self.delete_new_files(obj, previous_files)
            raise MediaStorageFailed from None

    @staticmethod
    def file_fields(obj):
        return [field for field in obj._meta.concrete_fields if isinstance(field, models.FileField)]

    def stored_file_names(self, obj):
        """The file names the database holds for obj now, before this save."""
        names = [field.attname for field in self.file_fields(obj)]
        if obj.pk is None or not names:
            return {}
        return type(obj)._default_manager.filter(pk=obj.pk).values(*names).first() or {}

    def delete_new_files(self, obj, previous_files):
        for field in self.file_fields(obj):
            file = getattr(obj, field.attname)
            if file and file._committed and file.name != previous_files.get(field.attname):
                # A storage that failed the save may fail this too; the row is rolled back anyway.
                with contextlib.suppress(*storage_errors()):
                    file.storage.delete(file.name)


class EditorialAdmin(StorageFailureAdminMixin, HistoryAdmin):
    """The base of the site's content admins: history, restore and storage-failure handling."""
