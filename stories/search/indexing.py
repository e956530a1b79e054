"""The search index: each story's StorySearchDocument, kept in step by signals."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete, pre_save
from taggit.models import Tag

from stories.models import Contributor, Country, Story, StorySearchDocument, Theme
from stories.models.querysets import in_translation_groups
from stories.sanitize import html_to_text
from stories.search.words import search_words

INDEX_BATCH_SIZE = 500


def index_stories(stories) -> int:
    """Write the search documents of `stories` (a queryset or story ids), in batches; return how many."""
    if not hasattr(stories, "values_list"):
        stories = Story.objects.filter(pk__in=list(stories))
    # A withdrawn story is never indexed again, whatever is saved or retagged.
    ids = list(stories.exclude(status=Story.Status.WITHDRAWN).order_by().values_list("pk", flat=True))
    for start in range(0, len(ids), INDEX_BATCH_SIZE):
        batch = list(
            Story.objects.filter(pk__in=ids[start : start + INDEX_BATCH_SIZE])
            .only(
                "title",
                "subtitle",
                "summary",
                "body",
                "storyteller_name",
                "is_storyteller_anonymous",
                "location",
                "translation_of",
            )
            .prefetch_related("countries", "themes", "tags", "contributors")
        )
        groups = translation_texts(batch)
        StorySearchDocument.objects.bulk_create(
            [search_document(story, groups.get(story.translation_of_id or story.pk, [])) for story in batch],
            update_conflicts=True,
            unique_fields=["story"],
            update_fields=["title", "secondary", "details", "body", "plain_text", "facets"],
        )
    return len(ids)


def index_story(story) -> None:
    """Write the search documents of a story's translation group (after a save or a change of
    its tags or bylines): each holds the words of all of them."""
    index_stories(Story.objects.translation_groups([story.translation_of_id or story.pk]))


class _Pending:
    """What an indexing_deferred() block has changed: translation groups and single stories."""

    def __init__(self):
        self.groups, self.stories = set(), set()

    def index(self):
        if self.groups or self.stories:
            index_stories(Story.objects.filter(in_translation_groups(self.groups) | Q(pk__in=self.stories)))


_pending: ContextVar[_Pending | None] = ContextVar("search_pending", default=None)


@contextmanager
def indexing_deferred():
    """Save and index in one transaction, indexing once at the end of the block. A story saved
    with its countries, themes, keywords and bylines (the admin's save, the seeding, the test
    factories) is otherwise indexed again after each relation. Blocks nest into the outermost;
    after an exception nothing of the block is kept, so nothing is left unindexed."""
    if _pending.get() is not None:
        yield
        return
    pending = _Pending()
    token = _pending.set(pending)
    try:
        with transaction.atomic():
            yield
            pending.index()
    finally:
        _pending.reset(token)


def _reindex_group(story):
    pending = _pending.get()
    if pending is None:
        index_story(story)
    else:
        pending.groups.add(story.translation_of_id or story.pk)


def _reindex(story_ids):
    pending = _pending.get()
    if pending is None:
        index_stories(story_ids)
    else:
        pending.stories.update(story_ids)


def translation_texts(stories):
    """{original pk: [(pk, title, subtitle, summary, body)…]} of the groups of `stories`, one query."""
    originals = {story.translation_of_id or story.pk for story in stories}
    members = Story.objects.translation_groups(originals).order_by()
    groups = {}
    for pk, original, *texts in members.values_list("pk", "translation_of", "title", "subtitle", "summary", "body"):
        groups.setdefault(original or pk, []).append((pk, *texts))
    return groups


def vocabulary_names(item):
    """A country's or theme's name in every language: "Kosova" finds stories from Kosovo."""
    names = [getattr(item, f"name_{code}", None) for code in settings.MODELTRANSLATION_LANGUAGES]
    return list(dict.fromkeys(name for name in [item.name, *names] if name))


def search_document(story, group=()) -> StorySearchDocument:
    """The search document of `story`; its countries, themes, tags and contributors prefetched.
    `group` holds its translations' texts (translation_texts()): a reader finds a story by the
    words of any of its languages, and sees it in their own."""
    body_text = html_to_text(story.body)
    details = [
        story.public_storyteller,  # never an anonymous storyteller's name
        story.location,
        *(contributor.name for contributor in story.contributors.all()),
        *(name for country in story.countries.all() for name in vocabulary_names(country)),
        *(name for theme in story.themes.all() for name in vocabulary_names(theme)),
        *(keyword.name for keyword in story.tags.all()),
    ]
    others = [texts for pk, *texts in group if pk != story.pk]
    secondary = [
        story.subtitle,
        story.summary,
        *(part for title, subtitle, summary, _body in others for part in (title, subtitle, summary)),
    ]
    bodies = [body_text, *(html_to_text(body) for *_texts, body in others)]
    return StorySearchDocument(
        story_id=story.pk,
        facets=" ".join(facet_words(countries=story.countries.all(), themes=story.themes.all())),
        title=_folded_text(story.title),
        secondary=_folded_text("\n".join(secondary)),
        details=_folded_text("\n".join(details)),
        body=_folded_text("\n".join(bodies)),
        plain_text=f"{story.summary}\n{body_text}".strip(),
    )


def facet_words(*, countries=(), themes=()):
    """The words that file a story under its countries and themes in the index's `facets`
    column. Only that column is searched for them, so no story text can match them."""
    return [f"country{country.pk}" for country in countries] + [f"theme{theme.pk}" for theme in themes]


def _folded_text(text):
    return " ".join(search_words(text))


def rebuild_index() -> int:
    """Index every story again from scratch; return how many. Readers see the old index until it is done."""
    with transaction.atomic():
        StorySearchDocument.objects.all().delete()
        count = index_stories(Story.objects.all())
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                # Rebuilds FTS5's index from the documents, then merges its segments for speed.
                cursor.execute("INSERT INTO stories_search_fts(stories_search_fts) VALUES ('rebuild')")
                cursor.execute("INSERT INTO stories_search_fts(stories_search_fts) VALUES ('optimize')")
    return count


# Keeping the index in step: every change to a story's indexed text reindexes the story.
# (Code that writes through-model rows directly, like seed_demo's bulk path, calls
# index_stories() itself.)

# The Story relation each vocabulary or byline is reached by.
_STORY_LOOKUPS = {Country: "countries", Theme: "themes", Tag: "tags", Contributor: "contributors"}


def connect_signals(app_config):
    post_save.connect(_story_saved, sender=Story, dispatch_uid="search_story_saved")
    for relation in _STORY_LOOKUPS.values():
        through = Story._meta.get_field(relation).remote_field.through
        m2m_changed.connect(_story_links_changed, sender=through, dispatch_uid=f"search_{relation}_changed")
    for model in _STORY_LOOKUPS:
        pre_save.connect(_name_saving, sender=model, dispatch_uid=f"search_{model.__name__}_saving")
        post_save.connect(_name_saved, sender=model, dispatch_uid=f"search_{model.__name__}_saved")
        pre_delete.connect(_name_deleting, sender=model, dispatch_uid=f"search_{model.__name__}_deleting")
        post_delete.connect(_name_deleted, sender=model, dispatch_uid=f"search_{model.__name__}_deleted")
    post_migrate.connect(_index_unindexed_stories, sender=app_config, dispatch_uid="search_after_migrate")


def _story_saved(sender, instance, raw=False, **kwargs):
    # loaddata saves raw, before the story's relations: a fixture from dumpdata brings the
    # search documents along, and rebuild_search_index indexes any other.
    if not raw:
        _reindex_group(instance)


def _story_links_changed(sender, instance, action, model, pk_set, **kwargs):
    if action in {"post_add", "post_remove"} and not pk_set:
        return  # nothing changed: taggit sends post_add on every set(), so on every admin save
    if isinstance(instance, Story):  # story.countries.set(...)
        if action in {"post_add", "post_remove", "post_clear"}:
            _reindex_group(instance)
    elif model is not Story:  # taggit's keywords are shared with any other tagged model
        return
    elif action == "pre_clear":  # contributor.stories.clear(): note whose bylines go
        instance._search_story_ids = _linked_story_ids(instance)
    elif action in {"post_add", "post_remove"}:
        _reindex(pk_set)
    elif action == "post_clear":
        _reindex(getattr(instance, "_search_story_ids", []))


def _linked_story_ids(instance):
    return list(Story.objects.filter(**{_STORY_LOOKUPS[type(instance)]: instance}).values_list("pk", flat=True))


def _name_saving(sender, instance, raw=False, **kwargs):
    instance._search_name_changed = (
        not raw
        and instance.pk is not None
        and not type(instance).objects.filter(pk=instance.pk, name=instance.name).exists()
    )


def _name_saved(sender, instance, created, raw=False, **kwargs):
    if getattr(instance, "_search_name_changed", False):  # a rename: reindex its stories
        _reindex(_linked_story_ids(instance))


def _name_deleting(sender, instance, **kwargs):
    instance._search_story_ids = _linked_story_ids(instance)


def _name_deleted(sender, instance, **kwargs):
    _reindex(getattr(instance, "_search_story_ids", []))


def _index_unindexed_stories(using, **kwargs):
    """After `migrate`, index stories that have no search document (a database from before search)."""
    if StorySearchDocument._meta.db_table in connection.introspection.table_names():
        index_stories(Story.objects.filter(search_document__isnull=True))
