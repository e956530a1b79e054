"""Translations in the admin: the story screen's "Languages" line, and "Translate into…".

"Translate into…" makes a draft in the other language holding a copy of the original's texts
to translate from; its photos, storyteller, consent and tags are the original's and stay so
(stories/models/translations.py). A translation is out of date when its original was saved
after it.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from balkanoscope.languages import SCRIPT_TWINS
from stories.models import Story
from stories.models.translations import SHARED_FIELDS, SHARED_RELATIONS

# The texts a translator starts from: the original's, to be rewritten in the new language.
TRANSLATED_FIELDS = (
    "title",
    "subtitle",
    "summary",
    "body",
    "hero_image_alt",
    "hero_image_caption",
    "location",
    "content_warning",
    "seo_title",
    "seo_description",
)
# A translation's form shows these, but they are the original's.
READ_ONLY_ON_TRANSLATIONS = (*SHARED_FIELDS, *SHARED_RELATIONS)


def group_of(story):
    original = story.original
    return [original, *original.translations.order_by("language")]


def missing_languages(group):
    """The interface languages no story of the group is written in (Serbian in either script
    counts for both)."""
    taken = {member.language for member in group}
    taken |= {SCRIPT_TWINS[code] for code in taken if code in SCRIPT_TWINS}
    return [(code, name) for code, name in settings.LANGUAGES if code not in taken]


def is_out_of_date(translation, original):
    return translation.is_translation and original.updated_at > translation.updated_at


def languages_line(story):
    """The story screen's "Languages" line: each story of the group (a link, its state, "out
    of date"), and a "Translate into…" button per missing language."""
    if not story.pk:
        return gettext("Save the story to translate it.")
    group = group_of(story)
    original = group[0]
    names = dict(settings.LANGUAGES)
    members = format_html_join(
        ", ",
        '<a href="{}"{}>{}</a> ({}){}',
        (
            (
                reverse("admin:stories_story_change", args=[member.pk]),
                mark_safe(' aria-current="page"') if member.pk == story.pk else "",
                names.get(member.language, member.language),
                gettext("original") if member.pk == original.pk else member.publication_state,
                format_html(' <strong class="translation-outdated">{}</strong>', gettext("out of date"))
                if is_out_of_date(member, original)
                else "",
            )
            for member in group
        ),
    )
    buttons = format_html_join(
        " ",
        '<button type="submit" class="button" formaction="{}" formnovalidate>{}</button>',
        (
            (
                reverse("admin:stories_story_translate", args=[original.pk, code]),
                gettext("Translate into %(language)s") % {"language": name},
            )
            for code, name in missing_languages(group)
        ),
    )
    return format_html("{}<div class='translate-into'>{}</div>", members, buttons)


def start_translation(original, language, user):
    """A draft of `original` in `language`, with its texts copied to translate from."""
    translation = Story(translation_of=original, language=language, status=Story.Status.DRAFT)
    for field in TRANSLATED_FIELDS:
        setattr(translation, field, getattr(original, field))
    translation.created_by = translation.updated_by = user
    translation.save()  # takes the original's photos, storyteller, consent and tags
    return translation


def translate_view(model_admin):
    @require_POST
    def view(request, object_id, language):
        story = Story.objects.filter(pk=object_id).first()
        if story is None:
            raise Http404
        if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request, story)):
            raise PermissionDenied
        original = story.original
        if language not in dict(missing_languages(group_of(original))):
            raise Http404(gettext("This story has that language already."))
        translation = start_translation(original, language, request.user)
        model_admin.log_addition(request, translation, [{"added": {}}])
        messages.success(
            request, gettext("A draft translation was made from the original: translate its texts, then save.")
        )
        return HttpResponseRedirect(reverse("admin:stories_story_change", args=[translation.pk]))

    return view


class TranslationAdminMixin:
    """The story admin's Languages line and its Translate into… address."""

    @admin.display(description=_("Languages"))
    def languages(self, story):
        return languages_line(story)  # the translate view checks who may

    def get_urls(self):
        translate = path(
            "<int:object_id>/translate/<str:language>/",
            self.admin_site.admin_view(translate_view(self)),
            name="stories_story_translate",
        )
        return [translate, *super().get_urls()]
