"""The story, and the addresses it had before."""

import uuid

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from balkanoscope.links import reverse, unprefixed_reverse
from stories.editorial.consent import consent_form_path
from stories.media.fields import SafeImageField
from stories.media.names import new_media_key, random_name_in, story_folder
from stories.media.storage import PrivateStorage
from stories.models.contributor import Contributor
from stories.models.querysets import StoryQuerySet
from stories.models.slugs import free_story_slug, refuse_retired_slug
from stories.models.story_media import StoryMediaMixin
from stories.models.translations import StoryLanguages
from stories.models.vocabulary import TaggedCountry, TaggedTheme
from stories.sanitize import clean_html
from stories.sharing.cards import delete_outdated_story_cards
from stories.text import reading_time_minutes

# Computed in Story.save(): always written, even by save(update_fields=[...]).
DERIVED_STORY_FIELDS = ("body", "reading_time", "slug", "published_at", "edit_token")


def hero_image_path(story, filename):
    return random_name_in(story_folder(story.media_key), filename)


def social_image_path(story, filename):
    return random_name_in(story_folder(story.media_key), filename)


# Images are in revisions too; Story.keep_images_after_restore() copes with a restored
# version whose image files were removed since (replaced images leave the storage at once).
@reversion.register(follow=["tagged_countries", "tagged_themes", "gallery_images"])
class Story(StoryMediaMixin, StoryLanguages):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        # The storyteller withdrew consent: text, images and history are gone for good.
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class ConsentMethod(models.TextChoices):
        SIGNED_FORM = "signed_form", _("Signed form")
        EMAIL = "email", _("Email or message")
        RECORDED = "recorded", _("Recorded (audio or video)")
        VERBAL = "verbal", _("Verbally, noted by the editor")

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
    social_image_override = SafeImageField(
        _("share image"),
        upload_to=social_image_path,
        blank=True,
        width_field="social_image_width",
        height_field="social_image_height",
        help_text=_("Replaces the generated share card (the title over the hero image). Best at 1200 × 630 pixels."),
    )
    social_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    social_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    # The consent record: editors only (see StoryAdmin).
    has_consent = models.BooleanField(
        _("consent given"),
        default=False,
        help_text=_("The storyteller agreed to the publication of this story as it is now."),
    )
    consent_given_on = models.DateField(_("consent date"), null=True, blank=True)
    consent_review_on = models.DateField(
        _("review consent by"),
        null=True,
        blank=True,
        help_text=_("When to ask the storyteller again whether the story may stay (e.g. a year on)."),
    )
    consent_method = models.CharField(_("how consent was given"), max_length=20, choices=ConsentMethod, blank=True)
    consent_notes = models.TextField(_("consent notes"), blank=True, help_text=_("Conditions, who collected it…"))
    consent_form = models.FileField(
        _("signed consent form"),
        storage=PrivateStorage(),
        upload_to=consent_form_path,
        blank=True,
        max_length=200,
        help_text=_("PDF, JPEG or PNG, at most 10 MB. Kept in private storage, never on the public site."),
    )

    # The folder of the story's files in the media storage (stories/media/names.py).
    media_key = models.CharField(max_length=16, unique=True, default=new_media_key, editable=False)
    # Changes on every save: the admin form carries it, so a save based on an older
    # version of the story is noticed (optimistic concurrency).
    edit_token = models.UUIDField(default=uuid.uuid4, editable=False)
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
            # "Its public translation in this language" (StoryQuerySet.in_language), probed once per
            # story a list or sidebar reads: on the translation_of key alone SQLite preferred
            # story_public_order and walked every published story for each probe.
            models.Index(fields=["translation_of", "language", "status", "published_at"], name="story_translations"),
        ]
        permissions = [
            ("publish_story", _("Can publish, schedule, unpublish and feature stories")),
            ("manage_consent", _("Can see and record storytellers' consent")),
        ]

    def __str__(self):
        if self.status == self.Status.WITHDRAWN:
            return gettext("Withdrawn story %(id)s") % {"id": self.pk}
        return self.title

    def save(self, *args, **kwargs):
        previous = (
            Story.objects.filter(pk=self.pk).values("hero_image", "hero_renditions", "slug", "status", "title").first()
            if self.pk
            else None
        )
        if not self.slug:
            self.slug = free_story_slug(self.title, story_pk=self.pk)
        self.body = clean_html(self.body)
        self.reading_time = reading_time_minutes(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.edit_token = uuid.uuid4()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *DERIVED_STORY_FIELDS}
        super().save(*args, **kwargs)
        if previous and previous["status"] == self.Status.PUBLISHED and previous["slug"] != self.slug:
            self.remember_old_slug(previous["slug"])
        if previous and previous["status"] == self.Status.PUBLISHED and self.status != self.Status.PUBLISHED:
            self.preview_links.revoke()  # a link sent before it was published must not show it again
        if not self.is_translation and (previous is None or previous["hero_image"] != self.hero_image.name):
            self.replace_renditions(previous)  # a translation's photos are its original's
        self.sync_translations()
        if previous:
            delete_outdated_story_cards(
                self,
                old_title=previous["title"],
                old_hero_image_name=previous["hero_image"],
                was_published=previous["status"] == self.Status.PUBLISHED,
            )

    def get_absolute_url(self):
        return reverse("stories:detail", kwargs={"slug": self.slug})

    def clean(self):
        refuse_retired_slug(self)

    def get_short_url(self):
        """A short link that survives slug changes, e.g. /s/42/."""
        return unprefixed_reverse("stories:short_link", kwargs={"pk": self.pk})

    def remember_old_slug(self, old_slug):
        """Keep a published story's old address answering with a redirect to the new one."""
        # Reserved for good: the first story to have had an address keeps its redirect.
        StorySlug.objects.get_or_create(slug=old_slug, defaults={"story": self})
        StorySlug.objects.filter(slug=self.slug, story=self).delete()  # back to an old address of its own

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
    def publication_state(self):
        """The workflow state in words: draft, in review, scheduled for <time>, published."""
        if self.is_scheduled:
            when = formats.date_format(timezone.localtime(self.published_at), "DATETIME_FORMAT")
            return _("Scheduled for %(time)s") % {"time": when}
        return self.get_status_display()

    @property
    def is_missing_consent(self):
        """True when the rules say this story may not be published yet for lack of consent."""
        return not self.has_consent and not settings.STORY_PUBLISH_WITHOUT_CONSENT

    @property
    def public_storyteller(self):
        """The storyteller's name as the public may see it: nothing when anonymous."""
        return "" if self.is_storyteller_anonymous else self.storyteller_name

    meta_title = property(lambda self: self.seo_title or self.title)
    meta_description = property(lambda self: self.seo_description or self.summary)


class StorySlug(models.Model):
    """An address a published story had before its slug changed; it redirects to the story."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="old_slugs", verbose_name=_("story"))
    slug = models.SlugField(_("old slug"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.slug

    def clean(self):
        # A story's current address always wins, so such a redirect could never be reached.
        if Story.objects.filter(slug=self.slug).exists():
            raise ValidationError({"slug": _("A story uses this address now; it cannot redirect elsewhere.")})
