"""The controlled vocabularies: countries and themes, as django-taggit tag models."""

import reversion
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase, TaggedItemBase

from balkanoscope.links import reverse
from stories.text import slugify_transliterated


class Vocabulary(TagBase):
    """A controlled list of tags (countries, themes) with a landing page each."""

    description = models.TextField(_("description"), blank=True, help_text=_("Shown on the landing page."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def slugify(self, tag, i=None):
        # taggit calls this on first save; transliterate instead of dropping Đ, Ç, Ж…
        slug = slugify_transliterated(tag, max_length=95) or "tag"
        return f"{slug}-{i}" if i is not None else slug


@reversion.register()
class Country(Vocabulary):
    filter_parameter = "country"
    footnote = models.CharField(
        _("footnote"),
        max_length=300,
        blank=True,
        help_text=_("Shown wherever the country's name appears, e.g. a designation note."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def get_absolute_url(self):
        return reverse("stories:country", kwargs={"slug": self.slug})


@reversion.register()
class Theme(Vocabulary):
    filter_parameter = "theme"

    class Meta(Vocabulary.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def get_absolute_url(self):
        return reverse("stories:theme", kwargs={"slug": self.slug})


@reversion.register()
class TaggedCountry(TaggedItemBase):
    content_object = models.ForeignKey("Story", on_delete=models.CASCADE, related_name="tagged_countries")
    tag = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="tagged_stories")

    class Meta:
        unique_together = [("content_object", "tag")]


@reversion.register()
class TaggedTheme(TaggedItemBase):
    content_object = models.ForeignKey("Story", on_delete=models.CASCADE, related_name="tagged_themes")
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tagged_stories")

    class Meta:
        unique_together = [("content_object", "tag")]
