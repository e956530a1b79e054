"""The country, theme or keyword a page is filtered by: ?country=serbia, ?theme=poverty, ?tag=water."""

import re

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

SLUG = re.compile(r"[-\w]+")
MAX_SLUG_LENGTH = 100  # taggit's slug field


def requested_filter(request, parameter, choices):
    """The item of `choices` whose slug ?parameter= names: `choices` is a queryset (one query)
    or a list the page has loaded anyway (no query). None when the parameter is missing or
    empty, as a form's "all" option sends it; 404 when it names nothing."""
    slug = request.GET.get(parameter)
    if not slug:
        return None
    # Slugs are short words and hyphens; anything else (NUL bytes, markup, a megabyte of text)
    # cannot name a filter and must not reach the database.
    if len(slug) > MAX_SLUG_LENGTH or not SLUG.fullmatch(slug):
        raise Http404(_("There is no such filter."))
    if isinstance(choices, QuerySet):
        return get_object_or_404(choices, slug=slug)
    for choice in choices:
        if choice.slug == slug:
            return choice
    raise Http404(_("There is no such filter."))
