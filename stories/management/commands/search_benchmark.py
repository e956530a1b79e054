import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from stories.models import Country, Story, Theme
from stories.search import load_results, rank_stories, with_snippets

# Common and rare words, names in both scripts, diacritics, prefixes, several words, no match.
BENCHMARK_QUERIES = [
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


class Command(BaseCommand):
    help = (
        "Time search as the search page runs it (count, first page, snippets) over a fixed set of queries, "
        "in-process, and print the median and 99th percentile. Seed stories first: seed_demo --stories 10000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=10, help="How many times to run each query.")

    def handle(self, *args, rounds, **options):
        if rounds < 1:
            raise CommandError("--rounds must be 1 or more.")
        country = Country.objects.order_by("pk").first()
        theme = Theme.objects.order_by("pk").first()
        cases = [(query, {}) for query in BENCHMARK_QUERIES]
        cases += [(query, {"country": country, "theme": theme}) for query in BENCHMARK_QUERIES[:5] if country and theme]
        for query, filters in cases:  # warm caches once
            self.run_search(query, filters)
        timings, cpu_timings = [], []
        for _ in range(rounds):
            for query, filters in cases:
                started, cpu_started = time.perf_counter(), time.process_time()
                self.run_search(query, filters)
                timings.append((time.perf_counter() - started) * 1000)
                cpu_timings.append((time.process_time() - cpu_started) * 1000)
        timings.sort()
        p99 = timings[min(len(timings) - 1, round(len(timings) * 0.99))]
        self.stdout.write(
            f"search ({connection.vendor}): {Story.objects.published().count()} published stories, "
            f"{len(timings)} searches, median {statistics.median(timings):.1f} ms, p99 {p99:.1f} ms, "
            f"max {timings[-1]:.1f} ms"
        )
        # On a busy machine wall time includes waiting for a CPU; this process's CPU time does
        # not (it holds all of SQLite's work, but none of PostgreSQL's server).
        self.stdout.write(f"  CPU time of this process: median {statistics.median(cpu_timings):.1f} ms")

    def run_search(self, query, filters):
        """What the search page does: rank the matches, fetch and highlight the first page."""
        ranking = rank_stories(query, **filters)
        return with_snippets(load_results(ranking.story_ids[:12]), query)
