"""A story's group of translations as pages: hreflang alternates, the switcher's addresses,
the "also in" list and the schema.org links between the translations."""

from django.conf import settings

from balkanoscope.languages import NATIVE_NAMES, language_codes, language_tag
from balkanoscope.links import absolute_url
from stories import content_state
from stories.models import Story

LANGUAGE_ORDER = {code: position for position, code in enumerate(language_codes())}


class Translation:
    """One public story of a group, as the other pages of the group link to it."""

    def __init__(self, story, language):
        self.story = story
        self.language = language  # an interface language it is the story's own page in
        self.tag = language_tag(language)
        self.name = NATIVE_NAMES.get(language, language)
        self.path = story.path_in(language)
        self.url = absolute_url(self.path)


def public_group(story, request=None):
    """The public stories of `story`'s group (the original and its translations), in the
    order of settings.LANGUAGES; one query, once per content version."""
    original_pk = story.translation_of_id or story.pk
    if not story.translation_of_id and not getattr(story, "has_translations", True):
        return [story]  # no query for the many stories told in one language

    def load():
        group = Story.objects.published().translation_groups([original_pk])
        return list(group.only("pk", "slug", "language", "title", "translation_of"))

    group = content_state.cached_value(request, f"translation-group:{original_pk}", load)
    return sorted(group, key=lambda member: LANGUAGE_ORDER.get(member.language, len(LANGUAGE_ORDER)))


def public_groups(original_pks):
    """{original pk: its public group} for many groups, in one query (the sitemap's)."""
    members = Story.objects.published().translation_groups(original_pks)
    groups = {}
    for member in members.only("pk", "slug", "language", "translation_of").order_by():
        groups.setdefault(member.translation_of_id or member.pk, []).append(member)
    return {
        pk: sorted(group, key=lambda member: LANGUAGE_ORDER.get(member.language, 99)) for pk, group in groups.items()
    }


def translations(group):
    """A Translation per language the group has a page of its own in (Serbian: both scripts)."""
    return [Translation(member, language) for member in group for language in member.own_languages()]


def hreflang_alternates(group):
    """(hreflang, absolute URL) for every language of the group and x-default: the same list on
    every page of the group. x-default is the English page, else the original's."""
    pages = translations(group)
    default = next((page for page in pages if page.language == settings.LANGUAGE_CODE), None)
    default = default or next(page for page in pages if not page.story.translation_of_id)
    return [(page.tag, page.url) for page in pages] + [("x-default", default.url)]


def language_paths(story, group):
    """For the language switcher: each interface language's page of this story, which is the
    group's translation in that language, or this story with that language's interface."""
    paths = {code: story.path_in(code) for code in language_codes()}
    paths.update({page.language: page.path for page in translations(group)})
    return paths


def other_languages(story, group):
    """The "also in" list: the group's other translations (Serbian's other script is the switcher's)."""
    return [page for page in translations(group) if page.story.pk != story.pk and page.language == page.story.language]


def schema_links(story, group):
    """schema.org translationOfWork (on a translation) or workTranslation (on an original)."""

    def work(member):
        url = absolute_url(member.path_in(member.language))
        return {"@type": "CreativeWork", "@id": url, "url": url, "inLanguage": language_tag(member.language)}

    if story.translation_of_id:
        original = next((member for member in group if member.pk == story.translation_of_id), None)
        return {"translationOfWork": work(original)} if original else {}
    others = [work(member) for member in group if member.pk != story.pk]
    return {"workTranslation": others} if others else {}
