"""What the public may see, and what is scheduled: the publication rules, named once."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from taggit.models import TaggedItem

from balkanoscope.languages import same_languages
from stories.models.vocabulary import TaggedCountry, TaggedTheme

NOW = object()  # marks where next_publish_at_sql()'s parameters take the current time


def in_translation_groups(original_pks) -> Q:
    """The stories of the translation groups whose originals are `original_pks`: each
    original and its translations."""
    return Q(pk__in=original_pks) | Q(translation_of__in=original_pks)


class StoryQuerySet(models.QuerySet):
    def published(self, *, until=None):
        """Stories a reader may see: marked published and dated now or earlier.

        The one definition of "public": every view, feed, sitemap and search starts here.
        `until` (a time already past) narrows it to stories published by then, as a single
        bound the database can seek to in the ordering index. A translation is public only
        while its original is: unpublishing or withdrawing a story takes its whole group.
        """
        now = timezone.now()
        published = self.model.Status.PUBLISHED
        return self.filter(status=published, published_at__lte=min(until, now) if until else now).filter(
            Q(translation_of__isnull=True) | Q(translation_of__status=published, translation_of__published_at__lte=now)
        )

    def translation_groups(self, original_pks):
        """The stories of these groups (in_translation_groups())."""
        return self.filter(in_translation_groups(original_pks))

    def with_translation_flag(self):
        """Each story with has_translations (public or not): whether its page must look for its
        public group. A probe of the translation_of index alone; adding the publication rules let
        the database walk every published story instead."""
        return self.annotate(has_translations=Exists(self.model.objects.filter(translation_of=OuterRef("pk"))))

    def in_language(self, language):
        """Each story once, for readers of `language`: its translation in that language where
        one is public, else the story as written (which the page labels with its language).
        Serbian in either script is one language."""
        languages = same_languages(language)
        translated = self.model.objects.published().filter(translation_of=OuterRef("pk"), language__in=languages)
        return self.alias(has_translation=Exists(translated)).filter(
            Q(language__in=languages) | Q(translation_of__isnull=True, has_translation=False)
        )

    def scheduled(self, *, now=None):
        """Stories marked published whose publish time is still to come: they appear on their own
        when it passes (the content state reads the next such time, see next_publish_at_sql())."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=now or timezone.now())

    def next_publish_at_sql(self, connection):
        """SQL and parameters for the next scheduled publish time, built from scheduled():
        the content state runs it on every request (stories/content_state.py), where building
        it through the ORM would cost more than running it. The parameter that is NOW takes
        the current time."""
        placeholder = timezone.now()
        upcoming = self.scheduled(now=placeholder).order_by("published_at").values("published_at")[:1]
        sql, params = upcoming.query.get_compiler(connection=connection).as_sql()
        adapted = connection.ops.adapt_datetimefield_value(placeholder)
        return sql, [NOW if param in (placeholder, adapted) else param for param in params]

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
            story_type = ContentType.objects.get_for_model(self.model)  # memoised by Django after the first call
            stories = stories.filter(
                Exists(TaggedItem.objects.filter(content_type=story_type, object_id=OuterRef("pk"), tag=keyword))
            )
        return stories
