"""The content state: what every cached page and cached value depends on.

- the content version (ContentVersion), bumped in the same transaction as every save or
  delete of anything a page shows, by the signal receivers below. Reading it is one
  primary-key query per request, so several gunicorn workers, each with its own
  local-memory cache, and several app instances sharing Redis all see a change on the
  very next request: no invalidation message has to reach every process;
- the next scheduled publish time (Story.objects.scheduled()), so a scheduled story appears
  on time: entries never outlive it, and once it passes every key changes;
- the release (templates and code), so a deployment never serves what the previous one
  computed from a shared cache.

The HTTP page cache (balkanoscope/page_cache.py) reads it through settings.PAGE_CACHE_CONTENT_STATE.
"""

import hashlib
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from balkanoscope.release import release_id
from stories import cache_purge
from stories.models import ContentVersion, Story
from stories.models.querysets import NOW

# With no scheduled story, entries still expire now and then so the cache never fills with dead versions.
MAX_ENTRY_SECONDS = 60 * 60


class ContentState:
    """What a cached page depends on, read once per request."""

    def __init__(self, version, next_publish_at):
        self.version = version
        self.next_publish_at = next_publish_at

    @property
    def token(self):
        epoch = int(self.next_publish_at.timestamp()) if self.next_publish_at else 0
        return f"{release_id()}:{self.version}:{epoch}"

    def seconds_to_live(self, limit=MAX_ENTRY_SECONDS):
        """How long something computed now stays true: never past the next scheduled publish."""
        if self.next_publish_at is None:
            return limit
        remaining = (self.next_publish_at - timezone.now()).total_seconds()
        return max(0, min(limit, int(remaining)))


def read_content_state():
    """The content version and the next scheduled publish time, in one query: a primary-key
    lookup and an index range probe, whatever the number of stories. Plain SQL (built once
    from Story.objects.scheduled()), since this runs on every request."""
    database = connections[DEFAULT_DB_ALIAS]
    sql, params = content_state_sql(database.vendor)
    now = database.ops.adapt_datetimefield_value(timezone.now())
    params = [now if param is NOW else param for param in params]
    if database.queries_logged:  # DEBUG, or a test counting queries: through Django's cursor, counted
        with database.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
    else:
        row = _fetch_one_directly(database, sql, params)
    if row is None:
        return ContentState(0, None)
    number, changed_at, upcoming = row
    convert = getattr(database.ops, "convert_datetimefield_value", None)  # SQLite: naive UTC or text
    if upcoming is not None and convert is not None:
        upcoming = convert(upcoming, None, database)
    # The change time makes the version unique across histories: a database restored from a
    # backup, or a fresh one, may count again through numbers a shared cache has seen.
    return ContentState(f"{number}.{changed_at}", upcoming)


def _fetch_one_directly(database, sql, params):
    """The row, read through the driver's own cursor: Django's wrappers cost more than the query
    (20-24 us against 8-9 us on SQLite), on every request a page-cache hit answers. Errors are
    Django's all the same (wrap_database_errors), so an outage still gets the branded 503."""
    database.close_if_health_check_failed()  # as Django's cursor() does first
    database.ensure_connection()
    with database.wrap_database_errors:
        cursor = database.connection.cursor()
        try:
            cursor.execute(_driver_sql(sql, database.vendor), params)
            return cursor.fetchone()
        finally:
            cursor.close()


@cache
def _driver_sql(sql, vendor):
    """`sql` as the driver takes it: SQLite's wants "?" where Django writes "%s", converted as
    Django's SQLite cursor does on every query (here once)."""
    if vendor != "sqlite":
        return sql
    from django.db.backends.sqlite3.base import FORMAT_QMARK_REGEX

    return FORMAT_QMARK_REGEX.sub("?", sql).replace("%%", "%")


@cache
def content_state_sql(vendor):
    database = connections[DEFAULT_DB_ALIAS]
    quote = database.ops.quote_name
    upcoming_sql, upcoming_params = Story.objects.next_publish_at_sql(database)
    sql = f"SELECT number, changed_at, ({upcoming_sql}) FROM {quote(ContentVersion._meta.db_table)} WHERE id = %s"
    return sql, [*upcoming_params, ContentVersion.SINGLETON_PK]


def content_state(request=None):
    """The content state, memoised on the request so every cache lookup of a page agrees."""
    state = getattr(request, "_content_state", None)
    if state is None:
        state = read_content_state()
        cache_purge.watch_next_publish(state.next_publish_at)
        if request is not None:
            request._content_state = state
    return state


def cached_value(request, name, compute, *, keep_if=None):
    """A value derived from the content (a count, a list), cached for the current content
    state: recomputed after any edit or when a scheduled story comes due. An unreachable
    cache is a miss (balkanoscope.cache.ResilientRedisCache), so this never fails for it.
    With `keep_if`, only a value it accepts is kept (a miss for an unknown slug is not)."""
    if not settings.DATA_CACHE:
        return compute()
    state = content_state(request)
    key = "content:value:" + hashlib.md5(f"{state.token}:{name}".encode(), usedforsecurity=False).hexdigest()
    found = django_cache.get(key)
    if found is not None:
        return found[0]
    value = compute()
    timeout = state.seconds_to_live()
    if timeout >= 1 and (keep_if is None or keep_if(value)):
        django_cache.set(key, (value,), timeout)
    return value


# --- Invalidation -----------------------------------------------------------------------


def content_changed(sender, **kwargs):
    """Signal receiver: anything saved or deleted in an app whose models pages show."""
    meta = sender._meta
    # Raw saves (loaddata, restoring a backup) count too: restored content must not be served
    # from pages cached before.
    if meta.app_label in settings.PAGE_CACHE_CONTENT_APPS and meta.model_name != "contentversion":
        ContentVersion.bump()


def m2m_content_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        content_changed(sender)


def connect_invalidation():
    """Bump the content version on every save, delete and m2m change of content models
    (stories, countries, themes, contributors, their through models, taggit tags, partners,
    pages). Bulk writes that skip signals call ContentVersion.bump() themselves."""
    post_save.connect(content_changed, dispatch_uid="content_state_post_save")
    post_delete.connect(content_changed, dispatch_uid="content_state_post_delete")
    m2m_changed.connect(m2m_content_changed, dispatch_uid="content_state_m2m_changed")
