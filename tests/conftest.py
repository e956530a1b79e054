import importlib
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.test import override_settings
from django.test.client import ClientHandler

from stories.editorial.roles import CONTRIBUTOR, EDITOR
from tests import hypothesis_profiles
from tests.factories import make_user

pytest_plugins = ["tests.browser", "tests.catalogues", "tests.newsroom_browser"]

hypothesis_profiles.load()


@pytest.fixture(scope="session")
def media_root(tmp_path_factory):
    """One media folder for the run: file names are unique, and module-wide data can share it."""
    return tmp_path_factory.mktemp("media")


def isolated_settings(media_root, folder):
    """Fast, isolated settings for a test: plain static storage, media in the run's folder and
    private files in `folder`, a quick password hasher, a fresh local-memory cache (named
    after `folder`) with the page cache on."""
    return {
        "STORAGES": {
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "MEDIA_ROOT": media_root,
        "PRIVATE_MEDIA_ROOT": folder / "private",
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "SITE_URL": "https://balkanoscope.example",
        "PAGE_CACHE": True,  # every test of a page also proves the cache serves it correctly
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": str(folder)}},
    }


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path, media_root):
    for name, value in isolated_settings(media_root, tmp_path).items():
        setattr(settings, name, value)
    return settings


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    uses = set(getattr(item, "fixturenames", ()))
    return bool(marker and marker.kwargs.get("transaction")) or bool(uses & {"transactional_db", "live_server"})


class ModuleData:
    """Writes data that a module's tests share: see module_data."""

    def __init__(self, django_db_blocker, media_root, folder):
        self._blocker, self._settings = django_db_blocker, isolated_settings(media_root, folder)

    @contextmanager
    def writing(self):
        """Database access, with the settings a test has."""
        with self._blocker.unblock(), override_settings(**self._settings):
            yield


@pytest.fixture(scope="module")
def module_data(request, django_db_setup, django_db_blocker, media_root, tmp_path_factory):
    """For data a module's tests only read, made once rather than for every test: a module
    fixture writes it in `with module_data.writing():`, inside a transaction that stays open
    around the module's tests and is rolled back after the last one. Each test runs in a
    savepoint within it, so what a test changes is undone as usual. Return nothing, ids or
    text from such a fixture, not model instances: a test would change the one object all
    share. Not for modules with transactional tests, which empty the tables."""
    transactional = [
        item.name
        for item in request.session.items
        if getattr(item, "module", None) is request.module and is_transactional(item)
    ]
    if transactional:
        pytest.fail(f"module_data cannot hold {request.module.__name__}'s data: {transactional} empty the tables")
    with django_db_blocker.unblock():
        around_the_module = transaction.atomic()
        around_the_module.__enter__()
    try:
        yield ModuleData(django_db_blocker, media_root, tmp_path_factory.mktemp("module"))
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            around_the_module.__exit__(None, None, None)


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
