"""The page cache: rendered public pages kept in Django's cache, with conditional GET.

Correctness rests on the *content state* every key includes (settings.PAGE_CACHE_CONTENT_STATE,
stories/content_state.py): the content version, the next scheduled publish time and the release.
This module knows only HTTP: keys, encodings, validators and headers.

Which pages are cached is decided by URL name (settings.PAGE_CACHE_URL_NAMES); anything
else (admin, preview, health checks) passes through untouched.
"""

import gzip
import hashlib
import logging
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

import brotli
from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.utils.module_loading import import_string

from balkanoscope.release import release_id

logger = logging.getLogger(__name__)

# Query parameters that only tell analytics where a reader came from: the page is the same.
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src"}
TRACKING_PREFIXES = ("utm_",)
# Compressing once when a page is stored is cheaper than per response, and pays off on phones.
MIN_COMPRESS_BYTES = 1024
BROTLI_QUALITY = 6
# The header names a cached entry keeps: anything else (cookies above all) is never stored.
STORED_HEADERS = {
    "content-type",
    "content-language",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
    "content-security-policy",
    "permissions-policy",
    "vary",
}


# --- The cache backend, which may be away -----------------------------------------------


def cache_get(key):
    """A cache read that treats an unreachable cache (Redis stopped) as a miss: the page is
    then rendered from the database."""
    try:
        return django_cache.get(key)
    except Exception:
        log_cache_failure()
        return None


def cache_set_many(values, timeout):
    try:
        django_cache.set_many(values, timeout)
    except Exception:
        log_cache_failure()


def log_cache_failure():
    """Once per process, not once per request: an outage must not flood the log."""
    if not log_cache_failure.logged:
        log_cache_failure.logged = True
        logger.warning("page cache: the cache backend failed; rendering from the database", exc_info=True)


log_cache_failure.logged = False


# --- The middleware ---------------------------------------------------------------------


def normalized_query(query_string):
    """The query string without tracking parameters, sorted, so shared links share entries."""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if name not in TRACKING_PARAMETERS and not name.startswith(TRACKING_PREFIXES)
    ]
    return urlencode(sorted(pairs))


def cacheable_url_name(path):
    name = view_name(path)
    return name if name in settings.PAGE_CACHE_URL_NAMES else None


@lru_cache(maxsize=4096)
def view_name(path):
    """The URL name a path resolves to (memoised: this runs before every public page)."""
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def has_session(request):
    """Editors carry a session cookie; their pages are rendered fresh and kept private."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def preferred_encoding(request):
    accepted = request.headers.get("Accept-Encoding", "")
    codings = {part.split(";")[0].strip().lower(): part for part in accepted.split(",")}
    for coding in ("br", "gzip"):
        if coding in codings and "q=0" not in codings[coding].replace(" ", "").replace("q=0.", ""):
            return coding
    return None


class CachedPage:
    """A rendered page as stored, in one encoding: headers, body and validators. Each encoding
    is its own cache entry, so a hit reads only the bytes it sends."""

    def __init__(self, status, headers, body, encoding, etag_base, last_modified):
        self.status = status
        self.headers = headers
        self.body = body
        self.encoding = encoding
        self.etag_base = etag_base
        self.last_modified = last_modified

    @classmethod
    def variants(cls, response, encodings=(None, "br", "gzip")):
        """{encoding: CachedPage} for identity, brotli and gzip (small pages: identity only);
        only the `encodings` asked for are compressed."""
        headers = [(name, value) for name, value in response.items() if name.lower() in STORED_HEADERS]
        body = response.content
        etag_base = hashlib.md5(body, usedforsecurity=False).hexdigest()[:20]
        last_modified = int(timezone.now().timestamp())
        plain = cls(response.status_code, headers, body, None, etag_base, last_modified)
        if len(body) < MIN_COMPRESS_BYTES:
            return {None: plain, "br": plain, "gzip": plain}
        compressors = {
            "br": lambda: brotli.compress(body, quality=BROTLI_QUALITY),
            "gzip": lambda: gzip.compress(body, compresslevel=6, mtime=0),
        }
        compressed = {encoding: compressors[encoding]() for encoding in encodings if encoding in compressors}
        return {
            None: plain,
            **{
                encoding: cls(response.status_code, headers, data, encoding, etag_base, last_modified)
                for encoding, data in compressed.items()
            },
        }

    @property
    def etag(self):
        return f'"{self.etag_base}-{self.encoding}"' if self.encoding else f'"{self.etag_base}"'

    def matches(self, request):
        """True if the client's copy is this page (If-None-Match first, then If-Modified-Since)."""
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match:
            tags = parse_etags(if_none_match)
            return "*" in tags or any(tag.removeprefix("W/").strip('"').split("-")[0] == self.etag_base for tag in tags)
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        return since is not None and self.last_modified <= since

    def response(self, request, state):
        if self.matches(request):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(self.body, status=self.status)
            for name, value in self.headers:
                response[name] = value
            if self.encoding:
                response["Content-Encoding"] = self.encoding
            response["Content-Length"] = str(len(self.body))
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        response["Cache-Control"] = public_cache_control(state)
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


def public_cache_control(state):
    """Short browser caching, longer shared (CDN) caching, and never past a scheduled publish."""
    max_age = state.seconds_to_live(settings.PAGE_CACHE_MAX_AGE)
    shared_max_age = state.seconds_to_live(settings.PAGE_CACHE_SHARED_MAX_AGE)
    return f"public, max-age={max_age}, s-maxage={shared_max_age}, stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}"


def is_storable(response):
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


def page_cache_middleware(get_response):
    """Serve cached public pages before sessions, CSRF or the view run; store what they render."""
    release_id()  # now, while loading, rather than in each worker's first request
    read_state = import_string(settings.PAGE_CACHE_CONTENT_STATE)

    def middleware(request):
        if request.method not in ("GET", "HEAD") or cacheable_url_name(request.path_info) is None:
            return get_response(request)
        request.get_host()  # a disallowed Host is refused (400) even when the page is cached
        if has_session(request):
            response = get_response(request)
            if response.status_code == 200 and "Cache-Control" not in response:
                response["Cache-Control"] = "private, no-cache"
            return response

        try:
            state = read_state(request)
        except DatabaseError:
            # The database is down: let the view meet the outage, so the reader gets the
            # branded 503 page from DatabaseUnavailableMiddleware rather than an error here.
            return get_response(request)
        key = page_key(request, state)
        encoding = preferred_encoding(request)
        if settings.PAGE_CACHE:
            page = cache_get(f"{key}:{encoding}")
            if page is not None:
                return page.response(request, state)
        response = get_response(request)
        if not is_storable(response):
            return response
        timeout = state.seconds_to_live(settings.PAGE_CACHE_TIMEOUT)
        storing = settings.PAGE_CACHE and timeout >= 1
        # Compress for every client only when the page is stored; else just for this one.
        variants = CachedPage.variants(response) if storing else CachedPage.variants(response, (encoding,))
        if storing:
            cache_set_many({f"{key}:{name}": page for name, page in variants.items()}, timeout)
        return variants[encoding].response(request, state)

    return middleware


def page_key(request, state):
    address = f"{state.token}:{request.path}?{normalized_query(request.META.get('QUERY_STRING', ''))}"
    return "page-cache:page:" + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
