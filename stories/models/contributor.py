"""Contributors: public bylines."""

import reversion
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stories.media.fields import SafeImageField
from stories.models.slugs import unique_slug


@reversion.register()
class Contributor(models.Model):
    """A public byline (writer, photographer…); it may be tied to the login of the person who
    writes under it, and is then their byline by default on the stories they start."""

    class Role(models.TextChoices):
        WRITER = "writer", _("Writer")
        PHOTOGRAPHER = "photographer", _("Photographer")
        ILLUSTRATOR = "illustrator", _("Illustrator")
        TRANSLATOR = "translator", _("Translator")
        EDITOR = "editor", _("Editor")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.WRITER)
    bio = models.TextField(_("short bio"), blank=True, max_length=600)
    photo = SafeImageField(_("photo"), upload_to="contributors/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributor",
        verbose_name=_("login"),
        help_text=_("The admin login of the person who writes under this byline, if they have one."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Contributor, self.name, instance_pk=self.pk, fallback="contributor")
        super().save(*args, **kwargs)
