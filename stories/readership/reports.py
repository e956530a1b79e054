"""What the counts say: views per day, the most read stories, views by country and theme of
the story, and the referring domains. Only published stories are reported (a withdrawn one
leaves every list); each report is one query."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Sum
from django.utils import timezone

from stories.content_state import cached_value
from stories.models import DailyReferrerViews, DailyStoryViews, Story


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    @classmethod
    def last_days(cls, days, today=None):
        today = today or timezone.localdate()
        return cls(today - timedelta(days=days - 1), today)

    @property
    def days(self):
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]


def counted(period=None):
    """Daily counts of published stories, in the period if one is given."""
    views = DailyStoryViews.objects.filter(story__in=Story.objects.published())
    if period is not None:
        views = views.filter(viewed_on__range=(period.start, period.end))
    return views


def views_per_day(period, story=None):
    """[(day, views)] for every day of the period, days without views included."""
    views = counted(period)
    if story is not None:
        views = views.filter(story=story)
    totals = dict(views.values_list("viewed_on").annotate(total=Sum("views")).values_list("viewed_on", "total"))
    return [(day, totals.get(day, 0)) for day in period.days]


def top_stories(period=None, limit=10):
    """[(story, views)], the most read first."""
    rows = list(counted(period).values("story").annotate(total=Sum("views")).order_by("-total", "story")[:limit])
    stories = Story.objects.in_bulk([row["story"] for row in rows])
    return [(stories[row["story"]], row["total"]) for row in rows if row["story"] in stories]


def views_by(field, period):
    """[(name, views)] by country (field "tagged_countries") or theme ("tagged_themes") of the
    story; a story filed under two countries counts for both."""
    name = f"story__{field}__tag__name"
    rows = counted(period).exclude(**{f"{name}__isnull": True}).values(name).annotate(total=Sum("views"))
    return [(row[name], row["total"]) for row in rows.order_by("-total", name)]


def referrer_domains(period, limit=20):
    rows = DailyReferrerViews.objects.filter(viewed_on__range=(period.start, period.end))
    rows = rows.values("domain").annotate(total=Sum("views")).order_by("-total", "domain")[:limit]
    return [(row["domain"], row["total"]) for row in rows]


def most_read(days=30, limit=5):
    """The home page's "Most read this month": the last `days` days' most read stories."""
    return [story for story, _views in top_stories(Period.last_days(days), limit)]


def most_read_links(request, days=30, limit=5):
    """The home page's list as (title, address) pairs, cached for the hour and the content
    state: an edit or a withdrawal takes a story off at once, new counts show within the hour."""
    hour = timezone.now().strftime("%Y%m%d%H")
    return cached_value(
        request,
        f"most-read:{days}:{limit}:{hour}",
        lambda: [(story.title, story.get_absolute_url()) for story in most_read(days, limit)],
    )
