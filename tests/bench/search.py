"""Search timed in-process, as the search page runs it (rank, first page, snippets), over a fixed
set of queries: `python -m tests.bench.search [ROUNDS]` against a seeded database (the bench runs it
on its big site). Prints the median, 99th percentile and maximum, and the median CPU time.
"""

import os
import statistics
import sys
import time

# Common and rare words, names in both scripts, diacritics, prefixes, several words, no match.
QUERIES = [
    "story",
    "river",
    "Đorđe",
    "djordje ilic",
    "Жарко",
    "zarko jovanovic",
    "sarajevo",
    "mostar",
    "nurse",
    "beek",
    "court date ministry",
    "the last baker",
    "corruption",
    "Shkodër",
    "Nikšić",
    "war",
    "letters",
    "grandmother ljubica",
    "no such word anywhere",
    "a",
]
FILTERED_QUERIES = 5  # the first few again, with a country and a theme


def run_search(query, filters):
    """What the search page does: rank the matches, fetch and highlight the first page."""
    from stories.search import load_results, rank_stories, with_snippets

    ranking = rank_stories(query, **filters)
    return with_snippets(load_results(ranking.story_ids[:12]), query)


def measure(rounds=10):
    from django.db import connection

    from stories.models import Country, Story, Theme

    country = Country.objects.order_by("pk").first()
    theme = Theme.objects.order_by("pk").first()
    cases = [(query, {}) for query in QUERIES]
    if country and theme:
        cases += [(query, {"country": country, "theme": theme}) for query in QUERIES[:FILTERED_QUERIES]]
    for query, filters in cases:  # warm caches once
        run_search(query, filters)
    timings, cpu_timings = [], []
    for _ in range(rounds):
        for query, filters in cases:
            started, cpu_started = time.perf_counter(), time.process_time()
            run_search(query, filters)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_timings.append((time.process_time() - cpu_started) * 1000)
    timings.sort()
    p99 = timings[min(len(timings) - 1, round(len(timings) * 0.99))]
    return (
        f"search ({connection.vendor}): {Story.objects.published().count()} published stories, "
        f"{len(timings)} searches, median {statistics.median(timings):.1f} ms, p99 {p99:.1f} ms, "
        f"max {timings[-1]:.1f} ms\n"
        # On a busy machine wall time includes waiting for a CPU; this process's CPU time does
        # not (it holds all of SQLite's work, but none of PostgreSQL's server).
        f"CPU time of this process: median {statistics.median(cpu_timings):.1f} ms"
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balkanoscope.settings")
    import django

    django.setup()
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    if rounds < 1:
        sys.exit("ROUNDS must be 1 or more.")
    print(measure(rounds))
