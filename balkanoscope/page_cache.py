"""The page cache: rendered public pages kept in Django's cache, with conditional GET.

Correctness rests on the *content state* every key includes (settings.PAGE_CACHE_CONTENT_STATE,
stories/content_state.py): the content version, the next scheduled publish time and the release.
This module knows only HTTP: keys, encodings, validators and headers.

Views whose pages may be cached say so where they are defined, with @page_cacheable; anything
else (admin, preview, health checks) passes through untouched.

The middleware sits right after SecurityMiddleware and the readership count, so a hit skips
everything after it: the stored entry already carries the headers those middleware added when
the page was rendered (CSP, Permissions-Policy, X-Frame-Options), and SecurityMiddleware,
outside, still redirects to HTTPS and adds HSTS. Under a server most hits are answered before
Django's handler, by the WSGI front (cache_front.py), through the same PageCache and the same
outer middleware. An unreachable cache is a miss: the cache backend
(balkanoscope.cache.ResilientRedisCache) answers "not cached" and logs the outage.
"""

import gzip
import hashlib
import pickle
import threading
import time
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

import brotli
from django.conf import settings
from django.core.cache import cache as django_cache
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.db import DatabaseError
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.module_loading import import_string

from balkanoscope.release import release_id

# Query parameters that only tell analytics where a reader came from: the page is the same.
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src"}
TRACKING_PREFIXES = ("utm_",)
# Compressing once when a page is stored is cheaper than per response, and pays off on phones.
MIN_COMPRESS_BYTES = 1024
BROTLI_QUALITY = 6
# How many pages each process keeps in front of Django's cache (HotPages).
HOT_PAGES = 256
# The codings we store, smallest first: on equal q-values the smaller one is sent.
CODINGS = ("br", "gzip")
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
    "surrogate-key",  # the cache tags (balkanoscope/cache_tags.py): a proxy bans by them
}
# The request headers get_conditional_response() reads.
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE")
)
# A 304 from here skips the policy middleware it used to pass on its way out; it keeps their
# headers, so a revalidated page carries the same policies as a fresh one.
NOT_MODIFIED_POLICY_HEADERS = ("Content-Security-Policy", "Permissions-Policy")


# --- Requests ----------------------------------------------------------------------------


def normalized_query(query_string):
    """The query string without tracking parameters, sorted, so shared links share entries."""
    if not query_string:
        return ""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if name not in TRACKING_PARAMETERS and not name.startswith(TRACKING_PREFIXES)
    ]
    return urlencode(sorted(pairs))


def page_cacheable(view):
    """Mark a view whose pages the page cache may store and serve to every reader: public,
    the same for everyone, changing only with the content state."""
    view.page_cacheable = True
    return view


@lru_cache(maxsize=4096)
def is_cacheable(path):
    """Whether the view a path resolves to is marked @page_cacheable (memoised: this runs
    before every request). A path under a language prefix resolves only with its language
    active, whatever the request's."""
    try:
        with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
            return getattr(resolve(path).func, "page_cacheable", False)
    except Resolver404:
        return False


