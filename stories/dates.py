"""Datetimes written for machines: <time datetime>, sitemaps, Open Graph and JSON-LD."""

from datetime import datetime

from django.utils import timezone


def iso_datetime(value):
    """`value` in ISO 8601 to the second, in the site's time zone with its offset
    ("2026-05-01T09:30:00+02:00"). Django's date:"c" and isoformat() add microseconds, which
    HTML's <time datetime> refuses (at most three digits of a second)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.replace(microsecond=0)
    return value.isoformat()
