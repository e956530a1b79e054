import hashlib
import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItem, TaggedItemBase

from balkanoscope.page_cache import bump_content_version
from stories.image_fields import SafeImageField
from stories.images import delete_renditions, make_renditions
from stories.sanitize import clean_html
from stories.text import reading_time_minutes, slugify_transliterated


def unique_slug(model, value, *, instance_pk=None, max_length=200, fallback="story"):
    """A slug for `value` that no other row of `model` uses: "title", "title-2", "title-3"…"""
    base = slugify_transliterated(value, max_length=max_length - 6) or fallback
    others = model._default_manager.exclude(pk=instance_pk) if instance_pk else model._default_manager.all()
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class Vocabulary(TagBase):
    """A controlled list of tags (countries, themes) with a landing page each."""

    description = models.TextField(_("description"), blank=True, help_text=_("Shown on the landing page."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def get_list_url(self):
        """The story list filtered by this country or theme."""
        return reverse("stories:list", query={self.filter_parameter: self.slug})

    def slugify(self, tag, i=None):
        # taggit calls this on first save; transliterate instead of dropping Đ, Ç, Ж…
        slug = slugify_transliterated(tag, max_length=95) or "tag"
        return f"{slug}-{i}" if i is not None else slug


class Country(Vocabulary):
    filter_parameter = "country"
    footnote = models.CharField(
        _("footnote"),
        max_length=300,
        blank=True,
        help_text=_("Shown wherever the country's name appears, e.g. a designation note."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def get_absolute_url(self):
        return reverse("stories:country", kwargs={"slug": self.slug})


class Theme(Vocabulary):
    filter_parameter = "theme"

    class Meta(Vocabulary.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def get_absolute_url(self):
        return reverse("stories:theme", kwargs={"slug": self.slug})


class TaggedCountry(TaggedItemBase):
    content_object = models.ForeignKey("Story", on_delete=models.CASCADE, related_name="tagged_countries")
    tag = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="tagged_stories")

    class Meta:
        unique_together = [("content_object", "tag")]


class TaggedTheme(TaggedItemBase):
    content_object = models.ForeignKey("Story", on_delete=models.CASCADE, related_name="tagged_themes")
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tagged_stories")

    class Meta:
        unique_together = [("content_object", "tag")]


class Contributor(models.Model):
    """A public byline (writer, photographer…), not a login account."""

    class Role(models.TextChoices):
        WRITER = "writer", _("Writer")
        PHOTOGRAPHER = "photographer", _("Photographer")
        ILLUSTRATOR = "illustrator", _("Illustrator")
        TRANSLATOR = "translator", _("Translator")
        EDITOR = "editor", _("Editor")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.WRITER)
    bio = models.TextField(_("short bio"), blank=True, max_length=600)
    photo = SafeImageField(_("photo"), upload_to="contributors/", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Contributor, self.name, instance_pk=self.pk, fallback="contributor")
        super().save(*args, **kwargs)


class ContentVersion(models.Model):
    """One row counting changes to anything a public page shows. Every page cache key includes
    the number, so one UPDATE in the editor's transaction outdates every cached page in every
    process and app instance (see balkanoscope/page_cache.py)."""

    SINGLETON_PK = 1

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return str(self.number)


class StoryQuerySet(models.QuerySet):
    def published(self, *, until=None):
        """Stories a reader may see: marked published and dated now or earlier.

        The one definition of "public": every view, feed, sitemap and search starts here.
        `until` (a time already past) narrows it to stories published by then, as a single
        bound the database can seek to in the ordering index.
        """
        now = timezone.now()
        return self.filter(status=Story.Status.PUBLISHED, published_at__lte=min(until, now) if until else now)

    def for_cards(self):
        """What a story card shows, loaded in a fixed number of queries."""
        return self.prefetch_related("countries", "themes")

    def tagged(self, *, country=None, theme=None, keyword=None):
        """Stories tagged with all of the given country, theme and keyword.

        Correlated EXISTS probes of the (story, tag) unique indexes, not joins: the database
        walks stories newest first along the ordering index and stops at the page's end,
        instead of collecting every story of a large country first.
        """
        stories = self
        if country is not None:
            stories = stories.filter(Exists(TaggedCountry.objects.filter(content_object=OuterRef("pk"), tag=country)))
        if theme is not None:
            stories = stories.filter(Exists(TaggedTheme.objects.filter(content_object=OuterRef("pk"), tag=theme)))
        if keyword is not None:
            story_type = ContentType.objects.get_for_model(Story)  # memoised by Django after the first call
            stories = stories.filter(
                Exists(TaggedItem.objects.filter(content_type=story_type, object_id=OuterRef("pk"), tag=keyword))
            )
        return stories


# Computed in Story.save(): always written, even by save(update_fields=[...]).
DERIVED_STORY_FIELDS = ("body", "reading_time", "slug", "published_at")


def hero_image_path(story, filename):
    return f"stories/{timezone.now():%Y/%m}/{filename}"


class Story(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("The story's address. Filled in from the title; change it only before publishing."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences for story cards, search results and shares."),
    )
    body = models.TextField(_("body"), blank=True)

    hero_image = SafeImageField(
        _("hero image"),
        upload_to=hero_image_path,
        blank=True,
        width_field="hero_image_width",
        height_field="hero_image_height",
    )
    hero_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_renditions = models.JSONField(default=list, blank=True, editable=False)
    hero_image_alt = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    hero_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    hero_image_credit = models.CharField(_("credit"), max_length=200, blank=True)

    storyteller_name = models.CharField(
        _("storyteller"),
        max_length=200,
        blank=True,
        help_text=_("The person whose story this is: a name or a pseudonym."),
    )
    is_storyteller_anonymous = models.BooleanField(
        _("anonymous storyteller"),
        default=False,
        help_text=_("Never show the storyteller's name anywhere on the site."),
    )
    location = models.CharField(
        _("location"),
        max_length=200,
        blank=True,
        help_text=_("Town or region, e.g. Mostar."),
    )
    contributors = models.ManyToManyField(
        Contributor, blank=True, related_name="stories", verbose_name=_("contributors")
    )

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("A time in the future schedules the story."),
    )
    is_featured = models.BooleanField(_("featured"), default=False, help_text=_("Shown large on the home page."))
    content_warning = models.CharField(
        _("content warning"),
        max_length=300,
        blank=True,
        help_text=_("Shown before the story, e.g. 'This story describes wartime violence.'"),
    )

    seo_title = models.CharField(
        _("SEO title"),
        max_length=60,
        blank=True,
        help_text=_("Replaces the title in search results and shares."),
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=160,
        blank=True,
        help_text=_("Replaces the summary in search results and shares."),
    )

    reading_time = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    countries = TaggableManager(through=TaggedCountry, related_name="stories", verbose_name=_("countries"))
    themes = TaggableManager(through=TaggedTheme, related_name="stories", verbose_name=_("themes"))
    tags = TaggableManager(
        blank=True,
        related_name="stories",
        verbose_name=_("keywords"),
        help_text=_("Free keywords, separated by commas."),
    )

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="story_public_order"),
            models.Index(fields=["is_featured", "status", "-published_at"], name="story_featured"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        previous_image = (
            Story.objects.filter(pk=self.pk).values("hero_image", "hero_renditions").first() if self.pk else None
        )
        if not self.slug:
            self.slug = unique_slug(Story, self.title, instance_pk=self.pk)
        self.body = clean_html(self.body)
        self.reading_time = reading_time_minutes(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *DERIVED_STORY_FIELDS}
        super().save(*args, **kwargs)
        if previous_image is None or previous_image["hero_image"] != self.hero_image.name:
            self.replace_renditions(previous_image)

    def get_absolute_url(self):
        return reverse("stories:detail", kwargs={"slug": self.slug})

    def replace_renditions(self, previous_image=None):
        """Make the srcset renditions of a new hero image, and remove the old image's files
        unless another story still uses them (generated benchmark stories share images)."""
        storage = self.hero_image.storage
        if previous_image and previous_image["hero_image"]:
            shared = Story.objects.filter(hero_image=previous_image["hero_image"]).exclude(pk=self.pk).exists()
            if not shared:
                delete_renditions(storage, previous_image["hero_renditions"])
                storage.delete(previous_image["hero_image"])
        self.hero_renditions = []
        if self.hero_image:
            # A new image gets new file names, so caches holding the old ones can keep them forever
            # (media serves renditions as immutable). The time makes them unique even when an
            # upload reuses the name of a deleted file.
            version = hashlib.sha256(f"{self.hero_image.name}:{time.time_ns()}".encode()).hexdigest()[:8]
            self.hero_renditions = make_renditions(self.hero_image, storage, f"story-{self.pk}-{version}")
        Story.objects.filter(pk=self.pk).update(hero_renditions=self.hero_renditions)
        bump_content_version()  # update() sends no signal, and pages show the renditions

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def hero_srcset(self):
        storage = self.hero_image.storage
        return ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in self.hero_renditions)

    @property
    def hero_fallback_url(self):
        """The `src` for browsers without srcset: the widest rendition up to 1200px, else the original."""
        fitting = [r for r in self.hero_renditions if r["width"] <= 1200]
        if fitting:
            return self.hero_image.storage.url(fitting[-1]["name"])
        return self.hero_image.url

    @property
    def public_storyteller(self):
        """The storyteller's name as the public may see it: nothing when anonymous."""
        return "" if self.is_storyteller_anonymous else self.storyteller_name

    @property
    def meta_title(self):
        return self.seo_title or self.title

    @property
    def meta_description(self):
        return self.seo_description or self.summary
