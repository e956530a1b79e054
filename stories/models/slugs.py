"""Slugs no other row uses, and story addresses that stay reserved for good."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from stories.text import slugify_transliterated


def unique_slug(model, value, *, instance_pk=None, max_length=200, fallback="story", reserved=None):
    """A slug for `value` that no other row of `model` uses, nor any row of `reserved` (a
    queryset with a slug field): "title", "title-2", "title-3"…"""
    base = slugify_transliterated(value, max_length=max_length - 6) or fallback
    others = model._default_manager.exclude(pk=instance_pk) if instance_pk else model._default_manager.all()
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    if reserved is not None:
        taken |= set(reserved.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def others_old_slugs(story_pk):
    """The old addresses of every other story: a shared link to one must keep opening the
    story it was shared for (a 301 to its current address), so no story may take it."""
    old_slugs = apps.get_model("stories", "StorySlug").objects.all()
    return old_slugs.exclude(story_id=story_pk) if story_pk else old_slugs


def free_story_slug(value, *, story_pk=None):
    """A slug for a story from `value` (its title): free among current and old addresses."""
    return unique_slug(
        apps.get_model("stories", "Story"), value, instance_pk=story_pk, reserved=others_old_slugs(story_pk)
    )


def refuse_retired_slug(story):
    """Story validation: its slug may not be another story's old address (its own it may go back to)."""
    old = others_old_slugs(story.pk).filter(slug=story.slug).select_related("story").first()
    if old is not None:
        raise ValidationError(
            {
                "slug": _(
                    "“%(title)s” had this address before, and links to it still lead there "
                    "(to %(path)s). Old addresses stay reserved for good: choose another slug."
                )
                % {"title": old.story.title, "path": old.story.get_absolute_url()}
            }
        )
