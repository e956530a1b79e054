"""The gallery's formset: the checklist's anonymity rule for its captions and alt texts."""

from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext

from stories.editorial.checklist import anonymity_message, places_naming
from stories.models import Story


class GalleryFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        # The admin hands the formset the story with the form's values already on it.
        story = self.instance
        if story.status != Story.Status.PUBLISHED or not story.is_storyteller_anonymous or not story.storyteller_name:
            return
        places, number = [], 0
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", None) or {}
            if cleaned.get("DELETE") or not (cleaned.get("image") or form.instance.image):
                continue
            number += 1
            places += [
                (gettext("gallery image %(number)d caption") % {"number": number}, cleaned.get("caption", "")),
                (gettext("gallery image %(number)d alt text") % {"number": number}, cleaned.get("alt", "")),
            ]
        leaks = places_naming(story.storyteller_name, places)
        if leaks:
            raise ValidationError(anonymity_message(story.storyteller_name, leaks), code="storyteller_named")
