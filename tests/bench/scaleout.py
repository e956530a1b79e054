"""`make bench SCALE=1`: two app instances behind Varnish on PostgreSQL and Redis.

    python -m tests.bench.scaleout

Reports the story, home and list pages' requests/s through Varnish as a share of nginx serving
the same bytes as a static file (target: at least 50%), the time from an edit's save to a fresh
page through Varnish (target: the next request sees it), and errors at 64 connections (target:
none). Needs varnishd and nginx (Debian: apt-get install varnish nginx), PostgreSQL and Redis.

Environment: BENCH_STORIES (default 10000), BENCH_SECONDS, BENCH_ROUNDS, BENCH_DATABASE_URL
(default postgres://postgres@127.0.0.1:5432/balkanoscope_bench; the _scale database is dropped
and recreated), BENCH_CACHE_URL (default Redis database 13 on 127.0.0.1:6379).
"""

import os
import shutil
import subprocess
import sys
import time
from contextlib import ExitStack

from lxml import html

from tests.admin_http import AdminSession
from tests.bench import load
from tests.bench.__main__ import SOAK_CONNECTIONS, Verdicts, discover_paths, heading, step
from tests.bench.server import BENCH_DIR, Server, Site, database_url, fetch, free_port, prepare_bench_folder
from tests.servers import varnish

CONNECTIONS = 32
VARNISH_TARGET = 0.50
PAGES = {"story": None, "home": "/", "list": "/stories/"}  # the story: the first card of the home page
EDITS = 5
SOAK_SECONDS = 30
EDITOR = """
from stories.models import Story
from tests.factories import make_user
make_user("bench-editor", is_superuser=True, password="bench-editor-password")
print(Story.objects.get(slug={slug!r}).pk)
"""