def has_session(request):
    """Editors carry a session cookie; their pages are rendered fresh and kept private."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


@lru_cache(maxsize=256)
def preferred_encoding(accept_encoding):
    """The coding to send for an Accept-Encoding value, or None for the page as it is
    (RFC 9110, section 12.5.3): the highest q-value wins, the smaller coding on a tie; a coding
    with q=0, or not named when `*` is not either, is never sent. Memoised: browsers send a
    handful of distinct values."""
    weights = {}
    for part in accept_encoding.split(","):
        coding, _, parameters = part.partition(";")
        coding = coding.strip().lower()
        weight = q_value(parameters)
        if coding and weight is not None:
            weights.setdefault("gzip" if coding == "x-gzip" else coding, weight)
    anything = weights.get("*", 0.0)
    best = max(CODINGS, key=lambda coding: weights.get(coding, anything))
    best_weight = weights.get(best, anything)
    # Identity is acceptable unless refused; it is sent over a coding only when preferred
    # outright, and when nothing else is acceptable (a page beats a 406).
    if best_weight <= 0 or weights.get("identity", 0.0) > best_weight:
        return None
    return best


def q_value(parameters):
    """The weight in `;q=0.5` (1 when absent); None when it is not a q-value (0 to 1)."""
    name, _, value = parameters.strip().partition("=")
    if not name:
        return 1.0
    if name.strip().lower() != "q":
        return None
    try:
        weight = float(value.strip())
    except ValueError:
        return None
    return weight if 0 <= weight <= 1 else None


def page_key(request, state):
    address = f"{state.token}:{request.path}?{normalized_query(request.META.get('QUERY_STRING', ''))}"
    return "page-cache:page:" + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()


# --- Stored pages ------------------------------------------------------------------------


class CachedPage:
    """A rendered page as stored, in one encoding: the response as sent, with every header but
    Cache-Control (which counts down to the next scheduled story), and its validators. Stored
    whole, as Django's own cache middleware stores responses, a hit only unpickles it. Each
    encoding is its own cache entry, so a hit reads only the bytes it sends."""

    def __init__(self, response, etag, last_modified):
        self.stored_response = response
        self.etag = etag
        self.last_modified = last_modified

    @classmethod
    def variants(cls, response, encodings=(None, *CODINGS)):
        """{encoding: CachedPage} for identity, brotli and gzip (small pages: identity only);
        only the `encodings` asked for are compressed."""
        stored = [(name, value) for name, value in response.items() if name.lower() in STORED_HEADERS]
        body = response.content
        # Compressed copies share the page's ETag, marked weak, as Django's GZipMiddleware does:
        # a client holding any encoding of this page revalidates it with a 304.
        etag = '"' + hashlib.md5(body, usedforsecurity=False).hexdigest()[:20] + '"'
        last_modified = int(timezone.now().timestamp())

        def page(data, encoding):
            stored_response = HttpResponse(data, status=response.status_code, headers=stored)
            patch_vary_headers(stored_response, ["Accept-Encoding"])
            if encoding:
                stored_response["Content-Encoding"] = encoding
            stored_response["Content-Length"] = str(len(data))
            stored_response["ETag"] = f"W/{etag}" if encoding else etag
            stored_response["Last-Modified"] = http_date(last_modified)
            return cls(stored_response, stored_response["ETag"], last_modified)

        plain = page(body, None)
        if len(body) < MIN_COMPRESS_BYTES:
            return dict.fromkeys((None, *CODINGS), plain)
        compressors = {
            "br": lambda: brotli.compress(body, quality=BROTLI_QUALITY),
            "gzip": lambda: gzip.compress(body, compresslevel=6, mtime=0),
        }
        compressed = {encoding: page(compressors[encoding](), encoding) for encoding in encodings if encoding}
        return {None: plain, **compressed}

    def response(self, request, state):
        """The page, or a 304 (or 412) when the client's validators say it has it already.
        Call it once per CachedPage: the response is handed out, not copied (a page read from
        the cache is a fresh copy each time)."""
        response = self.stored_response
        response["Cache-Control"] = public_cache_control(state)
        if request.META.keys().isdisjoint(CONDITIONAL_HEADERS):
            return response  # most requests carry no validator: nothing to compare
        conditional = get_conditional_response(
            request, etag=self.etag, last_modified=self.last_modified, response=response
        )
        if conditional is not response:
            for name in NOT_MODIFIED_POLICY_HEADERS:
                if name in response:
                    conditional[name] = response[name]
        return conditional


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


class HotPages:
    """The pages this process stored last, in front of Django's cache: a hit on them skips the
    backend's key handling and, with Redis, the round trip. Keys carry the content state, so an
    edit never outdates an entry; each expires with the cache entry stored beside it."""

    def __init__(self, size):
        self.size = size
        self.entries = {}
        self.lock = threading.Lock()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is None or entry[1] <= time.monotonic():
            return None
        return pickle.loads(entry[0])  # a fresh response each time, as the cache gives

    def put(self, key, page, timeout):
        entry = (pickle.dumps(page, pickle.HIGHEST_PROTOCOL), time.monotonic() + timeout)
        with self.lock:
            self.entries.pop(key, None)
            while len(self.entries) >= self.size:
                self.entries.pop(next(iter(self.entries)))  # the oldest stored
            self.entries[key] = entry


# --- Looking up and storing -------------------------------------------------------------


# Set in the WSGI environ by the front (balkanoscope/cache_front.py) when it looked a page up and
# found nothing, so the middleware does not ask the cache again. Clients cannot set it: every
# header they send reaches the environ as HTTP_*.
LOOKED_UP_AND_MISSED = "balkanoscope.page_cache.missed"


class Lookup:
    """One request's page-cache lookup: the content state and key it used, and the page found."""

    def __init__(self, state, key, encoding, page):
        self.state = state
        self.key = key
        self.encoding = encoding
        self.page = page

    def response(self, request):
        return self.page.response(request, self.state)


