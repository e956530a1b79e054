"""The one place absolute URLs are made.

Every address that leaves the site (canonical links, share links, feeds, sitemaps, JSON-LD,
robots.txt, redirects, preview links) is SITE_URL followed by a path from reverse(), never
the request's Host header, which a client or a misconfigured proxy chooses.

Readers' pages have a language prefix (i18n_patterns: /sq/…, /sr-latn/…; English has none), and
reverse() adds the active language's. `language=` builds an address as a page in another
language has it (hreflang alternates, the language switcher, sitemaps); addresses that are
the same in every language (short links, share cards) come from unprefixed_reverse().

Templates have the same builders: `{% load links %}`, then `{% absolute_url path %}` or
`{% absolute_reverse "stories:detail" slug=story.slug %}` (both take `as name`).
"""

import functools
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils import translation


def reverse(name, *, args=None, kwargs=None, query=None):
    """django.urls.reverse(), remembered per name, arguments, language, URLconf and script prefix.

    A story page links about fifty addresses (its language switcher, cards, chips, JSON-LD), and
    each reverse() walks the resolver: a tenth of the page's render. The same call always gives
    the same path until the URLconf changes, and a test that changes it clears the memory.
    """
    return reverse_in(translation.get_language(), name, args=args, kwargs=kwargs, query=query)


def reverse_in(language, name, *, args=None, kwargs=None, query=None):
    """reverse() as a page in `language` makes it: with that language's prefix, if any."""
    try:
        if query is None:
            key = (tuple(args) if args else (), tuple(sorted(kwargs.items())) if kwargs else ())
            return _remembered_reverse(language, name, *key, get_urlconf(), get_script_prefix())
    except TypeError:  # an argument that is not hashable: reversed as it comes
        pass
    with translation.override(language):
        return django_reverse(name, args=args, kwargs=kwargs, query=query)


@functools.lru_cache(maxsize=8192)
def _remembered_reverse(language, name, args, kwargs, _urlconf, _script_prefix):
    with translation.override(language):
        return django_reverse(name, args=args or None, kwargs=dict(kwargs) or None)


@receiver(setting_changed)
def forget_addresses_when_the_urls_change(setting, **kwargs):
    if setting in ("ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "FORCE_SCRIPT_NAME"):
        _remembered_reverse.cache_clear()


def absolute_url(path):
    """`path` (a site path such as "/stories/bor/", with any query or fragment) on SITE_URL.
    URLs that already are absolute stay as they are: files on object storage have their own host."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def unprefixed_reverse(name, *, args=None, kwargs=None, query=None):
    """The address without a language prefix, for links that are one in every language."""
    return reverse_in(settings.LANGUAGE_CODE, name, args=args, kwargs=kwargs, query=query)


def absolute_reverse(name, *, args=None, kwargs=None, query=None, language=None):
    """reverse() on SITE_URL; `query` is a dict or QueryDict, encoded as reverse() does;
    `language` (a code of settings.LANGUAGES) instead of the active language's prefix."""
    if language is not None:
        return absolute_url(reverse_in(language, name, args=args, kwargs=kwargs, query=query))
    return absolute_url(reverse(name, args=args, kwargs=kwargs, query=query))


def site_protocol_and_domain():
    """SITE_URL split the way Django's sitemaps join it back: ("https", "balkanoscope.eu")."""
    parts = urlsplit(settings.SITE_URL)
    return parts.scheme, parts.netloc + parts.path


def path_prefix(name, parameter, *, language=None):
    """The fixed start of every path URL `name` makes, before its `parameter` part: what
    robots.txt disallows, e.g. "/preview/" for "preview/<str:token>/" ("/sq/preview/" in Albanian)."""
    placeholder = "placeholder"
    path = reverse_in(language or settings.LANGUAGE_CODE, name, kwargs={parameter: placeholder})
    return path[: path.index(placeholder)]


register = template.Library()
register.simple_tag(absolute_url, name="absolute_url")


@register.simple_tag(name="absolute_reverse")
def absolute_reverse_tag(name, *args, **kwargs):
    return absolute_reverse(name, args=args or None, kwargs=kwargs or None)
