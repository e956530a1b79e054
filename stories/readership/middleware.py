"""Counts story views for counter.py; it sits outside the page cache in MIDDLEWARE, so a page
served from the cache counts as one rendered does.

It reads the request's path, method, user agent and referrer to decide, and hands on only the
story's address and the referring domain; it sets no cookie, and of the cookies it only asks
whether an admin session is there."""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import Resolver404, resolve

from balkanoscope import after_response
from stories.readership import counter

STORY_PAGE = "stories:detail"


def is_reader_request(request):
    """A GET that a person asked for: not a prefetch, and not from someone logged in to the
    admin (the newsroom reading its own stories). Only the session cookie's presence is looked at."""
    # From META: request.headers builds a mapping of every header, a tenth of a cache hit's cost.
    purpose = request.META.get("HTTP_SEC_PURPOSE", "") + request.META.get("HTTP_PURPOSE", "")
    return (
        request.method == "GET"
        and "prefetch" not in purpose
        and "prerender" not in purpose
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def story_slug(request):
    return story_slug_at(request.path_info)


@functools.lru_cache(maxsize=4096)
def story_slug_at(path_info):
    """The story a path shows, or None. Remembered per path: a page served from the page cache
    would otherwise pay for resolving its URL on every view (about a tenth of a cache hit)."""
    try:
        match = resolve(path_info)
    except Resolver404:
        return None
    return match.kwargs.get("slug") if match.view_name == STORY_PAGE else None


@receiver(setting_changed)
def forget_paths_when_the_urls_change(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        story_slug_at.cache_clear()


def readership_middleware(get_response):
    def middleware(request):
        response = get_response(request)
        if response.status_code == 200 and is_reader_request(request):
            slug = story_slug(request)
            may_be_due = slug and counter.count_view(
                slug,
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
                referrer=request.META.get("HTTP_REFERER", ""),
            )
            if may_be_due and counter.is_flush_due():
                # The batch is written once the reader has the page.
                after_response.defer(counter.flush)
        return response

    return middleware
