from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from partners.models import Page, Partner


@require_safe
def partner_list(request):
    return render(request, "partners/partner_list.html", {"partners": Partner.objects.filter(is_listed=True)})


@require_safe
def partner_detail(request, slug):
    partner = get_object_or_404(Partner, slug=slug)
    return render(request, "partners/partner_detail.html", {"partner": partner})


@require_safe
def about(request):
    page = get_object_or_404(Page, slug="about")
    return render(request, "partners/page_detail.html", {"page": page, "show_partners": True})


@require_safe
def page_detail(request, slug):
    if slug == "about":
        return redirect("partners:about", permanent=True)
    page = get_object_or_404(Page, slug=slug)
    return render(request, "partners/page_detail.html", {"page": page})
