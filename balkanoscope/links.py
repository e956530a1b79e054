"""The one place absolute URLs are made.

Every address that leaves the site (canonical links, share links, feeds, sitemaps, JSON-LD,
robots.txt, redirects, preview links) is SITE_URL followed by a path from reverse(), never
the request's Host header, which a client or a misconfigured proxy chooses. When the URLconf
gains language prefixes (i18n_patterns), reverse() adds them; whatever else must change about
absolute URLs then changes here.

Templates have the same builders: `{% load links %}`, then `{% absolute_url path %}` or
`{% absolute_reverse "stories:detail" slug=story.slug %}` (both take `as name`).
"""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import reverse


def absolute_url(path):
    """`path` (a site path such as "/stories/bor/", with any query or fragment) on SITE_URL.
    URLs that already are absolute stay as they are: files on object storage have their own host."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def absolute_reverse(name, *, args=None, kwargs=None, query=None):
    """reverse() on SITE_URL; `query` is a dict or QueryDict, encoded as reverse() does."""
    return absolute_url(reverse(name, args=args, kwargs=kwargs, query=query))


def site_protocol_and_domain():
    """SITE_URL split the way Django's sitemaps join it back: ("https", "balkanoscope.eu")."""
    parts = urlsplit(settings.SITE_URL)
    return parts.scheme, parts.netloc + parts.path


def path_prefix(name, parameter):
    """The fixed start of every path URL `name` makes, before its `parameter` part: what
    robots.txt disallows, e.g. "/preview/" for "preview/<str:token>/"."""
    placeholder = "placeholder"
    path = reverse(name, kwargs={parameter: placeholder})
    return path[: path.index(placeholder)]


register = template.Library()
register.simple_tag(absolute_url, name="absolute_url")


@register.simple_tag(name="absolute_reverse")
def absolute_reverse_tag(name, *args, **kwargs):
    return absolute_reverse(name, args=args or None, kwargs=kwargs or None)
