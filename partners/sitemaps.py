from django.db.models import Max

from balkanoscope.links import reverse
from partners.models import Page, Partner
from stories.sitemaps import EveryLanguageSitemap


class PartnerSitemap(EveryLanguageSitemap):
    def items(self):
        return Partner.objects.listed()


class PageSitemap(EveryLanguageSitemap):
    """Editorial pages (About…) and the partners list."""

    def items(self):
        return ["partners:list", *Page.objects.order_by("title")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at

    def get_latest_lastmod(self):
        return Page.objects.aggregate(latest=Max("updated_at"))["latest"]
