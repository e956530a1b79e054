from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from balkanoscope.page_cache import page_cacheable
from partners.models import Page, Partner
from partners.structured_data import organization
from stories.sharing.metadata import page_meta, summarise


@page_cacheable
@require_safe
def partner_list(request):
    return render(
        request,
        "partners/partner_list.html",
        {"partners": Partner.objects.listed(), "meta": page_meta(request, _("Partners"))},
    )


@page_cacheable
@require_safe
def partner_detail(request, slug):
    partner = get_object_or_404(Partner, slug=slug)
    meta = page_meta(request, partner.name, summarise(partner.description), structured_data=[organization(partner)])
    return render(request, "partners/partner_detail.html", {"partner": partner, "meta": meta})


@page_cacheable
@require_safe
def about(request):
    page = get_object_or_404(Page, slug="about")
    return render(
        request,
        "partners/page_detail.html",
        {"page": page, "show_partners": True, "meta": page_meta(request, page.title, summarise(page.intro))},
    )


@page_cacheable
@require_safe
def page_detail(request, slug):
    if slug == "about":
        return redirect("partners:about", permanent=True)
    page = get_object_or_404(Page, slug=slug)
    return render(
        request,
        "partners/page_detail.html",
        {"page": page, "meta": page_meta(request, page.title, summarise(page.intro))},
    )
