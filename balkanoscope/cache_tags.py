"""Cache tags: every response names the content it shows, so a caching proxy or a CDN in front
can drop exactly the pages an edit changed (stories/cache_purge.py sends the bans).

Tags are words: ``site`` on every response (a footer change), ``lists`` on every page not
tagged more precisely (any story change may change it), ``stories`` on every story page (their
sidebars change when a story is published or withdrawn), and ``story-<id>``, ``country-<id>``,
``theme-<id>``, ``contributor-<id>`` for what a story page shows. They travel in the
``Surrogate-Key`` header, which deploy/varnish/default.vcl bans by and keeps from readers.
"""

TAGS_HEADER = "Surrogate-Key"
EVERY_RESPONSE = "site"
ANY_LIST = "lists"


def add_cache_tags(request, *tags):
    """Say that the response to `request` shows `tags` (the default is ANY_LIST)."""
    if not hasattr(request, "cache_tags"):
        request.cache_tags = set()
    request.cache_tags.update(tags)


def cache_tags_middleware(get_response):
    """Write the tags of each GET and HEAD response, inside the page cache, which stores them
    with the page so a cached copy names the same tags."""

    def middleware(request):
        response = get_response(request)
        if request.method in ("GET", "HEAD") and not response.cookies and TAGS_HEADER not in response:
            tags = getattr(request, "cache_tags", None) or {ANY_LIST}
            response[TAGS_HEADER] = " ".join([EVERY_RESPONSE, *sorted(tags - {EVERY_RESPONSE})])
        return response

    return middleware
