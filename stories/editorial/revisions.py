"""History, comparison and restore of revisions (django-reversion) in the admin."""

import difflib
import re
from datetime import date, datetime

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Version

# Bookkeeping that changes on every save and means nothing to a reader of the history.
IGNORED_FIELDS = {"edit_token", "updated_at", "reading_time"}
_TOKEN_RE = re.compile(r"<[^>]*>|\s+|[^\s<]+")


class HistoryAdmin(VersionAdmin):
    """VersionAdmin plus a compare view, with restore and recovery checked before anything changes."""

    object_history_template = "admin/revision_history.html"
    change_list_template = "admin/recoverable_change_list.html"

    def has_restore_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and self.has_add_permission(request)

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        context = {"has_restore_permission": self.has_restore_permission(request), **(extra_context or {})}
        return super().changelist_view(request, context)

    # django-reversion reverts first and asks the change form afterwards, which answers a
    # missing object with a redirect that reversion takes for success: ask before.
    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_restore_permission(request, obj):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        opts = self.model._meta
        versions = Version.objects.get_for_object(obj).select_related("revision", "revision__user")
        can_restore = self.has_restore_permission(request, obj)
        action_list = [
            {
                "version": version,
                "revision": version.revision,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=[quote(obj.pk), version.pk],
                )
                if can_restore
                else None,
            }
            for version in versions
        ]
        context = {
            "action_list": action_list,
            "compare_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_compare", args=[quote(obj.pk)]
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision", "revision__user")
        older = get_object_or_404(versions, pk=version_pk(request.GET.get("from")))
        newer = get_object_or_404(versions, pk=version_pk(request.GET.get("to")))
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": _("Compare versions of %(name)s") % {"name": obj},
            "older": older,
            "newer": newer,
            "changes": version_changes(self.model, older, newer),
        }
        return TemplateResponse(request, "admin/revision_compare.html", context)


def version_pk(text):
    """?from= and ?to= as a version id: ASCII digits only ("٢" or "abc" would be a 500), else 0 (404)."""
    return int(text) if text and text.isascii() and text.isdigit() else 0


def version_changes(model, older, newer):
    """(label, diff as HTML) for every field, and every followed object, that differs."""
    changes = []
    old_fields, new_fields = older.field_dict, newer.field_dict
    for field in model._meta.get_fields():
        name = getattr(field, "attname", None)
        if name is None or name in IGNORED_FIELDS or name not in new_fields:
            continue
        before, after = old_fields.get(name), new_fields.get(name)
        if before != after:
            label = getattr(field, "verbose_name", name)
            changes.append((str(label), inline_diff(display(before, field), display(after, field))))
    old_related, new_related = related_objects(older), related_objects(newer)
    if old_related != new_related:
        changes.append((_("Related items"), inline_diff("\n".join(old_related), "\n".join(new_related))))
    return changes


def related_objects(version):
    """What else the revision saved with the object: countries, themes, gallery images."""
    return sorted(
        f"{other.content_type.name}: {related_label(other)}"
        for other in version.revision.version_set.select_related("content_type").exclude(pk=version.pk)
    )


def related_label(version):
    # A tagging row's own text repeats the story's title; the tag is what tells it apart.
    tag_id = version.field_dict.get("tag_id")
    tag_model = getattr(version._model, "tag", None)
    if tag_id is not None and tag_model is not None:
        tag = tag_model.field.related_model.objects.filter(pk=tag_id).first()
        if tag is not None:
            return str(tag)
    return version.object_repr


def display(value, field=None):
    """A stored value as the editor knows it: a choice's label, a person's or a story's name
    rather than its id, yes or no, a local date and time."""
    if value is None or value == "":
        return ""
    if isinstance(value, list | tuple | set):
        if field is not None and field.many_to_many:
            names = {item.pk: str(item) for item in field.related_model._default_manager.filter(pk__in=value)}
            value = [names.get(pk, pk) for pk in value]
        return ", ".join(str(item) for item in value)
    if field is not None and getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and field.is_relation and field.many_to_one:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else _("(deleted, id %(id)s)") % {"id": value}
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def inline_diff(before, after):
    """Word-level diff of two texts, with <del> and <ins> marking what changed."""
    old_tokens, new_tokens = _TOKEN_RE.findall(before), _TOKEN_RE.findall(after)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = escape("".join(old_tokens[old_start:old_end]))
        added = escape("".join(new_tokens[new_start:new_end]))
        if operation == "equal":
            parts.append(removed)
            continue
        if removed:
            parts.append(f"<del>{removed}</del>")
        if added:
            parts.append(f"<ins>{added}</ins>")
    return mark_safe("".join(parts))  # every piece above is escaped
