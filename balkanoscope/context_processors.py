from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """Site name, the canonical URL of the page (from SITE_URL, never the Host header), the
    page's default metadata (views pass their own `meta`, which wins) and the footer's "Joint
    initiative of" partners and country footnotes (queried only when shown)."""
    from partners.models import Partner
    from stories.metadata import page_meta
    from stories.models import Country

    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "canonical_url": settings.SITE_URL + request.path,
        "meta": SimpleLazyObject(lambda: page_meta(request)),
        "footer_partners": SimpleLazyObject(lambda: list(Partner.objects.filter(is_listed=True))),
        "country_footnotes": SimpleLazyObject(lambda: list(Country.objects.exclude(footnote=""))),
    }
