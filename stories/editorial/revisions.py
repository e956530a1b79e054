"""History, comparison and restore of revisions (django-reversion) in the admin."""

import difflib
import re
from contextlib import nullcontext
from datetime import date, datetime

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core import serializers
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import connections, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.encoding import force_str
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.revisions import _follow_relations_recursive, _get_content_type, _get_options, set_comment
from reversion.utils import mute_signals

# Bookkeeping that changes on every save and means nothing to a reader of the history.
IGNORED_FIELDS = {"edit_token", "updated_at", "reading_time"}
_TOKEN_RE = re.compile(r"<[^>]*>|\s+|[^\s<]+")


class _KeepNothing(Exception):
    """Raised to roll a restore page back after rendering it (a GET, or a form with errors)."""

    def __init__(self, response):
        self.response = response


class HistoryAdmin(VersionAdmin):
    """VersionAdmin plus a compare view, with restore and recovery checked before anything changes.

    Restoring is an edit: fields named in ``fields_kept_on_restore`` (a story's status, publish
    time, consent record…) keep the values they have now, and the restore page lists every
    change the restore will make before the editor confirms it. Subclasses repair what else a
    restore must not bring back in ``after_revert()``.
    """

    object_history_template = "admin/revision_history.html"
    change_list_template = "admin/recoverable_change_list.html"
    revision_form_template = "admin/revision_form.html"
    fields_kept_on_restore = ()
    restore_note = _lazy("Restoring brings this version back as an edit. Check the form below, then save to restore.")

    def is_restore_request(self, request):
        """True on the restore page of a version (not on recovery of a deleted object)."""
        opts = self.model._meta
        match = getattr(request, "resolver_match", None)
        return match is not None and match.url_name == f"{opts.app_label}_{opts.model_name}_revision"

    def before_revert(self, request, obj):
        """What after_revert() needs to know about `obj` as it is just before a version replaces it
        (None when recovering a deleted object)."""
        if obj is None:
            return {"kept": None}
        return {"kept": {name: getattr(obj, name) for name in self.fields_kept_on_restore}}

    def after_revert(self, request, obj, before):
        """Called with the reverted object, inside the restore's transaction, before the form is
        built from it: puts back the fields a restore keeps."""
        kept = before["kept"]
        if kept:
            for name, value in kept.items():
                setattr(obj, name, value)
            type(obj)._default_manager.filter(pk=obj.pk).update(**kept)

    # django-reversion 6's view for restore and recovery, with before_revert()/after_revert()
    # around the revert (it has no hook between reverting and building the form) and the
    # changes the restore makes handed to the page.
    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        if not connections[version.db].features.uses_savepoints:
            raise ImproperlyConfigured("Cannot use VersionAdmin with a database that does not support savepoints.")
        if version._model is not self.model:
            raise Http404
        # Looking at a version changes nothing: no signal receiver may act on the trial revert.
        signals = (
            mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
            if request.method == "GET"
            else nullcontext()
        )
        manager = self.model._default_manager.using(version.db)
        try:
            with transaction.atomic(using=version.db), signals:
                current = manager.filter(pk=version.object_id).first()
                before = self.before_revert(request, current)
                now = Snapshot(current) if current is not None else None
                version.revision.revert(delete=True)
                restored = manager.get(pk=version.object_id)
                self.after_revert(request, restored, before)
                context = {"restore_note": self.restore_note, **(extra_context or {})}
                if now is not None:
                    context["restore_changes"] = version_changes(
                        self.model, now, Snapshot(restored), editable_only=True
                    )
                with self.create_revision(request):
                    response = self.changeform_view(request, quote(str(restored.pk)), request.path, context)
                    if request.method == "POST" and response.status_code == 302:
                        when = localize(template_localtime(version.revision.date_created))
                        set_comment(_("Reverted to previous version, saved on %(datetime)s") % {"datetime": when})
                    elif response.status_code == 200:
                        response.template_name = template_name
                        response.render()  # now, while the trial revert is still in place
                        raise _KeepNothing(response)
                    else:
                        raise RevertError(
                            _("Could not load %(object_repr)s version - not found") % {"object_repr": version}
                        )
        except (RevertError, models.ProtectedError) as error:
            messages.error(request, force_str(error))
            opts = self.model._meta
            return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
        except _KeepNothing as rolled_back:
            return rolled_back.response
        return response

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


class Snapshot:
    """An object as it is now, in the shape version_changes() compares: its fields as a version
    would store them, and the followed objects (countries, themes, gallery) a revision would hold."""

    def __init__(self, obj):
        self.field_dict = unsaved_version(obj).field_dict
        self.related = sorted(
            related_line(unsaved_version(other)) for other in _follow_relations_recursive(obj) if other != obj
        )


def unsaved_version(obj):
    """A Version of `obj` as it is now, built as django-reversion builds one (with the helpers its
    own admin uses), but not saved."""
    options = _get_options(type(obj))
    return Version(
        content_type=_get_content_type(type(obj), obj._state.db),
        object_id=force_str(obj.pk),
        format=options.format,
        serialized_data=serializers.serialize(options.format, (obj,), fields=options.fields),
        object_repr=force_str(obj),
    )


def version_pk(text):
    """?from= and ?to= as a version id: ASCII digits only ("٢" or "abc" would be a 500), else 0 (404)."""
    return int(text) if text and text.isascii() and text.isdigit() else 0


def version_changes(model, older, newer, *, editable_only=False):
    """(label, diff as HTML) for every field, and every followed object, that differs between
    two versions or Snapshots. `editable_only` leaves out what the site sets itself (who saved,
    the media key): what a restore will change, as the editor sees it."""
    changes = []
    old_fields, new_fields = older.field_dict, newer.field_dict
    for field in model._meta.get_fields():
        name = getattr(field, "attname", None)
        if name is None or name in IGNORED_FIELDS or name not in new_fields or (editable_only and not field.editable):
            continue
        before, after = old_fields.get(name), new_fields.get(name)
        if before != after:
            label = getattr(field, "verbose_name", name)
            changes.append((str(label), inline_diff(display(before, field), display(after, field))))
    old_related, new_related = related_items(older), related_items(newer)
    if old_related != new_related:
        changes.append((_("Related items"), inline_diff("\n".join(old_related), "\n".join(new_related))))
    return changes


def related_items(version):
    return version.related if isinstance(version, Snapshot) else related_objects(version)


def related_objects(version):
    """What else the revision saved with the object: countries, themes, gallery images."""
    return sorted(
        related_line(other)
        for other in version.revision.version_set.select_related("content_type").exclude(pk=version.pk)
    )


def related_line(version):
    return f"{version.content_type.name}: {related_label(version)}"


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