class PageCache:
    """The process's page cache: one for the middleware and the WSGI front, so a page the
    middleware stores is a hot page for the front."""

    def __init__(self):
        self.hot_pages = HotPages(HOT_PAGES)

    def applies_to(self, request):
        """Whether this request is one for the page cache: a GET or HEAD of a cacheable page, for
        an allowed host (a disallowed one gets CommonMiddleware's 400, with the same headers as any
        other page, never a cached page). Readers with a session are then served fresh (has_session)."""
        if request.method not in ("GET", "HEAD") or not is_cacheable(request.path_info):
            return False
        try:
            request.get_host()
        except DisallowedHost:
            return False
        return True

    def lookup(self, request, *, ask_cache=True):
        """The state, key and stored page (None on a miss) for a request the cache applies to.
        Raises DatabaseError when the content state cannot be read."""
        state = content_state_reader()(request)
        key = page_key(request, state)
        encoding = preferred_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        page = None
        if ask_cache and settings.PAGE_CACHE:
            variant = f"{key}:{encoding}"
            page = self.hot_pages.get(variant) or django_cache.get(variant)
        return Lookup(state, key, encoding, page)

    def store(self, request, lookup, response):
        """The response to send for a freshly rendered page, stored first when it may be."""
        if not is_storable(response):
            return response
        timeout = lookup.state.seconds_to_live(settings.PAGE_CACHE_TIMEOUT)
        storing = settings.PAGE_CACHE and timeout >= 1
        # Compress for every client only when the page is stored; else just for this one.
        encoding = lookup.encoding
        variants = CachedPage.variants(response) if storing else CachedPage.variants(response, (encoding,))
        if storing:
            django_cache.set_many({f"{lookup.key}:{name}": page for name, page in variants.items()}, timeout)
            self.hot_pages.put(f"{lookup.key}:{encoding}", variants[encoding], timeout)
        return variants[encoding].response(request, lookup.state)


@lru_cache(maxsize=8)
def _import_reader(path):
    return import_string(path)


def content_state_reader():
    return _import_reader(settings.PAGE_CACHE_CONTENT_STATE)


page_cache = PageCache()


@receiver(setting_changed)
def forget_hot_pages(**kwargs):
    """Settings change only in tests: a page rendered under other settings is not this one, and
    a fresh cache backend (CACHES) holds none of the entries hot pages copy."""
    page_cache.hot_pages = HotPages(HOT_PAGES)


# --- The middleware ----------------------------------------------------------------------


def page_cache_middleware(get_response):
    """Serve cached public pages before CSP, sessions, CSRF or the view run; store what they render.
    In production most hits never reach here: the WSGI front answers them (cache_front.py)."""
    release_id()  # now, while loading, rather than in each worker's first request

    def middleware(request):
        if not page_cache.applies_to(request):
            return get_response(request)
        if has_session(request):
            response = get_response(request)
            if response.status_code == 200 and "Cache-Control" not in response:
                response["Cache-Control"] = "private, no-cache"
            return response
        try:
            lookup = page_cache.lookup(request, ask_cache=LOOKED_UP_AND_MISSED not in request.META)
        except DatabaseError:
            # The database is down: let the view meet the outage, so the reader gets the
            # branded 503 page from DatabaseUnavailableMiddleware rather than an error here.
            return get_response(request)
        if lookup.page is not None:
            return lookup.response(request)
        return page_cache.store(request, lookup, get_response(request))

    return middleware
