"""Image fields whose uploads are checked by our own decoder and stored without metadata.

Every image field of the site uses SafeImageField, so a photo can never reach the media
storage with its EXIF (GPS position, camera serial number) or as anything but an image.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import models

from stories.media.images import clean_image, validate_image_upload


class SafeImageFormField(forms.ImageField):
    def to_python(self, data):
        # Our checks first: they name the problem (too big, a GIF, damaged…) where Django's
        # own would only say "not a valid image".
        if isinstance(data, UploadedFile):
            validate_image_upload(data)
        return super().to_python(data)


class SafeImageField(models.ImageField):
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
