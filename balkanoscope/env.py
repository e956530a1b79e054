"""Read settings from the environment, failing loudly with the variable's name."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


class SettingError(ImproperlyConfigured):
    """A setting in the environment is missing or malformed."""

    def __init__(self, name, problem):
        self.name = name
        super().__init__(f"{name}: {problem}")


def text(name, default=None, *, required=False, because="is required when DJANGO_DEBUG is off"):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        if required:
            raise SettingError(name, f"{because.rstrip('.')}; set it in the environment.")
        return default
    return value.strip()


def boolean(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE_VALUES:
        return True
    if lowered in FALSE_VALUES:
        return False
    raise SettingError(name, f"expected true or false (1/0, yes/no, on/off), got {value!r}.")


def integer(name, default, *, minimum=None):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingError(name, f"expected a whole number, got {value!r}.") from None
    if minimum is not None and number < minimum:
        raise SettingError(name, f"must be at least {minimum}, got {number}.")
    return number


def choice(name, default, choices):
    value = text(name, default).lower()
    if value not in choices:
        raise SettingError(name, f"expected one of {', '.join(choices)}, got {value!r}.")
    return value


def comma_list(name, default=(), *, required=False):
    value = text(name, required=required)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def absolute_url(name, default):
    """An http(s) base URL such as https://balkanoscope.eu, without a trailing slash."""
    value = text(name, default)
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        raise SettingError(name, f"expected an absolute http(s) URL such as https://example.org, got {value!r}.")
    return value.rstrip("/")


def optional_url(name):
    """An http(s) base URL, or None when unset."""
    return absolute_url(name, None) if text(name) else None


def url_path(name, default):
    """A URL path prefix such as 'admin/': no scheme, no leading slash, one trailing slash."""
    value = text(name, default).strip("/")
    if not value or "//" in value or any(c in value for c in "?#: "):
        raise SettingError(name, f"expected a path such as 'admin/', got {value!r}.")
    return value + "/"


def secret_key(name):
    value = text(name, required=True)
    if len(value) < 50 or len(set(value)) < 5 or value.startswith("dev-only"):
        raise SettingError(
            name,
            "must be a long random value (50+ characters); generate one with "
            "python -c 'import secrets; print(secrets.token_urlsafe(64))'.",
        )
    return value


def database(name, default):
    import dj_database_url

    value = text(name, default)
    try:
        config = dj_database_url.parse(value, conn_max_age=600, conn_health_checks=True)
    except (ValueError, KeyError) as exc:
        raise SettingError(
            name, f"not a database URL we understand ({exc}); e.g. postgres://user@host:5432/name."
        ) from None
    if not config.get("ENGINE") or not config.get("NAME"):
        raise SettingError(name, f"not a database URL we understand: {value!r}.")
    return config


def cache(name, value, *, key_prefix):
    """A Django CACHES entry from redis://, rediss://, locmem:// or dummy://."""
    parts = urlsplit(value)
    if parts.scheme in {"redis", "rediss", "unix"}:
        return {
            "BACKEND": "balkanoscope.cache.ResilientRedisCache",
            "LOCATION": value,
            "KEY_PREFIX": key_prefix,
            "TIMEOUT": 300,
            # A slow or absent Redis must never hang a page: fail fast and render from the database.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    if parts.scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": parts.netloc or "balkanoscope",
            "KEY_PREFIX": key_prefix,
            # Room for ~650 pages (three encodings each); each worker holds its own copy.
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    if parts.scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise SettingError(name, f"expected redis://host:port/db, locmem:// or dummy://, got {value!r}.")
