"""Backups: one timestamped .tar.gz holding a consistent copy of the database and the media.

Archive layout:
    manifest.json          format, creation time, database engine, applied migrations
    database/db.sqlite3    SQLite, copied with SQLite's online backup API (consistent while serving)
    database/db.dump       PostgreSQL, pg_dump's custom format (one consistent snapshot)
    media/…                the media storage (MEDIA_ROOT, or the media bucket)
    private-media/…        the private storage (PRIVATE_MEDIA_ROOT, or the private bucket)

Files are read and written through Django's storage API, so the same archive works with local
folders and with object storage, and can move an installation from one to the other.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT_VERSION = 1
SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = "django.db.backends.postgresql"
# Rows that `migrate` itself creates (content types, permissions, the Editor and Contributor
# groups, the page cache's content version): a database holding only these is a fresh installation.
BOOKKEEPING_MODELS = {
    "contenttypes.contenttype",
    "auth.permission",
    "auth.group",
    "sessions.session",
    "stories.contentversion",
}
TEMPORARY_UPLOAD_PREFIX = ".upload-"  # AtomicFileSystemStorage's files being written


class BackupError(Exception):
    """A backup or restore cannot be done; the message says why, for the operator."""


def media_storages():
    """(name in the archive, storage) for the media and the private storage."""
    return [("media", storages["default"]), ("private-media", storages["private"])]


def stored_names(storage, folder=""):
    """Every file name in `folder` of `storage` and below, skipping uploads being written."""
    try:
        folders, names = storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder}/" if folder else ""
    for name in sorted(names):
        if not name.startswith(TEMPORARY_UPLOAD_PREFIX):
            yield prefix + name
    for child in sorted(folders):
        yield from stored_names(storage, prefix + child)


def add_stored_files(archive, storage, arcname):
    """Copy every file of `storage` into the archive under `arcname`/; return how many."""
    count = 0
    for name in stored_names(storage):
        member = tarfile.TarInfo(f"{arcname}/{name}")
        try:
            member.size = storage.size(name)
            with storage.open(name, "rb") as stored:
                member.mode = 0o600
                archive.addfile(member, stored)
        except FileNotFoundError:
            continue  # deleted since it was listed (a withdrawal, a replaced image): not wanted
        count += 1
    return count


def engine():
    database = settings.DATABASES["default"]
    if database["ENGINE"] not in {SQLITE, POSTGRESQL}:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {database['ENGINE']}.")
    return database["ENGINE"]


# Backup.


def create_backup(output_dir):
    """Write the archive into output_dir and return its path. The archive appears only once
    complete (written under a temporary name, then renamed) and is readable by its owner only."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    created_at = datetime.now(UTC)
    target = unique_path(output_dir / f"balkanoscope-backup-{created_at:%Y%m%dT%H%M%SZ}.tar.gz")
    with tempfile.TemporaryDirectory(prefix="balkanoscope-backup-") as work:
        database_file = dump_database(Path(work))
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": created_at.isoformat(),
            "database_engine": engine(),
            "database_file": f"database/{database_file.name}",
            "media": [name for name, _storage in media_storages()],
            "migrations": applied_migrations(),
        }
        manifest_file = Path(work) / "manifest.json"
        manifest_file.write_text(json.dumps(manifest, indent=2))
        partial = target.with_name(target.name + ".part")
        try:
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(manifest_file, arcname="manifest.json")
                archive.add(database_file, arcname=manifest["database_file"])
                # Media after the database: a file the snapshot refers to was stored before it.
                for name, storage in media_storages():
                    add_stored_files(archive, storage, name)
            os.chmod(partial, 0o600)  # the archive holds personal data and password hashes
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return target


def unique_path(path):
    counter = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(path.name.replace(".tar.gz", f"-{counter}.tar.gz"))
        counter += 1
    return candidate


