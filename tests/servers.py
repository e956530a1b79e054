"""Real servers the scale-out tests start as processes of their own: moto's S3-protocol server,
Varnish with the project's VCL, and throwaway PostgreSQL databases and Redis databases.

Without the program these tests are skipped locally and fail under CI (CI=true).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.test_serving import free_port

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS = ("127.0.0.1", 6379)
S3_KEYS = {"AWS_ACCESS_KEY_ID": "test-access-key", "AWS_SECRET_ACCESS_KEY": "test-secret-key"}
# What deploy/compose.yaml lets anyone read in the media bucket: never stories' folders.
PUBLIC_PREFIXES = ("partners/", "contributors/")


def missing(what):
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI installs it: .ci/run)")
    pytest.skip(what)


def wait_for_port(port, process, name, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"{name} did not start on port {port}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- S3 (moto) -------------------------------------------------------------------------


class ObjectStore:
    """moto's standalone server with a media bucket (public prefixes readable by anyone, as
    deploy/compose.yaml sets MinIO up) and a private bucket."""

    def __init__(self, url, process):
        self.url, self.process = url, process
        suffix = uuid.uuid4().hex[:8]
        self.media_bucket, self.private_bucket = f"media-{suffix}", f"private-{suffix}"
        client = self.client()
        for bucket in (self.media_bucket, self.private_bucket):
            client.create_bucket(Bucket=bucket)
        resources = [f"arn:aws:s3:::{self.media_bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES]
        policy = {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": resources}]}
        client.put_bucket_policy(Bucket=self.media_bucket, Policy=json.dumps({"Version": "2012-10-17", **policy}))

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name="us-east-1",
            aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def names(self, bucket, prefix=""):
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def read(self, bucket, name):
        return self.client().get_object(Bucket=bucket, Key=name)

    def environment(self):
        """The app's settings for these buckets (README, "Configuration")."""
        return {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": self.media_bucket,
            "PRIVATE_MEDIA_BUCKET": self.private_bucket,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_S3_REGION_NAME": "us-east-1",
            **S3_KEYS,
        }


@contextmanager
def object_store(tmp_path):
    try:
        import moto.server  # noqa: F401
    except ImportError:
        missing("moto[server] is not installed (make install)")
    port = free_port()
    log = (tmp_path / "moto.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT
    )
    try:
        wait_for_port(port, process, "moto's S3 server")
        yield ObjectStore(f"http://127.0.0.1:{port}", process)
    finally:
        stop(process)
        log.close()


# --- Varnish ---------------------------------------------------------------------------


@contextmanager
def varnish(backend_ports, port=None):
    """varnishd in the foreground with deploy/varnish/default.vcl, its backends the app
    instances on `backend_ports`, in turn; yields its base URL."""
    varnishd = shutil.which("varnishd") or next((p for p in ("/usr/sbin/varnishd",) if Path(p).exists()), None)
    if not varnishd:
        missing("varnishd is missing: apt-get install varnish")
    # Varnish's worker drops root for its own user: its folders must be readable by it.
    work = Path(tempfile.mkdtemp(prefix="balkanoscope-varnish-"))
    work.chmod(0o755)
    backends = "".join(
        f'backend app{n} {{ .host = "127.0.0.1"; .port = "{port}"; }}\n' for n, port in enumerate(backend_ports)
    )
    adds = "".join(f"    instances.add_backend(app{n});\n" for n in range(len(backend_ports)))
    (work / "backends.vcl").write_text(
        backends
        + "sub vcl_init {\n    new instances = directors.round_robin();\n"
        + adds
        + "}\nsub choose_backend {\n    set req.backend_hint = instances.backend();\n}\n"
    )
    port = port or free_port()
    log = (work / "varnish.log").open("wb")
    process = subprocess.Popen(
        [
            varnishd, "-F", "-n", str(work / "instance"), "-a", f"127.0.0.1:{port}", "-f", str(VCL),
            "-p", f"vcl_path={work}:{VCL.parent}", "-s", "malloc,64m", "-T", "127.0.0.1:0",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_port(port, process, "varnishd")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


# --- PostgreSQL and Redis --------------------------------------------------------------


@contextmanager
def postgres_database(prefix):
    """A database of its own on the shared PostgreSQL server, dropped afterwards."""
    try:
        socket.create_connection((POSTGRES["host"], POSTGRES["port"]), timeout=2).close()
    except OSError:
        missing("PostgreSQL is not reachable at 127.0.0.1:5432")
    import psycopg

    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **POSTGRES) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **POSTGRES) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_url(database):
    """The shared Redis, in a database number of the test's own (the page cache's keys carry
    the content version, so entries from earlier runs are never read)."""
    try:
        socket.create_connection(REDIS, timeout=2).close()
    except OSError:
        missing("Redis is not reachable at 127.0.0.1:6379")
    return f"redis://{REDIS[0]}:{REDIS[1]}/{database}"
