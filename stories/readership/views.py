"""The editors' readership page in the admin, and its CSV exports for funders' reports."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stories.editorial.roles import can_publish
from stories.models import DailyReferrerViews
from stories.readership import counter
from stories.readership.chart import bar_chart
from stories.readership.reports import (
    Period,
    counted,
    referrer_domains,
    top_stories,
    views_by,
    views_per_day,
)

PERIODS = {7: _("7 days"), 30: _("30 days"), 90: _("90 days"), 365: _("a year")}
DEFAULT_DAYS = 30


def chosen_days(request):
    try:
        days = int(request.GET.get("days", DEFAULT_DAYS))
    except ValueError:
        return DEFAULT_DAYS
    return days if days in PERIODS else DEFAULT_DAYS


def spreadsheet_safe(value):
    """A cell a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
    return response


def story_rows(period):
    views = (
        counted(period)
        .select_related("story")
        .prefetch_related("story__countries", "story__themes")
        .order_by("viewed_on", "story_id")
    )
    for row in views:
        story = row.story
        yield [
            row.viewed_on.isoformat(),
            story.pk,
            story.title,
            story.get_absolute_url(),
            "; ".join(country.name for country in story.countries.all()),
            "; ".join(theme.name for theme in story.themes.all()),
            row.views,
        ]


def readership_view(request, *, admin_site):
    if not can_publish(request.user):
        raise PermissionDenied
    counter.flush()  # what the cache has counted so far, so the page is current
    days = chosen_days(request)
    period = Period.last_days(days)
    export = request.GET.get("export")
    if export == "stories":
        header = ["day", "story_id", "title", "address", "countries", "themes", "views"]
        return csv_response(f"story-views-{period.start}-{period.end}.csv", header, story_rows(period))
    if export == "referrers":
        rows = (
            [day.isoformat(), domain, views]
            for day, domain, views in DailyReferrerViews.objects.filter(viewed_on__range=(period.start, period.end))
            .order_by("viewed_on", "domain")
            .values_list("viewed_on", "domain", "views")
        )
        return csv_response(f"referrers-{period.start}-{period.end}.csv", ["day", "domain", "views"], rows)

    series = views_per_day(period)
    context = {
        **admin_site.each_context(request),
        "title": gettext("Readership"),
        "period": period,
        "days": days,
        "periods": PERIODS,
        "series": series,
        "chart": bar_chart(series),
        "total": sum(views for _, views in series),
        "top_lists": [
            (gettext("This week"), top_stories(Period.last_days(7))),
            (gettext("This month"), top_stories(Period.last_days(30))),
            (gettext("All time"), top_stories()),
        ],
        "by_country": views_by("tagged_countries", period),
        "by_theme": views_by("tagged_themes", period),
        "referrers": referrer_domains(period),
    }
    return TemplateResponse(request, "admin/readership/index.html", context)
