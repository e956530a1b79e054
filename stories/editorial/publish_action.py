"""The story list's Publish action, with the checklist: the selected stories' checks on a
page first, then only the stories no check holds back are published."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext

from stories.editorial.checklist import StoryDraft, blocking_failures, story_checklist, summary_line
from stories.models import Story


@dataclass
class StoryReview:
    story: Story
    checks: list
    summary: str

    @property
    def is_held_back(self):
        return bool(blocking_failures(self.checks))


def review(queryset):
    stories = queryset.prefetch_related("countries", "themes", "gallery_images")
    reviews = []
    for story in stories:
        checks = story_checklist(StoryDraft.from_story(story))
        reviews.append(StoryReview(story, checks, summary_line(checks)))
    return reviews


def publish_with_checklist(model_admin, request, queryset):
    reviews = review(queryset)
    ready = [item.story for item in reviews if not item.is_held_back]
    if request.POST.get("post") != "yes":
        context = {
            **model_admin.admin_site.each_context(request),
            "title": gettext("Publish: the checklist"),
            "opts": model_admin.opts,
            "reviews": reviews,
            "ready": ready,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/stories/story/publish_checklist.html", context)

    held_back = [item.story.title for item in reviews if item.is_held_back]
    if held_back:
        model_admin.message_user(
            request,
            gettext("Not published, because a check holds them back: %(titles)s") % {"titles": ", ".join(held_back)},
            messages.ERROR,
        )

    def publish(story):
        story.status = Story.Status.PUBLISHED  # a future publish time stays: the story is scheduled

    model_admin._save_each(request, ready, publish)
    if ready:
        model_admin.message_user(
            request, ngettext("%d story published.", "%d stories published.", len(ready)) % len(ready)
        )
    return None
