"""The production entry point (Dockerfile ENTRYPOINT, `make serve`) really serves the site."""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, host="127.0.0.1"):
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server(str):
    """The server's base URL, which also knows its master process and log file."""

    process: subprocess.Popen
    log: Path


def start_server(tmp, **environment):
    """balkanoscope/start.sh with production settings on a free port; SQLite unless told."""
    port = free_port()
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "REDIS_URL"))
        },
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "PYTHON": sys.executable,
        **environment,
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=120
    )
    log = tmp / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [str(ROOT / "balkanoscope" / "start.sh")], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if fetch(base + "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("gunicorn did not start: " + log.read_text(errors="replace")[-2000:])
    base = Server(base)
    base.process, base.log = server, log
    return base


def stop_server(server):
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=30) == 0


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("serve"))
    yield server
    stop_server(server)


@pytest.mark.operational
def test_entry_script_migrates_and_serves_pages_with_static_files(production_server):
    status, _, body = fetch(production_server + "/")
    assert status == 200
    assert b"Balkanoscope" in body
    css = body.decode().split('href="/static/css/site.')[1].split('"')[0]
    status, headers, _ = fetch(f"{production_server}/static/css/site.{css}")
    assert status == 200
    assert "immutable" in headers["Cache-Control"]


@pytest.mark.operational
def test_health_checks_answer_on_the_containers_own_address(production_server):
    assert fetch(production_server + "/healthz", host="10.0.0.7:8000")[0] == 200
    status, _, body = fetch(production_server + "/readyz", host="10.0.0.7:8000")
    assert status == 200 and b'"database": "ok"' in body


@pytest.mark.operational
def test_unknown_host_is_refused_and_logged_in_one_line(production_server):
    assert fetch(production_server + "/?probe=bad-host", host="evil.example")[0] == 400
    lines = wait_for_log_lines(production_server.log, "reason=disallowed_host")
    assert len(lines) == 1
    log = production_server.log.read_text(errors="replace")
    assert "Traceback" not in log and "Invalid HTTP_HOST" not in log
    assert "bad-host" not in log  # query strings are never logged


def post(server, path, body, content_type="application/x-www-form-urlencoded"):
    """The status of a POST; None when the server answered and closed before the body was sent.
    It carries a CSRF cookie, as anyone's browser can, so Django reads the body."""
    connection = http.client.HTTPConnection(server.removeprefix("http://"), timeout=10)
    headers = {"Content-Type": content_type, "Host": "127.0.0.1", "Cookie": "csrftoken=" + "a" * 32}
    try:
        connection.request("POST", path, body=body, headers=headers)
        return connection.getresponse().status
    except (ConnectionError, http.client.HTTPException):
        return None
    finally:
        connection.close()


@pytest.mark.operational
def test_oversized_posts_are_refused_and_logged_as_one_warning_each(production_server):
    boundary = "b0undary"
    many_files = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="f{n}"; filename="f{n}.txt"\r\n\r\nx\r\n'
        for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    )
    statuses = [
        post(production_server, "/", b"a=" + b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)),
        post(production_server, "/stories/", "&".join(["a=1"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))),
        post(
            production_server,
            "/search/",
            f"{many_files}--{boundary}--\r\n",
            f"multipart/form-data; boundary={boundary}",
        ),
    ]
    assert set(statuses) <= {400, None}, statuses
    for reason, path in [
        ("RequestDataTooBig", "/"),
        ("TooManyFieldsSent", "/stories/"),
        ("TooManyFilesSent", "/search/"),
    ]:
        (line,) = wait_for_log_lines(production_server.log, f"logger=django.security.{reason}")
        assert "level=WARNING" in line and f"path={path} " in line + " ", line
    log = production_server.log.read_text(errors="replace")
    assert "Traceback" not in log and "level=ERROR" not in log


def wait_for_log_lines(log, text):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = [line for line in log.read_text(errors="replace").splitlines() if text in line]
        if lines:
            return lines
        time.sleep(0.1)
    return []


@pytest.mark.operational
def test_static_files_are_served_with_nosniff_their_type_and_the_policy(production_server):
    _, _, body = fetch(production_server + "/")
    css = body.decode().split('href="/static/css/site.')[1].split('"')[0]
    status, headers, _ = fetch(f"{production_server}/static/css/site.{css}")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in headers["Content-Security-Policy"]


# Workers dying and restarting under a light load.

CLIENTS = 4


class LightLoad:
    """CLIENTS threads requesting pages one after another until stopped (bounded in count)."""

    def __init__(self, base, limit_per_client=3000):
        self.base = base
        self.limit = limit_per_client
        self.outcomes = Counter()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.run) for _ in range(CLIENTS)]

    def run(self):
        for _ in range(self.limit):
            if self.stopping.is_set():
                return
            try:
                outcome = fetch(self.base + "/stories/")[0]
            except (OSError, http.client.HTTPException) as error:  # connection reset, body cut short
                outcome = type(error).__name__
            with self.lock:
                self.outcomes[outcome] += 1

    def successes(self):
        with self.lock:
            return self.outcomes[200]

    def wait_for_more_successes(self, count):
        target = self.successes() + count
        deadline = time.monotonic() + 60
        while self.successes() < target and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.successes() >= target, self.outcomes

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=30)


def workers(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    return {int(pid) for pid in children}


def wait_for_workers(master, condition):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        current = workers(master)
        if condition(current):
            return current
        time.sleep(0.1)
    pytest.fail(f"workers did not settle: {workers(master)}")


@pytest.mark.operational
def test_a_killed_worker_costs_at_most_its_in_flight_requests_and_is_replaced(production_server):
    master = production_server.process
    before = wait_for_workers(master, lambda pids: len(pids) == 2)
    victim = min(before)
    with LightLoad(production_server) as load:
        load.wait_for_more_successes(30)
        os.kill(victim, signal.SIGKILL)
        after = wait_for_workers(master, lambda pids: len(pids) == 2 and victim not in pids)
        load.wait_for_more_successes(30)
    assert after - before  # a new worker took its place
    failures = {outcome: n for outcome, n in load.outcomes.items() if outcome != 200}
    assert sum(failures.values()) <= CLIENTS, failures  # each client had at most one request in flight
    assert not any(isinstance(outcome, int) and outcome >= 500 for outcome in failures), failures
    assert master.poll() is None


@pytest.mark.operational
def test_a_graceful_reload_drops_no_request(production_server):
    master = production_server.process
    before = wait_for_workers(master, lambda pids: len(pids) == 2)
    with LightLoad(production_server) as load:
        load.wait_for_more_successes(30)
        master.send_signal(signal.SIGHUP)
        wait_for_workers(master, lambda pids: len(pids) == 2 and not pids & before)
        load.wait_for_more_successes(30)
    assert set(load.outcomes) == {200}, load.outcomes


def test_warm_up_compiles_every_site_template_before_workers_fork():
    """gunicorn's when_ready hook runs it in the master: workers inherit compiled templates."""
    from django.template import engines

    from balkanoscope.startup import warm_up

    loader = engines["django"].engine.template_loaders[0]  # the cached loader
    loader.reset()
    warm_up()
    compiled = {name.split("-")[0] for name in loader.get_template_cache}
    assert {"base.html", "stories/story_detail.html", "stories/search.html", "includes/story_card.html"} <= compiled
