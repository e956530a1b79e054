"""Settings come from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each test starts manage.py in a new process: a subprocess round trip (left out by `make test-fast`).
pytestmark = pytest.mark.operational

GOOD_KEY = "k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789"


def run_manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "REDIS_URL", "SITE_URL", "ADMIN_URL"))
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode == 2
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_a_short_or_development_secret_key():
    result = run_manage(
        "check", DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="example.org", DJANGO_SECRET_KEY="dev-only-not-secret"
    )
    assert result.returncode == 2
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", DJANGO_DEBUG="false", DJANGO_SECRET_KEY=GOOD_KEY)
    assert result.returncode == 2
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DJANGO_DEBUG", "maybe"),
        ("DATABASE_URL", "nonsense://what"),
        ("SITE_URL", "balkanoscope.example"),
        ("CACHE_URL", "memcached://x"),
        ("ADMIN_URL", "http://x/"),
        ("DJANGO_HTTPS", "sure"),
    ],
)
def test_invalid_environment_values_stop_start_up_naming_the_variable(variable, value):
    result = run_manage("check", **{variable: value})
    assert result.returncode == 2, result.stderr
    assert variable in result.stderr
    assert "Traceback" not in result.stderr


def test_deployment_checklist_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="balkanoscope.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_environment_configures_database_cache_and_urls():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.SITE_URL, s.ADMIN_URL, s.SECURE_SSL_REDIRECT)",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/x",
        REDIS_URL="redis://127.0.0.1:6379/1",
        SITE_URL="https://stories.example/",
        ADMIN_URL="/editorial",
        DJANGO_HTTPS="true",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "balkanoscope.cache.ResilientRedisCache",
        "https://stories.example",
        "editorial/",
        "True",
    ]


def test_sqlite_is_the_default_database_under_var():
    result = run_manage(
        "shell", "--no-imports", "-c", "from django.conf import settings as s; print(s.DATABASES['default']['NAME'])"
    )
    assert result.stdout.strip() == str(ROOT / "var" / "db.sqlite3")


S3_ENVIRONMENT = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "media",
    "PRIVATE_MEDIA_BUCKET": "private",
    "AWS_S3_ENDPOINT_URL": "http://minio:9000",
    "AWS_S3_PUBLIC_ENDPOINT_URL": "https://files.stories.example",
    "AWS_S3_CUSTOM_DOMAIN": "media.stories.example",
}


def test_object_storage_is_chosen_by_the_environment_and_its_origins_may_show_images():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.STORAGES['default']['BACKEND'], s.STORAGES['private']['BACKEND'], "
        "*s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][2:])",
        **S3_ENVIRONMENT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "balkanoscope.object_storage.PublicMediaStorage",
        "balkanoscope.object_storage.PrivateMediaStorage",
        "https://media.stories.example",
        "https://files.stories.example",
    ]


@pytest.mark.parametrize("missing", ["AWS_STORAGE_BUCKET_NAME", "PRIVATE_MEDIA_BUCKET"])
def test_object_storage_refuses_to_start_without_its_buckets(missing):
    result = run_manage("check", **{**S3_ENVIRONMENT, missing: ""})
    assert result.returncode == 2
    assert f"{missing}: is required when MEDIA_STORAGE=s3" in result.stderr


def test_object_storage_refuses_one_bucket_for_public_and_private_files():
    result = run_manage("check", **{**S3_ENVIRONMENT, "PRIVATE_MEDIA_BUCKET": "media"})
    assert result.returncode == 2
    assert "PRIVATE_MEDIA_BUCKET" in result.stderr


def test_production_checklist_is_clean_with_object_storage_and_purging():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="balkanoscope.example",
        CACHE_PURGE_URLS="http://varnish:80",
        **S3_ENVIRONMENT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
