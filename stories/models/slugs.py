"""Slugs no other row uses."""

from stories.text import slugify_transliterated


def unique_slug(model, value, *, instance_pk=None, max_length=200, fallback="story"):
    """A slug for `value` that no other row of `model` uses: "title", "title-2", "title-3"…"""
    base = slugify_transliterated(value, max_length=max_length - 6) or fallback
    others = model._default_manager.exclude(pk=instance_pk) if instance_pk else model._default_manager.all()
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
