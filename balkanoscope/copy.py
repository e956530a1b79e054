"""The site's own words about itself, typed once: page titles, meta descriptions, feeds,
share cards and JSON-LD all use these. Lazy, so each reader gets them in their language."""

from django.utils.translation import gettext_lazy as _

SITE_TAGLINE = _("Personal stories from the Western Balkans")
SITE_DESCRIPTION = _("Personal stories of people across the Western Balkans, told by country and by theme.")
