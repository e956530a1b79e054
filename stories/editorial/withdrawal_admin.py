"""Withdrawal in the story admin: a Withdraw button on the story form and a list action, each
asking for the private reason and a confirmation, then showing the editor's checklist."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stories.editorial.roles import can_manage_consent, can_publish
from stories.editorial.withdrawal import withdraw_story, withdrawal_checklist
from stories.models import Story


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("Why and how the storyteller withdrew consent. Kept privately, for editors only."),
    )
    confirm = forms.BooleanField(
        label=_("I understand: the story's text, images and history are deleted for good."),
    )


class WithdrawalAdminMixin:
    """For StoryAdmin (the list action is named in StoryActionsMixin.actions)."""

    def get_urls(self):
        withdraw = path(
            "<path:object_id>/withdraw/",
            self.admin_site.admin_view(self.withdraw_view),
            name="stories_story_withdraw",
        )
        return [withdraw, *super().get_urls()]

    def withdraw_view(self, request, object_id):
        if not can_publish(request.user):
            raise PermissionDenied
        story = self.get_object(request, unquote(object_id))
        if story is None:
            raise Http404
        if story.status == Story.Status.WITHDRAWN:
            return redirect("admin:stories_story_change", story.pk)
        form = WithdrawalForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            return self.withdraw_all(request, [story], form.cleaned_data["reason"])
        return self.withdrawal_form_response(request, [story], form, in_action=False)

    @admin.action(permissions=["publish"], description=_("Withdraw the selected stories (consent withdrawn)"))
    def withdraw(self, request, queryset):
        stories = list(queryset.exclude(status=Story.Status.WITHDRAWN))
        if not stories:
            self.message_user(request, gettext("These stories are withdrawn already."))
            return None
        form = WithdrawalForm(request.POST if "apply_withdrawal" in request.POST else None)
        if form.is_valid():
            return self.withdraw_all(request, stories, form.cleaned_data["reason"])
        return self.withdrawal_form_response(request, stories, form, in_action=True)

    def withdraw_all(self, request, stories, reason):
        withdrawn = []
        for story in stories:
            withdrawn.append(withdraw_story(story, reason=reason, user=request.user))
            story.refresh_from_db()
            self.log_change(request, story, gettext("Withdrawn at the storyteller's request."))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Withdrawn: what the site cannot remove by itself"),
            "checklists": [(item, withdrawal_checklist(item)) for item in withdrawn],
        }
        return TemplateResponse(request, "admin/stories/story/withdrawal_checklist.html", context)

    def withdrawal_form_response(self, request, stories, form, *, in_action):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Withdraw a story"),
            "stories": stories,
            "form": form,
            "in_action": in_action,
        }
        return TemplateResponse(request, "admin/stories/story/withdraw.html", context)

    @admin.display(description=_("Withdrawal"))
    def withdrawal_details(self, story):
        withdrawal = getattr(story, "withdrawal", None)
        if withdrawal is None:
            return "—"
        return gettext("Withdrawn at the storyteller's request on %(time)s by %(user)s.") % {
            "time": formats.date_format(timezone.localtime(withdrawal.withdrawn_at), "DATETIME_FORMAT"),
            "user": withdrawal.withdrawn_by.get_username() if withdrawal.withdrawn_by else gettext("unknown"),
        }

    @admin.display(description=_("Reason (private)"))
    def withdrawal_reason(self, story):
        withdrawal = getattr(story, "withdrawal", None)
        return withdrawal.reason if withdrawal else "—"

    def withdrawn_fieldsets(self, request):
        """The form of a withdrawn story: nothing of it is left to edit."""
        fieldsets = [(_("Withdrawn"), {"fields": ["publication_state", "withdrawal_details"]})]
        if can_manage_consent(request.user):
            fieldsets[0][1]["fields"].append("withdrawal_reason")
            fieldsets.append((_("Consent (editors only)"), {"fields": ["consent_record", "consent_history"]}))
        return fieldsets
