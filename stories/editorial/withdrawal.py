"""Withdrawing a story: the storyteller withdrew consent, so the site lets go of the story.

Its addresses answer 410 Gone; its files leave the media storage; its text, classification and
bylines are erased from the database, and so are its revisions and search document; it leaves
every list, feed, sitemap and cache. What stays: the story's id (for the short link's 410), a
digest of each address it had, the private withdrawal record and the consent record with its
history. withdrawal_checklist() lists what the site cannot remove by itself.
"""

import uuid
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Revision, Version

from balkanoscope.links import absolute_reverse, absolute_url
from stories import cache_purge
from stories.models import (
    ContentVersion,
    Story,
    StoryImage,
    StorySearchDocument,
    StoryWithdrawal,
    TaggedCountry,
    TaggedTheme,
    WithdrawnAddress,
    address_digest,
    consent_values,
    record_consent_changes,
    unique_slug,
)

# Everything a reader or an editor could learn the story from.
ERASED_FIELDS = {
    **dict.fromkeys(["title", "subtitle", "summary", "body", "storyteller_name", "location"], ""),
    **dict.fromkeys(["hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"], ""),
    **dict.fromkeys(["content_warning", "seo_title", "seo_description", "social_image_override"], ""),
    **dict.fromkeys(["hero_image_width", "hero_image_height", "social_image_width", "social_image_height"]),
    "hero_renditions": [],
    "is_featured": False,
    "reading_time": 1,
    "has_consent": False,
}


class AlreadyWithdrawn(Exception):
    pass


@dataclass(frozen=True)
class WithdrawnStory:
    """What an editor needs right after a withdrawal, to ask others to remove the story: its
    addresses, which the site no longer knows afterwards."""

    story_id: int
    urls: list
    media_url_prefix: str


def withdraw_story(story, *, reason, user=None):
    """Withdraw `story` and every translation of its story (see the module's docstring): the
    storyteller's consent covers the story in every language. Return a WithdrawnStory. Files
    leave the storage once the transaction commits."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A withdrawal needs a reason.")
    # Nothing done here may become a new revision: it would hold what is being erased.
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        story = Story.objects.select_for_update().get(pk=story.pk)
        if story.status == Story.Status.WITHDRAWN:
            raise AlreadyWithdrawn
        original_pk = story.translation_of_id or story.pk
        group = Story.objects.select_for_update().translation_groups([original_pk])
        # The original's folder holds the photos every translation shows.
        original = group.get(pk=original_pk)
        urls = []
        for member in group.exclude(status=Story.Status.WITHDRAWN).order_by("pk"):
            urls += withdraw_one(member, reason=reason, user=user)
        ContentVersion.bump()  # every cached page that showed it, on every instance
        cache_purge.stories_changed(group.values_list("pk", flat=True))  # and in proxies in front
    media_url_prefix = absolute_url(f"{settings.MEDIA_URL}{original.media_folder}/")
    return WithdrawnStory(story_id=story.pk, urls=urls, media_url_prefix=media_url_prefix)


def withdraw_one(story, *, reason, user):
    """Withdraw one story of a group; return the addresses it had (every script of a Serbian one)."""
    slugs = [story.slug, *story.old_slugs.values_list("slug", flat=True)]
    own = [absolute_url(story.path_in(language)) for language in story.own_languages()]
    urls = [*own, absolute_url(story.get_short_url())]
    urls += [absolute_reverse("stories:detail", kwargs={"slug": slug}) for slug in slugs[1:]]
    consent_before = consent_values(story)

    withdrawal = StoryWithdrawal.objects.create(story=story, withdrawn_by=user, reason=reason)
    WithdrawnAddress.objects.bulk_create(
        [WithdrawnAddress(withdrawal=withdrawal, slug_digest=address_digest(slug)) for slug in slugs],
        ignore_conflicts=True,  # an address another withdrawn story once had
    )
    story.old_slugs.all().delete()
    story.preview_links.revoke()
    story.delete_media_files()
    StoryImage.objects.filter(story=story).delete()
    for relation in (story.tags, story.countries, story.themes, story.contributors):
        relation.clear()
    # update(), not save(): save() would index, draw and version what is being erased.
    Story.objects.filter(pk=story.pk).update(
        **ERASED_FIELDS,
        slug=unique_slug(Story, f"withdrawn-{story.pk}", instance_pk=story.pk),
        status=Story.Status.WITHDRAWN,
        edit_token=uuid.uuid4(),
        updated_by=user,
        updated_at=timezone.now(),
    )
    story.refresh_from_db()
    record_consent_changes(story, consent_before, user)
    StorySearchDocument.objects.filter(story=story).delete()
    forget_history(story)
    return urls


def forget_history(story):
    """Delete the story's revisions (with its gallery and tags saved in them) and rename it in
    the admin's log, so no revision, recovery or log line holds its text or images."""
    story_versions = Version.objects.get_for_object(story)
    revision_ids = set(story_versions.values_list("revision_id", flat=True))
    followed = {
        ContentType.objects.get_for_model(model): field
        for model, field in (
            (StoryImage, "story_id"),
            (TaggedCountry, "content_object_id"),
            (TaggedTheme, "content_object_id"),
        )
    }
    for version in Version.objects.filter(revision_id__in=revision_ids, content_type__in=followed):
        if version.field_dict.get(followed[version.content_type]) == story.pk:
            version.delete()
    story_versions.delete()
    Revision.objects.filter(pk__in=revision_ids, version__isnull=True).delete()
    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Story), object_id=str(story.pk)).update(
        object_repr=str(story)
    )


def withdrawal_checklist(withdrawn):
    """(heading, [steps]) of what the editor must ask others to do: the site cannot reach them."""
    addresses = ", ".join(withdrawn.urls)
    return [
        (
            _("Social networks keep their own copy of a shared link's card"),
            [
                _("Facebook: open the Sharing Debugger, enter each address and choose “Scrape Again”."),
                _("LinkedIn: open the Post Inspector and inspect each address to refresh its preview."),
                _("X: cards refresh when a link is shared again; delete the site's own posts of the story."),
                _("Telegram: send each address to the @WebpageBot bot to refresh its preview."),
                _("WhatsApp and Viber keep previews inside chats: there is no tool; delete the site's own posts."),
                _(
                    "Reddit, Mastodon, Bluesky and others: delete the site's own posts, and ask moderators to "
                    "remove others' posts."
                ),
            ],
        ),
        (
            _("Search engines"),
            [
                _(
                    "Google: in Search Console, request removal of each address with the Removals tool (or, "
                    "for a site you do not own, the “Remove outdated content” tool)."
                ),
                _("Bing: use “Remove outdated content” in Bing Webmaster Tools for each address."),
                _("Web archives: ask the Internet Archive (Wayback Machine) to exclude the addresses."),
            ],
        ),
        (
            _("Others who had it"),
            [
                _("Partner sites that embedded or republished the story: ask them to take it down."),
                _("A CDN in front of the site: purge the addresses and %(prefix)s (the story's images).")
                % {"prefix": withdrawn.media_url_prefix},
                _("Backups made before today still hold the story: purge them as the README says."),
                _("Newsletters or feeds already sent cannot be recalled; ask partners who copied them."),
            ],
        ),
        (_("The story's former addresses"), [addresses]),
    ]
