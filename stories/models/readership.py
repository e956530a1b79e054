"""Readership without tracking: counts of story views per day, and of the sites that sent
readers, per domain and day. Nothing about a reader is stored: no address, no browser, no
cookie, no full referring URL (stories/readership/counter.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from stories.models.story import Story


class DailyStoryViews(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="daily_views", verbose_name=_("story"))
    viewed_on = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("story views on a day")
        verbose_name_plural = _("story views per day")
        constraints = [models.UniqueConstraint(fields=["story", "viewed_on"], name="one_count_per_story_and_day")]
        indexes = [models.Index(fields=["viewed_on"], name="daily_views_day")]

    def __str__(self):
        return f"{self.story_id} {self.viewed_on}: {self.views}"


class DailyReferrerViews(models.Model):
    """Story views that came from a link on another site: its domain only, never the page."""

    domain = models.CharField(_("domain"), max_length=100)
    viewed_on = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("referrer views on a day")
        verbose_name_plural = _("referrer views per day")
        constraints = [models.UniqueConstraint(fields=["domain", "viewed_on"], name="one_count_per_domain_and_day")]

    def __str__(self):
        return f"{self.domain} {self.viewed_on}: {self.views}"