def dump_database(work):
    database = settings.DATABASES["default"]
    if engine() == SQLITE:
        target = work / "db.sqlite3"
        source = sqlite3.connect(f"file:{database['NAME']}?mode=ro", uri=True)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # one step: a consistent snapshot, even while the site writes
        finally:
            copy.close()
            source.close()
        return target
    target = work / "db.dump"
    run_postgres_tool(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)])
    return target


def applied_migrations():
    applied = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def run_postgres_tool(command):
    database = settings.DATABASES["default"]
    environment = {
        **os.environ,
        "PGHOST": str(database.get("HOST") or ""),
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": str(database.get("USER") or ""),
        "PGPASSWORD": str(database.get("PASSWORD") or ""),
        "PGDATABASE": database["NAME"],
    }
    sslmode = database.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        environment["PGSSLMODE"] = sslmode
    if not shutil.which(command[0]):
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


# Restore.


def read_manifest(archive_path):
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
    except (OSError, KeyError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"{archive_path} is not a Balkanoscope backup ({error}).") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive_path} has backup format {manifest.get('format')}, expected {FORMAT_VERSION}.")
    return manifest


def database_has_content():
    """True when any table beyond what `migrate` fills holds a row (stories, users, attempts…)."""
    existing = set(connection.introspection.table_names())
    for model in apps.get_models():
        if model._meta.label_lower in BOOKKEEPING_MODELS or model._meta.db_table not in existing:
            continue
        if model._meta.managed and model._base_manager.exists():
            return True
    return False


def restore_backup(archive_path, *, force=False):
    """Replace the database and media with the archive's. Refuses a database with content
    unless force. Returns the manifest."""
    manifest = read_manifest(archive_path)
    if manifest["database_engine"] != engine():
        raise BackupError(
            f"The archive holds a {manifest['database_engine'].rsplit('.', 1)[-1]} database; this installation "
            f"uses {engine().rsplit('.', 1)[-1]}. Restore it into an installation of the same kind."
        )
    if not force and database_has_content():
        raise BackupError(
            "The database is not empty: restoring would replace its content. "
            "Run restore on a fresh installation, or add --force to replace it."
        )
    with tempfile.TemporaryDirectory(prefix="balkanoscope-restore-") as work:
        work = Path(work)
        try:
            with tarfile.open(archive_path, "r:gz") as archive:
                archive.extractall(work, filter="data")  # refuses absolute paths, "..", device files
        except (tarfile.TarError, OSError) as error:
            raise BackupError(f"{archive_path} cannot be unpacked safely ({error}); nothing was changed.") from None
        restore_database(work / manifest["database_file"])
        for name, storage in media_storages():
            replace_stored_files(storage, work / name)
    return manifest


def restore_database(database_file):
    database = settings.DATABASES["default"]
    connections.close_all()
    if engine() == SQLITE:
        source = sqlite3.connect(database_file)
        target = sqlite3.connect(database["NAME"])
        try:
            source.backup(target)  # page by page: the target becomes exactly the archived file
        finally:
            target.close()
            source.close()
        return
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
        # Functions too (the search index's trigger functions): the archive brings its own.
        cursor.execute(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = current_schema() AND NOT EXISTS "
            "(SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"
        )
        for (function,) in cursor.fetchall():
            cursor.execute(f"DROP FUNCTION IF EXISTS {function} CASCADE")
    connections.close_all()
    run_postgres_tool(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname",
         database["NAME"], str(database_file)]
    )  # fmt: skip


def replace_stored_files(storage, restored):
    """Make `storage` hold exactly what the archive restored (nothing, if the archive had none)."""
    for name in list(stored_names(storage)):
        storage.delete(name)
    if not restored.is_dir():
        return
    for path in sorted(restored.rglob("*")):
        if path.is_file():
            name = path.relative_to(restored).as_posix()
            with path.open("rb") as content:
                saved = storage.save(name, File(content, name))
            if saved != name:
                raise BackupError(f"The storage renamed {name} to {saved}; the restore is incomplete.")
