"""Every public URL pattern, fed hostile paths, query strings and methods, never fails with a
5xx and never echoes markup back unescaped (property-based, with hypothesis)."""

import re
from urllib.parse import quote, unquote, urlencode

import pytest
from django.conf import settings as django_settings
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_page, make_partner, make_story
from tests.hypothesis_profiles import examples

pytestmark = pytest.mark.django_db

MARKUP_PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</title><script>x</script>",
    "<!--",
]
OTHER_PAYLOADS = ["", " ", "\x00", "a\x00b", "-1", "0", "-99999999999999999999", "9" * 400, "1e309", "NaN", "%00"]
UNICODE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=40
)  # any character UTF-8 can carry, NUL included
# Digits of every script, superscripts and circled numbers: str.isdigit() takes some that int()
# refuses (a 500 once), int() takes others (duplicate pages); only ASCII without a leading zero counts.
UNICODE_DIGITS = st.text(
    alphabet=st.characters(categories=["Nd", "No"]) | st.sampled_from("0123456789"), min_size=1, max_size=4
)
KNOWN_PARAMS = ["page", "p", "country", "theme", "tag", "q", "format", "lang", "utm_source", "next"]
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]
# Real slugs let generated requests reach the pages behind the 404s as well.
EXISTING_SLUGS = ["a-story", "serbia", "poverty", "european-western-balkans", "about", "photo.jpg"]


def public_routes():
    """(route, converters) for every URL pattern except the admin's."""

    def walk(patterns, prefix, converters):
        for entry in patterns:
            route = str(entry.pattern)
            found = {**converters, **getattr(entry.pattern, "converters", {})}
            if isinstance(entry, URLResolver):
                if route == django_settings.ADMIN_URL:
                    continue
                yield from walk(entry.url_patterns, prefix + route, found)
            elif isinstance(entry, URLPattern):
                yield prefix + route, found

    return dict(walk(get_resolver().url_patterns, "", {}))


CONVERTERS = public_routes()
ROUTES = sorted(CONVERTERS)


def path_values(converter):
    name = type(converter).__name__
    if name == "IntConverter":
        return st.integers(min_value=0, max_value=10**30).map(str)
    if name == "SlugConverter":
        return st.sampled_from(EXISTING_SLUGS) | st.from_regex(r"\A[-a-zA-Z0-9_]{1,60}\Z")
    if name == "PathConverter":
        return st.sampled_from(EXISTING_SLUGS) | UNICODE_TEXT.filter(bool)
    return st.sampled_from(EXISTING_SLUGS) | UNICODE_TEXT.filter(lambda text: text and "/" not in text)


def resolves(path):
    try:
        resolve(unquote(path))
    except Resolver404:
        return False
    return True


def fill(route, values):
    def replace(match):
        return quote(values[match.group(1)], safe="/")

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", replace, route)


query_values = (
    st.sampled_from(MARKUP_PAYLOADS + OTHER_PAYLOADS) | UNICODE_TEXT | UNICODE_DIGITS | st.integers().map(str)
)
query_names = st.sampled_from(KNOWN_PARAMS) | UNICODE_TEXT
query_strings = st.lists(st.tuples(query_names, query_values), max_size=6)


@pytest.fixture(scope="module")
def site_content(module_data):
    with module_data.writing():
        make_story("A story", countries=["Serbia"], themes=["Poverty"], keywords=["water"])
        make_partner()
        make_page()


def test_every_public_route_is_fuzzed():
    assert {"", "stories/", "stories/<slug:slug>/", "media/<path:path>"} <= set(ROUTES)
    assert not any(route.startswith(django_settings.ADMIN_URL) for route in ROUTES)


@pytest.mark.parametrize("route", ROUTES)
def test_hostile_requests_never_fail_or_reflect_markup(client, site_content, route):
    @settings(
        max_examples=examples(25),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data(), method=st.sampled_from(METHODS), params=query_strings)
    def check(data, method, params):
        values = {name: data.draw(path_values(converter), label=name) for name, converter in CONVERTERS[route].items()}
        path = fill(route, values)
        query = urlencode(params)
        response = client.generic(method, f"{path}?{query}" if query else path)
        # Reading a file response to its end closes it (the test client's wrapper does).
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code < 500, (method, path, query, response.status_code)
        if method not in {"GET", "HEAD"}:
            expected = 405 if resolves(path) else 404  # reader pages are read-only
            assert response.status_code == expected, (method, path, response.status_code)
            return
        text = body.decode("utf-8", errors="replace")
        for name, value in params:
            for supplied in (name, value):
                if "<" in supplied and len(supplied) > 3:
                    assert supplied not in text, (path, query)

    check()


PAGINATED = ["/stories/", "/countries/serbia/", "/themes/poverty/", "/search/?q=story&", "/sitemap-stories.xml"]


@settings(
    max_examples=examples(60), deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(address=st.sampled_from(PAGINATED), number=UNICODE_DIGITS)
def test_a_page_number_is_ascii_digits_without_leading_zero_or_a_404(client, site_content, address, number):
    name = "p" if "sitemap" in address else "page"
    separator = "" if address.endswith("&") else "?"
    response = client.get(f"{address}{separator}{urlencode({name: number})}")
    expected = 200 if number == "1" else 404  # the site has one page of one story
    assert response.status_code == expected, (address, number, response.status_code)


def test_huge_query_strings_are_refused_not_crashed(client, site_content):
    query = "&".join(f"p{number}=x" for number in range(django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    assert client.get(f"/stories/?{query}").status_code < 500
    assert client.get("/stories/?page=" + "9" * 100_000).status_code == 404
