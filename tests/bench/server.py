"""The bench's throwaway site: databases, media and static files under var/bench, and the
production-like server started exactly as `make serve` starts it (balkanoscope/start.sh)."""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
STATIC_ROOT = BENCH_DIR / "static"
# The story page's exact HTML, saved among the static files: what both ceilings serve.
CEILING_FILE = "bench-ceiling/story.html"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    """One seeded database with its media folder, and the environment to serve it."""

    def __init__(self, name, stories, database_url, port):
        self.name = name
        self.stories = stories
        self.database_url = database_url
        self.media_root = BENCH_DIR / f"media-{name}"
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"

    def environment(self, **overrides):
        inherited = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(
                ("DJANGO_", "DATABASE_URL", "CACHE_URL", "REDIS_URL", "PAGE_CACHE", "DATA_CACHE", "GUNICORN_")
            )
        }
        return {
            **inherited,
            # `make serve`'s settings (see Makefile SERVE_ENV), on the bench's own files and port.
            "DJANGO_DEBUG": "false",
            "DJANGO_HTTPS": "false",
            "DJANGO_SECRET_KEY": bench_secret_key(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SITE_URL": self.base_url,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "PYTHON": sys.executable,
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media_root),
            "STATIC_ROOT": str(STATIC_ROOT),
            "DJANGO_LOG_LEVEL": "WARNING",
            **({"CACHE_URL": os.environ["BENCH_CACHE_URL"]} if os.environ.get("BENCH_CACHE_URL") else {}),
            **overrides,
        }

    def manage(self, *args, **env):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.environment(**env),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def create(self):
        """A fresh database (SQLite file removed, or PostgreSQL database dropped and created)."""
        recreate_database(self.database_url)
        shutil.rmtree(self.media_root, ignore_errors=True)
        self.manage("migrate", "--noinput")
        self.manage("seed_demo")
        self.python("tests.bench.generate", str(self.stories))

    def python(self, module, *args, **env):
        """Run `python -m module args` against this site; returns its standard output."""
        result = subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=ROOT,
            env=self.environment(**env),
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout


_secret_key = []


def bench_secret_key():
    if not _secret_key:
        _secret_key.append(secrets.token_urlsafe(64))
    return _secret_key[0]


def database_url(name):
    """BENCH_DATABASE_URL (PostgreSQL; its database is dropped and recreated) or SQLite under var/bench."""
    configured = os.environ.get("BENCH_DATABASE_URL")
    if not configured:
        return f"sqlite:///{BENCH_DIR / (name + '.sqlite3')}"
    parts = urlsplit(configured)
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{name}"))


def recreate_database(url):
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(parts.path + suffix).unlink(missing_ok=True)
        return
    import psycopg

    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare_bench_folder():
    shutil.rmtree(BENCH_DIR, ignore_errors=True)
    BENCH_DIR.mkdir(parents=True)


class Server:
    """gunicorn started by balkanoscope/start.sh, as in `make serve` and the Docker image;
    `gunicorn_args` are added to its command line (they override gunicorn.conf.py)."""

    def __init__(self, site, *gunicorn_args, **env):
        self.site = site
        self.gunicorn_args = gunicorn_args
        self.env = env
        self.log_path = BENCH_DIR / f"server-{site.name}.log"
        self.folder = ROOT
        self.process = None

    def command(self):
        return [str(ROOT / "balkanoscope" / "start.sh"), *self.gunicorn_args]

    def environment(self):
        return self.site.environment(**self.env)

    def ready_url(self):
        return self.site.base_url + "/healthz"

    def __enter__(self):
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(), cwd=self.folder, env=self.environment(), stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped at start; see {self.log_path}")
            try:
                if fetch(self.ready_url())[0] == 200 and len(self.worker_pids()) > 0:
                    time.sleep(1)  # let every worker finish booting
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the server did not answer within 90 s; see {self.log_path}")

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def worker_pids(self):
        """gunicorn's workers: the children of the master (start.sh execs into gunicorn)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def worker_cpu_seconds(self):
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        return total / CLOCK_TICKS

    def worker_rss_mb(self):
        sizes = []
        for pid in self.worker_pids():
            try:
                resident_pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            except OSError:
                continue
            sizes.append(resident_pages * PAGE_SIZE / 1024 / 1024)
        return sizes


class LeanServer(Server):
    """The lean ceiling: a Django project with WhiteNoise alone (lean_settings.py) serving the
    bench's static files, under gunicorn with `gunicorn_args` and nothing else."""

    def __init__(self, port, *gunicorn_args):
        self.base_url = f"http://127.0.0.1:{port}"
        self.port = port
        self.gunicorn_args = gunicorn_args
        self.log_path = BENCH_DIR / "server-lean.log"
        self.folder = BENCH_DIR  # away from the site's gunicorn.conf.py, which gunicorn would load
        self.process = None

    def command(self):
        bind = f"127.0.0.1:{self.port}"
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            bind,
            *self.gunicorn_args,
            "tests.bench.lean_wsgi:application",
        ]

    def environment(self):
        inherited = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_"))}
        return {
            **inherited,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SECRET_KEY": bench_secret_key(),
            "STATIC_ROOT": str(STATIC_ROOT),
        }

    def ready_url(self):
        return f"{self.base_url}/static/{CEILING_FILE}"


def fetch(url, headers=None):
    """(status, headers, body) of a GET, without following anything clever."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