NGINX_CONF = """
daemon off;
worker_processes 2;
user root;
error_log {folder}/nginx-error.log warn;
pid {folder}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {folder}/nginx-body;
    proxy_temp_path {folder}/nginx-proxy;
    fastcgi_temp_path {folder}/nginx-fastcgi;
    uwsgi_temp_path {folder}/nginx-uwsgi;
    scgi_temp_path {folder}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


class Nginx:
    """nginx serving `root` as static files: the ceiling."""

    def __init__(self, root):
        self.port = free_port()
        self.folder = BENCH_DIR / "nginx"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.conf = self.folder / "nginx.conf"
        self.conf.write_text(NGINX_CONF.format(folder=self.folder, port=self.port, root=root))
        self.base_url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.process = subprocess.Popen(["nginx", "-c", str(self.conf), "-p", str(self.folder)])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                fetch(self.base_url + "/")
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)


def main():
    for program in ("varnishd", "nginx"):
        if not (shutil.which(program) or os.path.exists(f"/usr/sbin/{program}")):
            raise SystemExit(f"{program} is missing: apt-get install {'varnish' if program == 'varnishd' else 'nginx'}")
    os.environ.setdefault("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/balkanoscope_bench")
    os.environ.setdefault("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
    stories = int(os.environ.get("BENCH_STORIES", "10000"))
    seconds = int(os.environ.get("BENCH_SECONDS", "5"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    print(f"Balkanoscope scale-out bench: {stories} stories, {os.cpu_count()} CPUs, load by {load.WRK or 'Python'}")
    if not load.WRK:
        print(load.INSTALL_HINT)
    prepare_bench_folder()
    proxy_port = free_port()
    # One site, two instances: the same database, cache and media, each its own port and processes.
    instances = [Site("scale", stories, database_url("scale"), free_port()) for _ in range(2)]
    shared = {
        "CACHE_PURGE_URLS": f"http://127.0.0.1:{proxy_port}",
        "WEB_CONCURRENCY": "2",
        "STORY_PUBLISH_WITHOUT_CONSENT": "true",  # generated stories have no consent record
    }
    step(f"seeding {stories} stories ({instances[0].database_url})")
    instances[0].create()
    instances[0].manage("collectstatic", "--noinput")
    with ExitStack() as running:
        for instance in instances:
            running.enter_context(Server(instance, **shared))
        proxy = running.enter_context(varnish([instance.port for instance in instances], port=proxy_port))
        step(f"Varnish {proxy} in front of {', '.join(instance.base_url for instance in instances)}")
        home = html.fromstring(fetch(proxy + "/")[2])
        PAGES["story"] = home.cssselect(".story-card__title a")[0].get("href")
        ceiling_root = BENCH_DIR / "ceiling"
        for label, path in PAGES.items():
            # The bytes Varnish sends the load generator (its Accept-Encoding), as a file.
            body = fetch(proxy + path, headers=load.REQUEST_HEADERS)[2]
            (ceiling_root / label).mkdir(parents=True, exist_ok=True)
            (ceiling_root / label / "index.html").write_bytes(body)
        results = {}
        with Nginx(ceiling_root) as nginx:
            for label, path in PAGES.items():
                load.run(proxy + path, connections=8, seconds=1)  # warm: Varnish and both instances
                step(f"load: {label}, {rounds} rounds of {seconds} s through Varnish / {seconds} s nginx")
                results[label] = load.interleaved(
                    proxy + path, f"{nginx.base_url}/{label}/", rounds=rounds, seconds=seconds, connections=CONNECTIONS
                )
        freshness = purge_to_fresh(instances[0], proxy, PAGES["story"])
        paths = discover_paths(proxy)
        step(f"soak: {SOAK_CONNECTIONS} connections for {SOAK_SECONDS} s over {len(paths)} pages through Varnish")
        soak = load.run(proxy + "/", connections=SOAK_CONNECTIONS, seconds=SOAK_SECONDS, threads=2, paths=paths)
    return report(results, freshness, soak)


def purge_to_fresh(site, proxy, path):
    """Edit the story EDITS times in the admin of instance one; after each save's answer, how
    long until Varnish serves the new title, and whether the first request already did."""
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    pk = int(
        site.python(
            "django", "shell", "-c", EDITOR.format(slug=slug), DJANGO_SETTINGS_MODULE="balkanoscope.settings"
        ).split()[-1]
    )
    editor = AdminSession(site.base_url)
    editor.login("bench-editor", "bench-editor-password")
    timings, first_fresh = [], 0
    for number in range(EDITS):
        fetch(proxy + path)
        fetch(proxy + path)  # cached now
        title = f"Edited for the bench {number}"
        editor.save_story(pk, title=title)
        saved_at = time.monotonic()
        attempts = 0
        while True:
            attempts += 1
            if title in fetch(proxy + path)[2].decode():
                break
            time.sleep(0.01)
        timings.append((time.monotonic() - saved_at) * 1000)
        first_fresh += attempts == 1
    return {"timings_ms": timings, "first_fresh": first_fresh}


def report(results, freshness, soak):
    heading("Through Varnish (two instances) / nginx serving the same bytes as a static file")
    for label, result in results.items():
        print(
            f"  {label:6} {result['rps']:8.0f} req/s   nginx {result['ceiling_rps']:8.0f} req/s   "
            f"ratio {result['ratio']:.0%}   p50 {result['p50']:.1f} ms   p99 {result['p99']:.1f} ms   "
            f"errors {result['errors']}"
        )
    timings = freshness["timings_ms"]
    heading("Purge to fresh: from the admin's answer to a save to the new page through Varnish")
    print(f"  {', '.join(f'{ms:.0f} ms' for ms in timings)}; first request fresh {freshness['first_fresh']}/{EDITS}")
    heading(f"Soak through Varnish: {SOAK_CONNECTIONS} connections for {SOAK_SECONDS} s")
    print(
        f"  {soak.requests} requests, {soak.requests_per_second:.0f} req/s, p99 {soak.p99_ms:.1f} ms; "
        f"connection errors {soak.errors}; 4xx/5xx {soak.non_success}; 5xx {soak.server_errors}"
    )
    verdicts = Verdicts()
    for label, result in results.items():
        verdicts.add(
            f"{label} through Varnish >= {VARNISH_TARGET:.0%} of nginx static",
            result["ratio"] >= VARNISH_TARGET,
            f"{result['ratio']:.0%}",
        )
    verdicts.add(
        "the first request after an edit sees it",
        freshness["first_fresh"] == EDITS,
        f"{freshness['first_fresh']}/{EDITS}",
    )
    verdicts.add("64 connections: zero connection errors", soak.errors == 0, soak.errors)
    verdicts.add("64 connections: zero 4xx/5xx", soak.non_success == 0, soak.non_success)
    return 1 if verdicts.print() else 0


if __name__ == "__main__":
    sys.exit(main())
