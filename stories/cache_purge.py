"""Purging caching proxies and CDNs: every change bans exactly the pages that show it.

Pages name what they show in cache tags (balkanoscope/cache_tags.py). The receivers below turn
each save, delete and relation change of content into tags, collect them for the transaction,
and once it commits send one ``BAN`` with a ``Surrogate-Key`` header to each proxy in
CACHE_PURGE_URLS (deploy/varnish/default.vcl), then call CACHE_PURGE_HOOK (a CDN's API). The
edit is saved whatever happens: a proxy that does not answer is tried three times, then logged.

The receivers listen to every model, as the content state's do (stories/content_state.py), so
partners' partner and page edits reach the proxies without stories importing partners.
"""

import http.client
import logging
import threading
import time
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone
from django.utils.module_loading import import_string

from balkanoscope.cache_tags import ANY_LIST, EVERY_RESPONSE, TAGS_HEADER
from stories.models import Contributor, Country, Story, StoryImage, StorySlug, TaggedCountry, TaggedTheme, Theme

logger = logging.getLogger(__name__)

EVERY_STORY_PAGE = "stories"
ATTEMPTS = 3
RETRY_PAUSE_SECONDS = 0.2
# Models in content apps whose rows no cached page shows (previews are never cached).
NOT_SHOWN = {
    "contentversion",
    "previewlink",
    "consentrecordchange",
    "storyhandover",
    "storysearchdocument",
    "sqlitefulltextentry",
    "storywithdrawal",
    "withdrawnaddress",
    "dailystoryviews",
    "dailyreferrerviews",
}
TAG_RELATIONS = {TaggedCountry, TaggedTheme}


def story_tag(pk):
    return f"story-{pk}"


# --- Sending ---------------------------------------------------------------------------


def is_purging():
    return bool(settings.CACHE_PURGE_URLS or settings.CACHE_PURGE_HOOK)


def purge(*tags):
    """Ban pages tagged with any of `tags` once the current transaction commits (at once
    outside one). Tags of one transaction are sent together: the first callback to run sends
    them all. Tags of a transaction that rolled back go out with the next commit's: a needless
    ban costs a page render, a lost one a stale page."""
    if not is_purging():
        return
    connection = connections[DEFAULT_DB_ALIAS]
    if getattr(connection, "pending_cache_purge", None) is None:
        connection.pending_cache_purge = set()
    connection.pending_cache_purge.update(tags)
    transaction.on_commit(send_pending)


def send_pending():
    connection = connections[DEFAULT_DB_ALIAS]
    tags, connection.pending_cache_purge = getattr(connection, "pending_cache_purge", None), None
    if tags:
        send_purge(tags)


def send_purge(tags):
    """BAN `tags` on every proxy, then call the CDN hook; failures are logged, never raised."""
    header = " ".join(sorted(tags))
    for url in settings.CACHE_PURGE_URLS:
        ban(url, header)
    if settings.CACHE_PURGE_HOOK:
        try:
            purge_hook()(sorted(tags))
        except Exception:
            logger.exception("CDN purge hook failed", extra={"tags": header})


@cache
def purge_hook():
    return import_string(settings.CACHE_PURGE_HOOK)


def ban(url, header):
    parts = urlsplit(url)
    for attempt in range(1, ATTEMPTS + 1):
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = connection_class(parts.netloc, timeout=settings.CACHE_PURGE_TIMEOUT)
        try:
            connection.request("BAN", parts.path or "/", headers={TAGS_HEADER: header})
            status = connection.getresponse().status
            if status == 200:
                return True
            problem = f"status {status}"
        except OSError as error:
            problem = str(error) or type(error).__name__
        finally:
            connection.close()
        if attempt < ATTEMPTS:
            time.sleep(RETRY_PAUSE_SECONDS * attempt)
    # The edit is saved; the proxy keeps the old pages until their Cache-Control runs out.
    logger.error("Cache purge failed", extra={"proxy": parts.netloc, "tags": header, "problem": problem})
    return False


# --- What a change changes -------------------------------------------------------------


