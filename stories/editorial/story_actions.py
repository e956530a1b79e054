"""The story list's actions for editors: publish, unpublish, feature, stop featuring."""

from django.contrib import admin
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from stories.editorial.publish_action import publish_with_checklist
from stories.editorial.roles import can_publish
from stories.models import Story


class StoryActionsMixin:
    actions = ["publish", "unpublish", "feature", "unfeature", "withdraw"]

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def _save_each(self, request, stories, change):
        """Save one by one, so each change gets its revision, its log entry and a new edit token."""
        for story in stories:
            change(story)
            story.updated_by = request.user
            story.save()
            self.log_change(request, story, gettext("Changed by the list action."))

    @admin.action(permissions=["publish"], description=_("Publish the selected stories"))
    def publish(self, request, queryset):
        # The checklist first (publish_action.py), then only the stories no check holds back.
        return publish_with_checklist(self, request, queryset.exclude(status=Story.Status.WITHDRAWN))

    @admin.action(permissions=["publish"], description=_("Unpublish the selected stories (back to draft)"))
    def unpublish(self, request, queryset):
        stories = list(queryset.filter(status=Story.Status.PUBLISHED))
        self._save_each(request, stories, lambda story: setattr(story, "status", Story.Status.DRAFT))
        self.message_user(
            request, ngettext("%d story unpublished.", "%d stories unpublished.", len(stories)) % len(stories)
        )

    @admin.action(permissions=["publish"], description=_("Feature the selected stories on the home page"))
    def feature(self, request, queryset):
        self._save_each(
            request,
            list(queryset.exclude(status=Story.Status.WITHDRAWN)),
            lambda story: setattr(story, "is_featured", True),
        )

    @admin.action(permissions=["publish"], description=_("Stop featuring the selected stories"))
    def unfeature(self, request, queryset):
        self._save_each(request, list(queryset), lambda story: setattr(story, "is_featured", False))
