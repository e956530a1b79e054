from django.conf import settings
from django.utils.functional import SimpleLazyObject

from balkanoscope import page_cache


def site(request):
    """Site name, the canonical URL of the page (from SITE_URL, never the Host header), the
    page's default metadata (views pass their own `meta`, which wins) and the footer's "Joint
    initiative of" partners (queried only when shown, and cached per content version)."""
    from partners.models import Partner
    from stories.metadata import page_meta

    def footer_partners():
        return page_cache.cached_value(request, "footer-partners", lambda: list(Partner.objects.filter(is_listed=True)))

    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "canonical_url": settings.SITE_URL + request.path,
        "meta": SimpleLazyObject(lambda: page_meta(request)),
        "footer_partners": SimpleLazyObject(footer_partners),
    }