def tags_for(instance, *, publication_changed=False):
    """The tags of the pages that show `instance`."""
    model = type(instance)
    if model is Story:
        tags = {story_tag(instance.pk), ANY_LIST}
        if instance.translation_of_id:
            tags.add(story_tag(instance.translation_of_id))  # its original lists its languages
        if publication_changed:
            tags.add(EVERY_STORY_PAGE)  # the sidebars of other stories (related, previous, next)
        return tags
    if model in (StoryImage, StorySlug):
        return {story_tag(instance.story_id)}
    if model in TAG_RELATIONS:
        return {story_tag(instance.content_object_id), ANY_LIST}
    if model._meta.label_lower == "taggit.taggeditem":
        return {story_tag(instance.object_id), ANY_LIST}
    if model is Country:
        return {f"country-{instance.pk}", ANY_LIST}
    if model is Theme:
        return {f"theme-{instance.pk}", ANY_LIST}
    if model is Contributor:
        return {f"contributor-{instance.pk}", ANY_LIST}
    return {EVERY_RESPONSE}  # partners, pages, keywords, anything new: every page


def is_shown(model):
    meta = model._meta
    return meta.app_label in settings.PAGE_CACHE_CONTENT_APPS and meta.model_name not in NOT_SHOWN


def remember_publication(sender, instance, raw=False, **kwargs):
    """pre_save receiver: whether this save publishes, unpublishes or reschedules the story."""
    if not is_purging():
        return
    before = Story.objects.filter(pk=instance.pk).values("status", "published_at").first() if instance.pk else None
    # To the second: the form sends no microseconds.
    instance._publication_changed = before is None or (before["status"], seconds(before["published_at"])) != (
        instance.status,
        seconds(instance.published_at),
    )


def seconds(moment):
    return moment.replace(microsecond=0) if moment else None


def content_saved(sender, instance, created=False, raw=False, **kwargs):
    if created and sender._meta.label_lower == "taggit.tag":
        return  # a new keyword shows nowhere until a story has it (its tagged item purges)
    if is_shown(sender):
        purge(*tags_for(instance, publication_changed=getattr(instance, "_publication_changed", True)))


def content_deleted(sender, instance, **kwargs):
    if is_shown(sender):
        purge(*tags_for(instance, publication_changed=True))


def relation_changed(sender, instance, action, model=None, pk_set=None, **kwargs):
    if not (action.startswith("post_") and is_shown(sender)):
        return
    if isinstance(instance, Story):
        purge(story_tag(instance.pk), ANY_LIST)
    elif model is Story:  # from the other side (a contributor's stories): those added or removed
        purge(*(story_tag(pk) for pk in pk_set or ()), ANY_LIST)
    else:
        purge(*tags_for(instance))


def stories_changed(story_pks):
    """For writes that send no signal (a withdrawal's update()): those stories, every list and
    every story page's sidebar."""
    purge(*(story_tag(pk) for pk in story_pks), ANY_LIST, EVERY_STORY_PAGE)


# --- Scheduled stories coming due -------------------------------------------------------

# What this process last saw as the next scheduled publish time. Only a trigger: every process
# watches on its own, and the shared cache lets one of them send the purge.
next_publish_seen = {"at": None}


def watch_next_publish(next_publish_at):
    """Called with each request's content state: once the time a process saw coming passes
    (the content state then names a later one), the story published then appears on lists
    and story pages, so those are purged, by the first request after the time, no cron job."""
    previous, next_publish_seen["at"] = next_publish_seen["at"], next_publish_at
    if not is_purging() or previous is None or previous == next_publish_at or previous > timezone.now():
        return
    if django_cache.add(f"cache-purge:due:{previous.timestamp()}", True, 60 * 60):
        # Beside the reader's request, which need not wait for the proxies: the pages' own
        # s-maxage already ended at the publish time.
        threading.Thread(target=send_purge, args=({ANY_LIST, EVERY_STORY_PAGE},), daemon=True).start()


def connect_purging():
    pre_save.connect(remember_publication, sender=Story, dispatch_uid="cache_purge_publication")
    post_save.connect(content_saved, dispatch_uid="cache_purge_post_save")
    post_delete.connect(content_deleted, dispatch_uid="cache_purge_post_delete")
    m2m_changed.connect(relation_changed, dispatch_uid="cache_purge_m2m_changed")
