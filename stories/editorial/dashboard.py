"""The newsroom's home in the admin: what waits for whom.

Editors: stories in review (the longest waiting first, with who sent them and when),
scheduled stories, drafts changed lately, published stories missing something, and the
latest changes by other people. Contributors: their own drafts, with any note an editor
sent back, and what happened to the stories they sent. Each list is one query.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.admin.models import LogEntry
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from stories.editorial.roles import can_publish
from stories.models import Story, StoryHandover, StoryImage

RECENT_DRAFT_DAYS = 14
LIST_LENGTH = 10
# Set by the consent engineer's review date, where the model has one.
CONSENT_REVIEW_FIELD = "consent_review_on"


def latest_handover(value, kind=None):
    """A subquery: `value` of the story's latest hand-over (of one kind, if given)."""
    handovers = StoryHandover.objects.filter(story=OuterRef("pk"))
    if kind:
        handovers = handovers.filter(kind=kind)
    return Subquery(handovers.order_by("-made_at", "-id").values(value)[:1])


def stories_in_review():
    """Oldest first by when they were sent; a story put in review without a hand-over (an
    import) counts from its last change."""
    sent = StoryHandover.Kind.SUBMITTED
    return (
        Story.objects.filter(status=Story.Status.REVIEW)
        .annotate(
            sent_at=Coalesce(latest_handover("made_at", sent), "updated_at"),
            sent_by_name=latest_handover("made_by__username", sent),
        )
        .select_related("created_by")
        .order_by("sent_at", "pk")
    )


def scheduled_stories():
    return Story.objects.scheduled().order_by("published_at", "pk")[:LIST_LENGTH]


def recent_drafts(user=None):
    """Drafts changed lately (everyone's), or all of one user's drafts; each with its latest
    hand-over, so a draft sent back shows the editor's note."""
    drafts = Story.objects.filter(status=Story.Status.DRAFT)
    if user is not None:
        drafts = drafts.filter(created_by=user)
    else:
        drafts = drafts.filter(updated_at__gte=timezone.now() - timedelta(days=RECENT_DRAFT_DAYS))
    return (
        drafts.annotate(
            last_handover_kind=latest_handover("kind"),
            last_handover_note=latest_handover("note"),
            last_handover_by=latest_handover("made_by__username"),
        )
        .select_related("updated_by")
        .order_by("-updated_at", "-pk")[:LIST_LENGTH]
    )


@dataclass
class Shortcoming:
    story: Story
    missing: list[str] = field(default_factory=list)


def has_consent_review_date():
    return any(model_field.name == CONSENT_REVIEW_FIELD for model_field in Story._meta.get_fields())


def published_with_shortcomings():
    """Published stories a reader sees with something missing: alt text, a share image, or a
    consent review that is due."""
    gallery_without_alt = StoryImage.objects.filter(story=OuterRef("pk"), alt="")
    missing = {
        "hero_alt": Q(hero_image__gt="", hero_image_alt=""),
        "gallery_alt": Q(gallery_without_alt=True),
        "share_image": Q(hero_image="", social_image_override=""),
    }
    if has_consent_review_date():
        missing["consent_review"] = Q(**{f"{CONSENT_REVIEW_FIELD}__lt": timezone.localdate()})
    stories = Story.objects.published().annotate(gallery_without_alt=Exists(gallery_without_alt))
    any_missing = Q()
    for condition in missing.values():
        any_missing |= condition
    stories = stories.filter(any_missing).annotate(
        **{f"is_missing_{name}": _case(condition) for name, condition in missing.items()}
    )
    labels = {
        "hero_alt": gettext("alt text of the hero image"),
        "gallery_alt": gettext("alt text in the gallery"),
        "share_image": gettext("a picture for shares (no hero image, no share image)"),
        "consent_review": gettext("consent review date passed"),
    }
    return [
        Shortcoming(story, [labels[name] for name in missing if getattr(story, f"is_missing_{name}")])
        for story in stories.order_by("-published_at")[:LIST_LENGTH]
    ]


def _case(condition):
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


def changes_by_others(user):
    return LogEntry.objects.exclude(user=user).select_related("user", "content_type")[:LIST_LENGTH]


def handovers_to(user):
    """What other people did with the stories this user started, newest first."""
    return (
        StoryHandover.objects.filter(story__created_by=user)
        .exclude(made_by=user)
        .select_related("story", "made_by")[:LIST_LENGTH]
    )


def newsroom_home(user):
    """The dashboard's context; nothing for people who may not see stories."""
    if not user.has_perm("stories.view_story"):
        return {}
    if can_publish(user):
        return {
            "newsroom_role": "editor",
            "in_review": list(stories_in_review()),
            "scheduled": list(scheduled_stories()),
            "recent_drafts": list(recent_drafts()),
            "shortcomings": published_with_shortcomings(),
            "changes_by_others": list(changes_by_others(user)),
        }
    return {
        "newsroom_role": "contributor",
        "own_drafts": list(recent_drafts(user)),
        "own_in_review": list(stories_in_review().filter(created_by=user)),
        "handovers_to_me": list(handovers_to(user)),
    }
