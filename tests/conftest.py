import pytest

pytest_plugins = ["tests.browser"]


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
