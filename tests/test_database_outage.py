"""Real database outages under a running gunicorn: the SQLite file moved aside (with the
workers restarted meanwhile), and the site's own PostgreSQL server stopped and started.
Readers get the branded 503 meanwhile, /readyz says so, and the site recovers by itself
within seconds of the database coming back: no restart is needed."""

import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.test_serving import fetch, free_port, start_server, stop_server, wait_for_workers

pytestmark = pytest.mark.operational
RECOVERY_SECONDS = 5  # from the database's return to the first page served


def postgres_bin():
    """The folder of the server's programs (initdb, pg_ctl), found at run time so any version will
    do: `pg_config --bindir`, else the newest of Debian's /usr/lib/postgresql/<version>/bin."""
    candidates = []
    if shutil.which("pg_config"):
        bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, timeout=10).stdout.strip()
        candidates.append(Path(bindir))
    debian = [folder for folder in Path("/usr/lib/postgresql").glob("*/bin") if folder.parent.name.isdigit()]
    candidates += sorted(debian, key=lambda folder: int(folder.parent.name), reverse=True)
    return next((folder for folder in candidates if (folder / "initdb").exists()), None)


POSTGRES_BIN = postgres_bin()


class ThrowawayPostgres:
    """A PostgreSQL cluster of this test's own, on a free port (never the shared server)."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="balkanoscope-pg-"))
        self.data = self.folder / "data"
        # PostgreSQL refuses to run as root: run its tools as the postgres user then.
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.run_as:
            shutil.chown(self.folder, "postgres")
        self.tool("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")

    def tool(self, name, *args):
        subprocess.run([*self.run_as, str(POSTGRES_BIN / name), *args], check=True, capture_output=True, timeout=120)

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.tool("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options, "-w", "start")

    def stop(self):
        self.tool("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self):
        subprocess.run([*self.run_as, str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def own_postgres():
    if POSTGRES_BIN is None:
        message = "PostgreSQL's server programs (initdb, pg_ctl) are missing: apt-get install postgresql"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    cluster = ThrowawayPostgres()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


def wait_for_status(url, expected, seconds=30):
    """Seconds until `url` answers `expected`, asking every 0.1 s."""
    started = time.monotonic()
    status = None
    while time.monotonic() < started + seconds:
        try:
            status = fetch(url)[0]
        except OSError:
            status = None
        if status == expected:
            return time.monotonic() - started
        time.sleep(0.1)
    pytest.fail(f"{url} answered {status}, not {expected}")


def assert_outage_pages(server):
    for _ in range(6):  # both workers
        status, headers, body = fetch(server + "/stories/")
        assert status == 503
        assert b"trouble reaching our database" in body and b"Traceback" not in body
        assert headers["Retry-After"] == "30"
    status, _, body = fetch(server + "/readyz")
    assert status == 503 and b'"database": "unavailable"' in body
    assert fetch(server + "/healthz")[0] == 200


def restart_workers(server):
    """gunicorn's graceful reload: new workers, forked from the master, open new connections."""
    before = wait_for_workers(server.process, lambda pids: len(pids) == 2)
    server.process.send_signal(signal.SIGHUP)
    wait_for_workers(server.process, lambda pids: len(pids) == 2 and not pids & before)


def test_sqlite_file_moved_aside_is_an_outage_and_the_site_recovers_when_it_is_back(tmp_path):
    database = tmp_path / "db.sqlite3"
    aside = tmp_path / "moved-aside.sqlite3"
    server = start_server(tmp_path)
    try:
        master = server.process.pid
        assert fetch(server + "/stories/")[0] == 200
        assert fetch(server + "/readyz")[0] == 200

        database.rename(aside)
        assert_outage_pages(server)  # the workers' open connections are dropped, not kept on the moved file
        restart_workers(server)
        assert_outage_pages(server)
        assert not database.exists()  # no empty database was made in its place

        # An empty database at the path (a volume mounted empty) is not ready either.
        sqlite3.connect(database).close()
        status, _, body = fetch(server + "/readyz")
        assert status == 503 and b'"database": "unavailable"' in body
        assert fetch(server + "/stories/")[0] == 503
        database.unlink()

        aside.rename(database)
        recovery = wait_for_status(server + "/stories/", 200, seconds=RECOVERY_SECONDS)
        wait_for_status(server + "/readyz", 200, seconds=RECOVERY_SECONDS)
        print(f"SQLite: first page served {recovery:.2f} s after the file was back")
        for _ in range(6):
            assert fetch(server + "/stories/")[0] == 200
        assert server.process.pid == master and server.process.poll() is None  # no restart

        log = server.log.read_text(errors="replace")
        assert "Traceback" not in log
        assert "database unavailable" in log and "database available again" in log
    finally:
        stop_server(server)


def test_stopped_database_gives_a_branded_503_and_the_site_recovers_by_itself(tmp_path, own_postgres):
    server = start_server(tmp_path, DATABASE_URL=own_postgres.url)
    try:
        master = server.process.pid
        assert fetch(server + "/stories/")[0] == 200
        assert fetch(server + "/readyz")[0] == 200

        own_postgres.stop()
        assert_outage_pages(server)  # both workers, with their persistent connections now broken

        own_postgres.start()
        recovery = wait_for_status(server + "/stories/", 200, seconds=RECOVERY_SECONDS)
        wait_for_status(server + "/readyz", 200, seconds=RECOVERY_SECONDS)
        print(f"PostgreSQL: first page served {recovery:.2f} s after the server was back")
        assert server.process.pid == master and server.process.poll() is None  # no restart

        log = server.log.read_text(errors="replace")
        assert "Traceback" not in log
        assert 1 <= log.count("database unavailable") <= 2  # once per worker, not per request
    finally:
        stop_server(server)


def test_only_migrate_creates_a_missing_sqlite_database(tmp_path):
    from tests.test_settings import run_manage

    database = tmp_path / "db.sqlite3"
    environment = {"DATABASE_URL": f"sqlite:///{database}"}
    count = "from stories.models import Story; print(Story.objects.count())"
    refused = run_manage("shell", "--no-imports", "-c", count, **environment)
    assert refused.returncode != 0 and "unable to open database file" in refused.stderr
    assert not database.exists()
    assert run_manage("migrate", "--noinput", "-v0", **environment).returncode == 0  # a fresh checkout
    assert run_manage("shell", "--no-imports", "-c", count, **environment).stdout.strip() == "0"


def test_a_failed_connection_is_dropped_unless_a_transaction_holds_it(monkeypatch):
    from django.db import OperationalError

    from balkanoscope import health

    class Connection:
        def __init__(self, in_atomic_block):
            self.in_atomic_block = in_atomic_block
            self.is_closed = False

        def close(self):
            self.is_closed = True

    idle, in_transaction = Connection(False), Connection(True)
    monkeypatch.setattr(health.connections, "all", lambda initialized_only: [idle, in_transaction])
    health.database_failed(OperationalError("disk I/O error"))
    health.database_outage.recovered()
    assert idle.is_closed and not in_transaction.is_closed
