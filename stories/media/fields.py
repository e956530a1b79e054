"""Image fields whose uploads are checked by our own decoder and stored without metadata.

Every image field of the site uses SafeImageField, so a photo can never reach the media
storage with its EXIF (GPS position, camera serial number) or as anything but an image.
"""

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from stories.media.images import ACCEPTED_EXTENSIONS, clean_image, validate_image_upload, with_formats_hint


def validate_image_extension(file):
    """Django's own check lists every extension Pillow knows (about eighty): name the formats
    accepted instead, in plain words."""
    extension = PurePath(file.name or "").suffix.lower()
    if not extension:
        raise ValidationError(
            with_formats_hint(_("The file's name has no extension, such as .jpg.")), code="invalid_extension"
        )
    if extension not in ACCEPTED_EXTENSIONS:
        raise ValidationError(
            with_formats_hint(_("Files ending in “%(extension)s” are not accepted.")),
            code="invalid_extension",
            params={"extension": extension},
        )


class SafeImageFormField(forms.ImageField):
    default_validators = [validate_image_extension]

    def to_python(self, data):
        # Our checks first: they name the problem (too big, a GIF, damaged…) where Django's
        # own would only say "not a valid image".
        if isinstance(data, UploadedFile):
            validate_image_upload(data)
        return super().to_python(data)


class SafeImageField(models.ImageField):
    default_validators = [validate_image_extension]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            cleaned = clean_image(file)  # the original upload is never written to storage
            file.save(cleaned.name, cleaned, save=False)
        if file and self.width_field and not getattr(model_instance, self.width_field):
            # Stored dimensions spare every later page load from opening the file to measure it;
            # the width and height fields come after this one, so they are saved with these values.
            self.update_dimension_fields(model_instance, force=True)
        return super().pre_save(model_instance, add)
