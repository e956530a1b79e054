"""A real database outage: the site's own PostgreSQL server is stopped under a running
gunicorn, then started again. Readers get the branded 503 meanwhile; no restart is needed."""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.test_serving import fetch, free_port, start_server, stop_server

pytestmark = pytest.mark.operational


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
    deadline = time.monotonic() + seconds
    status = None
    while time.monotonic() < deadline:
        try:
            status = fetch(url)[0]
        except OSError:
            status = None
        if status == expected:
            return
        time.sleep(0.2)
    pytest.fail(f"{url} answered {status}, not {expected}")


def test_stopped_database_gives_a_branded_503_and_the_site_recovers_by_itself(tmp_path, own_postgres):
    server = start_server(tmp_path, DATABASE_URL=own_postgres.url)
    try:
        master = server.process.pid
        assert fetch(server + "/stories/")[0] == 200
        assert fetch(server + "/readyz")[0] == 200

        own_postgres.stop()
        for _ in range(6):  # both workers, with their persistent connections now broken
            status, headers, body = fetch(server + "/stories/")
            assert status == 503
            assert b"trouble reaching our database" in body and b"Traceback" not in body
            assert headers["Retry-After"] == "30"
        status, _, body = fetch(server + "/readyz")
        assert status == 503 and b'"database": "unavailable"' in body
        assert fetch(server + "/healthz")[0] == 200

        own_postgres.start()
        wait_for_status(server + "/stories/", 200)
        wait_for_status(server + "/readyz", 200)
        assert server.process.pid == master and server.process.poll() is None  # no restart

        log = server.log.read_text(errors="replace")
        assert "Traceback" not in log
        assert 1 <= log.count("database unavailable") <= 2  # once per worker, not per request
    finally:
        stop_server(server)
