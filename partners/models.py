import reversion
from django.db import models
from django.utils.translation import gettext_lazy as _

from balkanoscope.links import reverse
from stories.media.fields import SafeImageField
from stories.sanitize import clean_html


class PartnerQuerySet(models.QuerySet):
    def listed(self):
        """Partners shown to readers: in the partners list, the footer and the sitemap."""
        return self.filter(is_listed=True)


@reversion.register()
class Partner(models.Model):
    """One of the founding organisations of Balkanoscope."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=30, blank=True, help_text=_("E.g. EWB."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    logo = SafeImageField(
        _("logo"), upload_to="partners/", blank=True, width_field="logo_width", height_field="logo_height"
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    description = models.TextField(_("description"), help_text=_("Plain text; a blank line starts a new paragraph."))
    website = models.URLField(_("website"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_listed = models.BooleanField(
        _("listed"), default=True, help_text=_("Shown in the partners list and the footer.")
    )

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"slug": self.slug})


# The page the footer links as "Privacy": what the site counts and never collects, for readers.
PRIVACY_PAGE_SLUG = "privacy"


@reversion.register()
class Page(models.Model):
    """An editorial page about the project, such as About, edited in the admin."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    intro = models.TextField(
        _("introduction"), max_length=500, blank=True, help_text=_("Also used as the meta description.")
    )
    body = models.TextField(_("body"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.slug == "about":
            return reverse("partners:about")
        return reverse("partners:page", kwargs={"slug": self.slug})
