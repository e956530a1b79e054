from django.conf import settings
from django.utils.functional import SimpleLazyObject

from balkanoscope import page_cache


def site(request):
    """Site name, the canonical URL of the page (from SITE_URL, never the Host header) and
    the footer's "Joint initiative of" partners and country footnotes (queried only when shown,
    and cached per content version: every page shows them)."""
    from partners.models import Partner
    from stories.models import Country

    def footer_partners():
        return page_cache.cached_value(request, "footer-partners", lambda: list(Partner.objects.filter(is_listed=True)))

    def country_footnotes():
        return page_cache.cached_value(request, "country-footnotes", lambda: list(Country.objects.exclude(footnote="")))

    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "canonical_url": settings.SITE_URL + request.path,
        "footer_partners": SimpleLazyObject(footer_partners),
        "country_footnotes": SimpleLazyObject(country_footnotes),
    }
