"""In-process render time of each public page with the page cache off, and its SQL queries.

Run in a subprocess by the bench, with DATABASE_URL pointing at a seeded database:
    python -m tests.bench.render 50 [--story-html PATH]
Prints one JSON object: {label: {"url", "status", "wall_ms", "cpu_ms", "queries", "warm_queries"}}. With --story-html,
also writes the story page's exact HTML (and its brotli and gzip copies, as collectstatic
makes them) to PATH: the static ceiling the bench serves through whitenoise.
"""

import json
import os
import sys
import time


def public_pages():
    """Label -> URL of each page the bench measures, picked from the seeded database."""
    from stories.models import Country, Story, Theme

    published = Story.objects.published()
    total = published.count()
    middle = published.order_by("-published_at", "-pk").values_list("slug", flat=True)[total // 2]
    country = Country.objects.order_by("sort_order").first()
    theme = Theme.objects.order_by("sort_order").first()
    return {
        "home": "/",
        "list": "/stories/",
        "filtered list": f"/stories/?country={country.slug}&theme={theme.slug}",
        "story": f"/stories/{middle}/",
        "search": "/search/?q=river",
        # One country: at 1,000 stories a country and a theme leave fewer matches than a page holds.
        "filtered search": f"/search/?q=river&country={country.slug}",
        "feed": "/feed/",
        "country page": f"/countries/{country.slug}/",
        "countries": "/countries/",
        "themes": "/themes/",
    }


def count_queries(client, url):
    from django.db import connection

    queries = []

    def record(execute, sql, *args):
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        client.get(url)
    return len(queries)


def save_story_html(client, url, path):
    import gzip
    from pathlib import Path

    import brotli

    body = client.get(url).content
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    path.with_name(path.name + ".br").write_bytes(brotli.compress(body))
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(body, 9))


def measure(repeats, story_html=None):
    """Per page: queries of the first render (data cache cold) and of a warm one, and the wall
    and CPU milliseconds of `repeats` renders. The CPU time of this process includes SQLite's
    work and leaves out the time other programs on a shared machine take the CPU away."""
    from django.conf import settings
    from django.test import Client

    settings.PAGE_CACHE = False
    client = Client()
    results = {}
    for label, url in public_pages().items():
        cold_queries = count_queries(client, url)
        response = client.get(url)
        if response.status_code != 200:
            results[label] = {"url": url, "status": response.status_code}
            continue
        warm_queries = count_queries(client, url)
        wall, cpu = [], []
        for _ in range(repeats):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        results[label] = {
            "url": url,
            "status": 200,
            "wall_ms": wall,
            "cpu_ms": cpu,
            "queries": cold_queries,
            "warm_queries": warm_queries,
        }
    if story_html:
        save_story_html(client, results["story"]["url"], story_html)
    return results


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balkanoscope.settings")
    import django

    django.setup()
    arguments = sys.argv[1:]
    story_html = arguments[arguments.index("--story-html") + 1] if "--story-html" in arguments else None
    print(json.dumps(measure(int(arguments[0]) if arguments else 50, story_html)))
