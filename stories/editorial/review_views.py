"""The send-back page: an editor returns a story in review to its contributor, with a note."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stories.editorial.review import send_back
from stories.editorial.roles import can_publish
from stories.models import Story


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=_("What should change before it can go out?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=4000,
        help_text=_("The contributor sees this note on the story and on their home page."),
    )


def send_back_view(request, object_id, *, model_admin):
    if not can_publish(request.user):
        raise PermissionDenied
    story = model_admin.get_object(request, unquote(object_id))
    if story is None:
        raise Http404(gettext("No such story."))
    change_url = reverse("admin:stories_story_change", args=[story.pk])
    if story.status != Story.Status.REVIEW:
        messages.warning(request, gettext("Only a story in review can be sent back."))
        return redirect(change_url)
    form = SendBackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        send_back(story, request.user, form.cleaned_data["note"])
        model_admin.log_change(request, story, gettext("Sent back to the contributor with a note."))
        messages.success(request, gettext("“%(title)s” was sent back with your note.") % {"title": story.title})
        return redirect("admin:index")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Send “%(title)s” back") % {"title": story.title},
        "story": story,
        "form": form,
        "change_url": change_url,
        "opts": model_admin.opts,
    }
    return TemplateResponse(request, "admin/stories/story/send_back.html", context)
