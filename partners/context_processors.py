from django.conf import settings
from django.utils.functional import SimpleLazyObject

from balkanoscope.copy import SITE_TAGLINE
from stories import content_state


def site(request):
    """The site's name and tagline, the page's default metadata (views pass their own `meta`, which wins;
    canonical URLs come from SITE_URL, never the Host header) and the footer's "Joint initiative
    of" partners and privacy link (queried only when shown, and cached per content version)."""
    from partners.models import PRIVACY_PAGE_SLUG, Page, Partner
    from stories.sharing.metadata import page_meta

    def footer_partners():
        return content_state.cached_value(request, "footer-partners", lambda: list(Partner.objects.listed()))

    def privacy_page():
        # The footer links the privacy page once editors have one (the demo content does).
        return content_state.cached_value(
            request, "privacy-page", lambda: Page.objects.filter(slug=PRIVACY_PAGE_SLUG).only("slug").first()
        )

    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": SITE_TAGLINE,
        "meta": SimpleLazyObject(lambda: page_meta(request)),
        "footer_partners": SimpleLazyObject(footer_partners),
        "privacy_page": SimpleLazyObject(privacy_page),
    }
