"""The consent record in the story admin: the signed form's download and the record's history."""

from datetime import timedelta

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.urls import path
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stories.editorial.consent import content_type_for
from stories.editorial.roles import can_manage_consent
from stories.models import Story, consent_values, record_consent_changes


class ConsentReviewListFilter(admin.SimpleListFilter):
    """Stories whose "review consent by" date has passed, or comes within a month."""

    title = _("consent review")
    parameter_name = "consent_review"

    def lookups(self, request, model_admin):
        return [("due", _("Review date passed")), ("soon", _("Due within 30 days"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "due":
            return queryset.filter(consent_review_on__lt=today).exclude(status=Story.Status.WITHDRAWN)
        if self.value() == "soon":
            return queryset.filter(consent_review_on__gte=today, consent_review_on__lte=today + timedelta(days=30))
        return queryset


class ConsentAdminMixin:
    """For StoryAdmin: editors download signed forms through the admin, and every change of a
    story's consent record is kept with who made it and when, shown to editors on the form."""

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return [*filters, ConsentReviewListFilter] if can_manage_consent(request.user) else filters

    def save_model(self, request, obj, form, change):
        before = consent_values(Story.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        record_consent_changes(obj, before, request.user)

    @admin.display(description=_("History of the consent record"))
    def consent_history(self, story):
        changes = list(story.consent_changes.select_related("changed_by")) if story.pk else []
        if not changes:
            return gettext("No changes recorded yet.")
        rows = (
            (
                formats.date_format(timezone.localtime(change.changed_at), "DATETIME_FORMAT"),
                change.changed_by.get_username() if change.changed_by else gettext("unknown"),
                "; ".join(describe_consent_change(item) for item in change.changes),
            )
            for change in changes
        )
        return format_html(
            '<table class="consent-history"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            gettext("When"),
            gettext("Who"),
            gettext("What changed"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    # The signed form's download ---------------------------------------------------------

    def get_urls(self):
        download = path(
            "<path:object_id>/consent-form/",
            self.admin_site.admin_view(self.consent_form_view),
            name="stories_story_consent_form",
        )
        return [download, *super().get_urls()]

    def consent_form_view(self, request, object_id):
        if not can_manage_consent(request.user):
            raise PermissionDenied
        story = self.get_object(request, unquote(object_id))
        if story is None or not story.consent_form or not story.consent_form.storage.exists(story.consent_form.name):
            raise Http404(gettext("This story has no signed consent form."))
        name = story.consent_form.name
        extension = name[name.rfind(".") :] if "." in name else ""
        response = FileResponse(
            story.consent_form.open("rb"),
            as_attachment=True,
            filename=f"consent-{story.slug}{extension}",
            content_type=content_type_for(name),
        )
        response["Cache-Control"] = "private, no-store"
        return response


def describe_consent_change(item):
    """One field's change in words, e.g. "consent given: no → yes"."""
    field = Story._meta.get_field(item["field"])
    return gettext("%(field)s: %(before)s → %(after)s") % {
        "field": field.verbose_name,
        "before": consent_value_text(field, item["from"]),
        "after": consent_value_text(field, item["to"]),
    }


def consent_value_text(field, value):
    if field.name == "has_consent":
        return gettext("yes") if value else gettext("no")
    if not value:
        return "—"
    if field.name == "consent_method":
        return str(dict(Story.ConsentMethod.choices).get(value, value))
    if field.name == "consent_form":
        return gettext("a signed form (%(name)s)") % {"name": value.rsplit("/", 1)[-1][:8]}
    if field.name == "consent_notes":
        return f"“{value}”"
    return str(value)
