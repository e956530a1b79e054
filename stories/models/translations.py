"""A story's languages: the addresses of its page in each interface language."""

from django.db import models
from django.utils.translation import get_language

from balkanoscope.languages import same_language
from balkanoscope.links import reverse_in


class StoryLanguages(models.Model):
    """The language side of Story (an abstract base, so story.py keeps to the story itself)."""

    class Meta:
        abstract = True

    def path_in(self, language):
        """This story's page as seen from an interface in `language`."""
        return reverse_in(language, "stories:detail", kwargs={"slug": self.slug})

    def own_interface_language(self, current=None):
        """The interface language of the story's own page: its language, or for Serbian the
        script the reader is using (both are the story's own pages)."""
        current = current or get_language()
        return current if same_language(current, self.language) else self.language

    def get_canonical_path(self):
        """The story's own address: in its language, whichever interface links to it."""
        return self.path_in(self.own_interface_language())
