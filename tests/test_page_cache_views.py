"""Which pages the page cache serves: the views marked @page_cacheable, the public pages, and
never the admin, previews or health checks."""

import pytest
from django.urls import URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db


# The pages cached while the list lived in settings (PAGE_CACHE_URL_NAMES): the views now say it.
CACHED_URL_NAMES = {
    *("stories:home", "stories:list", "stories:detail", "stories:search"),
    *("stories:countries", "stories:country", "stories:country_theme", "stories:themes", "stories:theme"),
    *("stories:feed", "stories:feed_atom", "stories:country_feed", "stories:country_feed_atom"),
    *("stories:theme_feed", "stories:theme_feed_atom"),
    *("partners:list", "partners:detail", "partners:about", "partners:page"),
    *("sitemap", "sitemap_section", "robots_txt"),
}


def page_cacheable_url_names(patterns=None, namespace=""):
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= page_cacheable_url_names(pattern.url_patterns, inner)
        elif getattr(pattern.callback, "page_cacheable", False):
            names.add(namespace + pattern.name)
    return names


def test_the_views_marked_cacheable_are_the_public_pages():
    assert page_cacheable_url_names() == CACHED_URL_NAMES
    assert not any(name.startswith("admin:") for name in page_cacheable_url_names())


def test_preview_and_health_checks_are_never_cached(client):
    preview = client.get(reverse("stories:preview", kwargs={"token": "not-a-token"}))
    assert "public" not in preview.get("Cache-Control", "")
    for probe in ("/healthz", "/readyz"):
        for _ in range(2):
            response = client.get(probe)
            assert "public" not in response.get("Cache-Control", "") and "ETag" not in response
