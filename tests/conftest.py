import importlib
import os

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test.client import ClientHandler
from hypothesis import settings as hypothesis_settings

from stories.editorial.roles import CONTRIBUTOR, EDITOR
from tests.factories import make_user

pytest_plugins = ["tests.browser", "tests.catalogues", "tests.newsroom_browser"]

# No deadline anywhere: on a shared 2-core machine a slow example is the neighbours, not a bug.
# Under CI every run tries the same examples (derandomize) and a failure prints its blob, which
# replays it anywhere with @reproduce_failure; locally examples vary and failures are remembered
# in .hypothesis/. HYPOTHESIS_PROFILE=ci runs CI's examples on a laptop.
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def media_root(tmp_path_factory):
    """One media folder for the run: file names are unique, and module-wide data can share it."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path, media_root):
    """Fast, isolated settings for every test: plain static storage, media and private files in
    temp folders, a quick password hasher, a fresh local-memory cache with the page cache on."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = media_root
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = "https://balkanoscope.example"
    settings.PAGE_CACHE = True  # every test of a page also proves the cache serves it correctly
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": str(tmp_path)}
    }
    return settings


@pytest.fixture(autouse=True)
def close_streamed_responses(monkeypatch):
    """Close every streamed response (media files, CSV downloads) at the end of the test, as a
    WSGI server does after sending it: Django's test client closes one only once it is read, and
    a test that checks just the status would leave its file open. Tests never close one
    themselves."""
    streamed = []
    handle = ClientHandler.__call__

    def handle_and_remember(self, environ):
        response = handle(self, environ)
        if response.streaming:
            streamed.append(response)
        return response

    monkeypatch.setattr(ClientHandler, "__call__", handle_and_remember)
    yield
    # Closing fires request_finished; its close_old_connections would close the test's database
    # connection mid-transaction on PostgreSQL (the test client unhooks it the same way).
    request_finished.disconnect(close_old_connections)
    try:
        for response in streamed:
            response.close()
    finally:
        request_finished.connect(close_old_connections)


# The two roles of the admin, logged in; test modules that need other users define their own.
PASSWORD = "a-long-test-password"


@pytest.fixture
def roles():
    # Transactional (live-server) tests leave empty tables behind: make the roles as the migration
    # does. Otherwise they are there, and looking costs one query rather than the migration's many.
    if Group.objects.filter(name__in=[EDITOR, CONTRIBUTOR]).count() < 2:
        importlib.import_module("stories.migrations.0003_create_editor_and_contributor_roles").create_roles(apps, None)


@pytest.fixture
def editor(roles):
    return make_user("editor", groups=[Group.objects.get(name=EDITOR)], password=PASSWORD)


@pytest.fixture
def contributor(roles):
    return make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)], password=PASSWORD)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client
