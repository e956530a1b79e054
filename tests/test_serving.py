"""The production entry point (Dockerfile ENTRYPOINT, `make serve`) really serves the site."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
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
    yield base
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=30) == 0


def test_entry_script_migrates_and_serves_pages_with_static_files(production_server):
    status, _, body = fetch(production_server + "/")
    assert status == 200
    assert b"Balkanoscope" in body
    css = body.decode().split('href="/static/css/site.')[1].split('"')[0]
    status, headers, _ = fetch(f"{production_server}/static/css/site.{css}")
    assert status == 200
    assert "immutable" in headers["Cache-Control"]


def test_health_checks_answer_on_the_containers_own_address(production_server):
    assert fetch(production_server + "/healthz", host="10.0.0.7:8000")[0] == 200
    status, _, body = fetch(production_server + "/readyz", host="10.0.0.7:8000")
    assert status == 200 and b'"database": "ok"' in body


def test_unknown_host_is_refused(production_server):
    assert fetch(production_server + "/", host="evil.example")[0] == 400
