"""`manage.py backup` and `manage.py restore` bring a fresh installation back to exactly the
state of the archive, on SQLite and on PostgreSQL; migrations can be undone."""

import hashlib
import os
import re
import socket
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.operational

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}

MAKE_CONTENT = """
from tests.factories import image_upload, make_page, make_partner, make_story, make_user
story = make_story(
    "Backed up", countries=["Serbia"], themes=["Poverty"], keywords=["water"], contributors=["Jelena"],
    hero_image=image_upload(), hero_image_alt="Hills",
)
make_story("A draft", status="draft", body="<p>Đ ž ћ — unicode survives</p>")
make_partner(logo=image_upload("logo.png", size=(200, 100), fmt="PNG"))
make_page(body="<p>About us.</p>")
make_user("editor")
import reversion
with reversion.create_revision():
    story.title = "Backed up, revised"
    story.save()
"""


def environment(tmp_path, name, database_url):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "REDIS_URL", "MEDIA_ROOT"))
    }
    env.update(DATABASE_URL=database_url, MEDIA_ROOT=str(tmp_path / name / "media"))
    return env


def manage(env, *args, expect_success=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if expect_success:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def media_tree(env):
    root = Path(env["MEDIA_ROOT"])
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def round_trip(tmp_path, source_url, target_url):
    source = environment(tmp_path, "source", source_url)
    target = environment(tmp_path, "target", target_url)
    manage(source, "migrate", "--noinput", "-v0")
    manage(source, "shell", "--no-imports", "-c", MAKE_CONTENT)
    archive = Path(manage(source, "backup", "--output-dir", str(tmp_path / "backups")).stdout.strip())

    assert re.fullmatch(r"balkanoscope-backup-\d{8}T\d{6}Z\.tar\.gz", archive.name)
    assert archive.stat().st_mode & 0o077 == 0  # owner only: it holds password hashes
    with tarfile.open(archive) as contents:
        names = contents.getnames()
    assert "manifest.json" in names and any(name.startswith("database/db.") for name in names)
    assert any(name.startswith("media/stories/") for name in names)
    assert any(re.fullmatch(r"media/stories/\w+/\w+-\d+w\.webp", name) for name in names)  # renditions

    manage(target, "migrate", "--noinput", "-v0")  # a fresh installation
    manage(target, "restore", str(archive))
    source_data = manage(source, "dumpdata", "--indent", "1").stdout
    assert manage(target, "dumpdata", "--indent", "1").stdout == source_data
    assert '"Backed up' in source_data and "unicode survives" in source_data
    assert '"model": "reversion.version"' in source_data  # revisions travel with the stories
    assert media_tree(target) == media_tree(source) != {}

    # The target has content now: a second restore must be forced.
    refused = manage(target, "restore", str(archive), expect_success=False)
    assert refused.returncode != 0 and "--force" in refused.stderr and "Traceback" not in refused.stderr
    (Path(target["MEDIA_ROOT"]) / "stray.jpg").write_bytes(b"not in the backup")
    manage(target, "restore", "--force", str(archive))
    assert manage(target, "dumpdata", "--indent", "1").stdout == source_data
    assert media_tree(target) == media_tree(source)


def test_backup_and_restore_round_trip_on_sqlite(tmp_path):
    round_trip(tmp_path, f"sqlite:///{tmp_path / 'source.sqlite3'}", f"sqlite:///{tmp_path / 'target.sqlite3'}")


@pytest.fixture
def postgres_databases():
    """Two databases of this test's own on the shared PostgreSQL server, dropped afterwards."""
    try:
        socket.create_connection((POSTGRES["host"], POSTGRES["port"]), timeout=2).close()
    except OSError:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not reachable at 127.0.0.1:5432")
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    import psycopg

    names = [f"balkanoscope_backup_test_{os.getpid()}_{side}" for side in ("source", "target")]
    with psycopg.connect(dbname="postgres", autocommit=True, **POSTGRES) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    yield [f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}" for name in names]
    with psycopg.connect(dbname="postgres", autocommit=True, **POSTGRES) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_backup_and_restore_round_trip_on_postgresql(tmp_path, postgres_databases):
    round_trip(tmp_path, *postgres_databases)


def test_restore_refuses_an_archive_of_another_database_engine(tmp_path):
    sqlite = environment(tmp_path, "a", f"sqlite:///{tmp_path / 'a.sqlite3'}")
    manage(sqlite, "migrate", "--noinput", "-v0")
    archive = manage(sqlite, "backup", "--output-dir", str(tmp_path)).stdout.strip()
    # Not a backup at all:
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"junk")
    result = manage(sqlite, "restore", str(junk), expect_success=False)
    assert result.returncode != 0 and "not a Balkanoscope backup" in result.stderr
    # An archive with a path escaping the media folder is refused by the extraction filter:
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(archive) as good, tarfile.open(evil, "w:gz") as bad:
        for member in good.getmembers():
            bad.addfile(member, good.extractfile(member) if member.isfile() else None)
        escape = tarfile.TarInfo("media/../../escaped.txt")
        escape.size = 0
        bad.addfile(escape)
    result = manage(sqlite, "restore", "--force", str(evil), expect_success=False)
    assert result.returncode != 0 and "cannot be unpacked safely" in result.stderr
    assert not (tmp_path / "escaped.txt").exists()


def test_migrations_can_be_undone_and_applied_again(tmp_path):
    env = environment(tmp_path, "migrations", f"sqlite:///{tmp_path / 'migrations.sqlite3'}")
    manage(env, "migrate", "--noinput", "-v0")
    for app in ("stories", "partners"):
        manage(env, "migrate", app, "zero", "--noinput", "-v0")
    manage(env, "migrate", "--noinput", "-v0")
