"""A story's languages: its translations, and its page's address in each interface language.

A translation is a Story whose `translation_of` is the original; the original and its
translations are one group. Each has its own slug, texts, alt texts, share card, status and
publish time (a translation may come out later); the photos, storyteller, consent, location,
bylines and tags are the original's, copied onto each translation whenever either is saved
(SHARED_FIELDS, sync_translations()), so every list, filter and count reads them as before.
A translation is public only while its original is (StoryQuerySet.published()).
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from balkanoscope.languages import SCRIPT_TWINS, same_language, same_languages
from balkanoscope.links import reverse_in

# What a translation reads from its original.
SHARED_FIELDS = (
    "hero_image",
    "hero_image_width",
    "hero_image_height",
    "hero_renditions",
    "hero_image_credit",
    "is_featured",
    "storyteller_name",
    "is_storyteller_anonymous",
    "has_consent",
    "consent_given_on",
    "consent_method",
    "consent_notes",
    "consent_review_on",
    "consent_form",
)
SHARED_RELATIONS = ("countries", "themes", "tags", "contributors")


class StoryLanguages(models.Model):
    """The language side of Story (an abstract base, so story.py keeps to the story itself)."""

    translation_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="translations",
        limit_choices_to={"translation_of": None},
        verbose_name=_("translation of"),
        help_text=_(
            "The story this one tells in another language; its photos, storyteller, consent and tags are used."
        ),
    )

    class Meta:
        abstract = True

    @property
    def original(self):
        """The story its group starts from: itself, unless it is a translation."""
        return self.translation_of if self.translation_of_id else self

    @property
    def is_translation(self):
        return self.translation_of_id is not None

    def path_in(self, language):
        """This story's page as seen from an interface in `language`."""
        return reverse_in(language, "stories:detail", kwargs={"slug": self.slug})

    def own_interface_language(self, current=None):
        """The interface language of the story's own page: its language, or for Serbian the
        script the reader is using (both are the story's own pages)."""
        current = current or get_language()
        return current if same_language(current, self.language) else self.language

    def get_canonical_path(self):
        """The story's own address: in its language, whichever interface links to it."""
        return self.path_in(self.own_interface_language())

    def own_languages(self):
        """The interface languages this story is its own page in: its language, and for
        Serbian the other script too."""
        twin = SCRIPT_TWINS.get(self.language)
        return [self.language, twin] if twin else [self.language]

    def language_taken_in_group(self, language):
        """True if another story of this one's group is written in `language` (Serbian in
        either script counts as one): a group has one story per language."""
        if not language or not self.pk:
            return False
        original_pk = self.translation_of_id or self.pk
        others = type(self).objects.translation_groups([original_pk])
        return others.exclude(pk=self.pk).filter(language__in=same_languages(language)).exists()

    def copy_shared_fields_from(self, original):
        for field in SHARED_FIELDS:
            setattr(self, field, getattr(original, field))

    def sync_translations(self):
        """After a save: a translation takes its original's shared fields and relations; an
        original gives its own to every translation. Queryset updates, so no image is re-rendered."""
        if self.is_translation:
            original = type(self).objects.get(pk=self.translation_of_id)
            type(self).objects.filter(pk=self.pk).update(**{field: getattr(original, field) for field in SHARED_FIELDS})
            self.copy_shared_fields_from(original)
            copy_relations(original, [self])
            return
        translations = list(self.translations.all())
        if translations:
            self.translations.update(**{field: getattr(self, field) for field in SHARED_FIELDS})
            copy_relations(self, translations)


def copy_relations(original, translations):
    """The original's countries, themes, keywords and bylines on each of `translations`."""
    for name in SHARED_RELATIONS:
        items = list(getattr(original, name).all())
        for translation in translations:
            getattr(translation, name).set(items)


def shared_relation_changed(sender, instance, action, reverse, **kwargs):
    """An original's countries, themes, keywords or bylines changed: its translations follow."""
    if reverse or not action.startswith("post_") or getattr(instance, "translation_of_id", True) is not None:
        return
    translations = list(instance.translations.all())
    if translations:
        copy_relations(instance, translations)


def connect_shared_relations():
    from django.apps import apps
    from django.db.models.signals import m2m_changed

    story = apps.get_model("stories", "Story")  # not imported: story.py imports this module
    for name in SHARED_RELATIONS:
        through = story._meta.get_field(name).remote_field.through
        m2m_changed.connect(shared_relation_changed, sender=through, dispatch_uid=f"shared_relation_{name}")
