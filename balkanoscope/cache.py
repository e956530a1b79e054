"""A Redis cache that treats an outage as an empty cache instead of an error page.

Django's RedisCache raises when Redis is stopped or unreachable, which would turn every page
into a 500 although the database could serve it. This backend answers "not cached" instead,
logs the outage once (and its end once), and stops trying Redis for a few seconds after a
failure so pages are not slowed down by a connection attempt per cache call.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from balkanoscope.logs import OutageReport

RETRY_AFTER_SECONDS = 5
REDIS_OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)

logger = logging.getLogger("balkanoscope.cache")


class _RedisHealth:
    """Per process and per Redis location: is it down, and when to try it again."""

    _by_location = {}
    _lock = threading.Lock()

    def __init__(self, location):
        self.report = OutageReport(logger, f"cache {location}")
        self.retry_at = 0.0

    @classmethod
    def of(cls, location):
        with cls._lock:
            if location not in cls._by_location:
                cls._by_location[location] = cls(location)
            return cls._by_location[location]

    def should_skip(self):
        return self.report.is_down and time.monotonic() < self.retry_at

    def failed(self, exception):
        self.retry_at = time.monotonic() + RETRY_AFTER_SECONDS
        self.report.failed(exception)

    def succeeded(self):
        self.report.recovered()


def _survives_outage(fallback):
    """Run the Redis call; during an outage return fallback(*args) as if the cache were empty."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self.health.should_skip():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except REDIS_OUTAGE_ERRORS as exception:
                self.health.failed(exception)
                return fallback(*args, **kwargs)
            self.health.succeeded()
            return result

        return wrapper

    return decorator


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found.")  # what incr() says for an absent key


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self.health = _RedisHealth.of(",".join(servers))

    @_survives_outage(lambda key, default=None: default)
    def get(self, key, default):
        return super().get(key, default)

    @_survives_outage(lambda *args, **kwargs: False)
    def add(self, key, value, timeout):
        return super().add(key, value, timeout)

    @_survives_outage(lambda *args, **kwargs: None)
    def set(self, key, value, timeout):
        return super().set(key, value, timeout)

    @_survives_outage(lambda *args, **kwargs: False)
    def touch(self, key, timeout):
        return super().touch(key, timeout)

    @_survives_outage(lambda *args, **kwargs: False)
    def delete(self, key):
        return super().delete(key)

    @_survives_outage(lambda *args, **kwargs: {})
    def get_many(self, keys):
        return super().get_many(keys)

    @_survives_outage(lambda *args, **kwargs: False)
    def has_key(self, key):
        return super().has_key(key)

    @_survives_outage(_missing_key)
    def incr(self, key, delta):
        return super().incr(key, delta)

    @_survives_outage(lambda *args, **kwargs: None)
    def set_many(self, data, timeout):
        return super().set_many(data, timeout)

    @_survives_outage(lambda *args, **kwargs: None)
    def delete_many(self, keys):
        return super().delete_many(keys)

    @_survives_outage(lambda *args, **kwargs: False)
    def clear(self):
        return super().clear()


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
