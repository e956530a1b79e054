"""Counting story views without tracking anyone.

A view is a GET of a published story's page answered 200, from a browser that does not say
it is a bot, a preview or a prefetch. It adds one to a counter in the shared cache, keyed by
the day and the story's address, and one to the counter of the referring site's domain if
the link came from another site. Nothing else about the request is kept: no IP address, no
user agent, no cookie (none is read or set), no full referring URL, no time of day.

Counting costs a cache increment (two for a view from another site) and no database query.
Now and then the counters are written to the database in one batch (flush()): after the
response of a request that finds a minute has passed since the last batch, when an editor
opens the readership page, and with `manage.py flush_readership`.

Each counter is also given a numbered slot on its first count of the day, so a flush can
find every counter without listing the cache's keys (backends cannot do that cheaply).
"""

import logging
import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from stories.models import DailyReferrerViews, DailyStoryViews, Story

logger = logging.getLogger(__name__)

PREFIX = "readership:v1"
COUNTER_SECONDS = 60 * 60 * 24 * 3  # a counter outlives its day by two: time enough to be flushed
FLUSH_EVERY_SECONDS = 60
CHECK_FLUSH_EVERY_VIEWS = 10
FLUSH_LOCK_SECONDS = 60
STORY, REFERRER = "story", "referrer"

# Crawlers, link-preview fetchers, monitors and scripts name themselves in their user agent.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|scrap|fetch|preview|facebookexternalhit|embedly|whatsapp|"
    r"skypeuripreview|headless|lighthouse|pingdom|uptime|monitor|python|curl|wget|httpclient|go-http|java/|"
    r"okhttp|axios|node-fetch|feed|rss",
    re.IGNORECASE,
)
DOMAIN = re.compile(r"^[a-z0-9.-]{1,100}$")


def is_bot(user_agent):
    """True for a request that is not a person reading: no user agent, or one that names a bot."""
    return not user_agent or bool(BOT_USER_AGENT.search(user_agent))


def referrer_domain(referrer):
    """The domain of a link on another site that led here ("" for none, or our own site)."""
    try:
        host = (urlsplit(referrer or "").hostname or "").lower()
    except ValueError:
        return ""
    host = host.removeprefix("www.")
    own = (urlsplit(settings.SITE_URL).hostname or "").lower().removeprefix("www.")
    if not host or host == own or not DOMAIN.match(host):
        return ""
    return host


def _counter_key(kind, day, name):
    return f"{PREFIX}:{kind}:{day:%Y%m%d}:{name}"


def _slots_key(kind, day):
    return f"{PREFIX}:slots:{kind}:{day:%Y%m%d}"


def _slot_key(kind, day, number):
    return f"{PREFIX}:slot:{kind}:{day:%Y%m%d}:{number}"


def _add_one(kind, day, name):
    """Add one to a counter; returns its new value."""
    key = _counter_key(kind, day, name)
    try:
        return cache.incr(key)
    except ValueError:  # the first count of the day for this name
        pass
    if not cache.add(key, 1, COUNTER_SECONDS):
        return cache.incr(key)  # another request made it meanwhile
    # Give the new counter a slot, so flush() finds it.
    cache.add(_slots_key(kind, day), 0, COUNTER_SECONDS)
    number = cache.incr(_slots_key(kind, day))
    cache.set(_slot_key(kind, day, number), name, COUNTER_SECONDS)
    return 1


def count_view(slug, *, user_agent="", referrer=""):
    """Count one view of the story at `slug` (its address: the flush finds the story).
    Returns whether a batch may be due: on a story's first view of the day and every tenth,
    so the once-a-minute check costs a cache operation on one view in ten, not on each."""
    if is_bot(user_agent):
        return False
    day = timezone.localdate()
    views = _add_one(STORY, day, slug)
    domain = referrer_domain(referrer)
    if domain:
        _add_one(REFERRER, day, domain)
    return views % CHECK_FLUSH_EVERY_VIEWS == 1


def is_flush_due():
    """True once a minute (per cache): the caller then flushes after its response."""
    return cache.add(f"{PREFIX}:flushed-recently", 1, FLUSH_EVERY_SECONDS)


def _take(kind, day):
    """{name: count} of a day's counters, each taken out of the cache (decremented by what was
    read, so views counted meanwhile stay for the next flush)."""
    slots = cache.get(_slots_key(kind, day)) or 0
    names = cache.get_many([_slot_key(kind, day, number) for number in range(1, slots + 1)]).values()
    counts = cache.get_many([_counter_key(kind, day, name) for name in names])
    taken = {}
    for name in names:
        count = counts.get(_counter_key(kind, day, name)) or 0
        if count > 0:
            cache.decr(_counter_key(kind, day, name), count)
            taken[name] = count
    return taken


def _give_back(kind, day, taken):
    for name, count in taken.items():
        try:
            cache.incr(_counter_key(kind, day, name), count)
        except ValueError:
            cache.add(_counter_key(kind, day, name), count, COUNTER_SECONDS)


def _add_counts(model, key_field, day, counts):
    """Add `counts` ({key: views}) to the day's rows of `model`, in a few queries. Plain
    updates and bulk inserts send no signals, so counting never outdates cached pages."""
    if not counts:
        return
    existing = set(
        model.objects.filter(viewed_on=day, **{f"{key_field}__in": counts}).values_list(key_field, flat=True)
    )
    for key in existing:
        model.objects.filter(viewed_on=day, **{key_field: key}).update(views=F("views") + counts[key])
    model.objects.bulk_create(
        [model(viewed_on=day, views=views, **{key_field: key}) for key, views in counts.items() if key not in existing]
    )


def _story_ids(slugs):
    """{slug: story id} of published stories; old addresses redirect, so they are never counted."""
    return dict(Story.objects.published().filter(slug__in=slugs).values_list("slug", "pk"))


def flush():
    """Write the cached counts of the last days to the database, in one transaction per kind.
    Returns the number of views written. One flush at a time: a second one finds the lock."""
    lock = f"{PREFIX}:flush-lock"
    if not cache.add(lock, 1, FLUSH_LOCK_SECONDS):
        return 0
    written = 0
    try:
        today = timezone.localdate()
        for day in (today - timedelta(days=2), today - timedelta(days=1), today):
            stories = _take(STORY, day)
            referrers = _take(REFERRER, day)
            try:
                with transaction.atomic():
                    ids = _story_ids(stories)
                    _add_counts(
                        DailyStoryViews, "story_id", day, {ids[slug]: n for slug, n in stories.items() if slug in ids}
                    )
                    _add_counts(DailyReferrerViews, "domain", day, referrers)
            except Exception:
                _give_back(STORY, day, stories)
                _give_back(REFERRER, day, referrers)
                raise
            written += sum(stories.values())
    finally:
        cache.delete(lock)
    return written
