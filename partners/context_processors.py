from django.conf import settings
from django.utils.functional import SimpleLazyObject

from balkanoscope.copy import SITE_TAGLINE
from stories import content_state


def site(request):
    """The site's name and tagline, the page's default metadata (views pass their own `meta`, which wins;
    canonical URLs come from SITE_URL, never the Host header) and the footer's "Joint initiative
    of" partners (queried only when shown, and cached per content version)."""
    from partners.models import Partner
    from stories.sharing.metadata import page_meta

    def footer_partners():
        return content_state.cached_value(request, "footer-partners", lambda: list(Partner.objects.listed()))

    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": SITE_TAGLINE,
        "meta": SimpleLazyObject(lambda: page_meta(request)),
        "footer_partners": SimpleLazyObject(footer_partners),
    }
