"""Preview links in the story admin: editors create links for storytellers and revoke them, and
look at a story as it will appear without any link."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from balkanoscope.links import absolute_url
from stories.editorial.preview import preview_url
from stories.editorial.preview_views import render_preview
from stories.models import PreviewLink


def when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else gettext("never")


class PreviewLinksAdminMixin:
    """For StoryAdmin: the preview page for editors, and the preview links of a story."""

    def get_urls(self):
        opts = self.model._meta
        own = [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name=f"{opts.app_label}_{opts.model_name}_preview",
            ),
            path(
                "<path:object_id>/preview-links/",
                self.admin_site.admin_view(self.preview_links_view),
                name=f"{opts.app_label}_{opts.model_name}_preview_links",
            ),
        ]
        return [*own, *super().get_urls()]

    def story_for(self, request, object_id):
        story = self.get_object(request, unquote(object_id))
        if story is None or story.status == story.Status.WITHDRAWN:
            raise Http404
        if not self.has_view_or_change_permission(request, story):
            raise PermissionDenied
        return story

    def preview_view(self, request, object_id):
        """The story as it will appear, for anyone in the admin who may see it (never cached:
        admin_view adds never_cache)."""
        story = self.story_for(request, object_id)
        if story.is_public:
            return redirect(story)
        return render_preview(request, story, story_url=absolute_url(story.get_absolute_url()))

    @method_decorator(require_POST)
    def preview_links_view(self, request, object_id):
        """Create a link, revoke one, or revoke them all; then back to the story form."""
        story = self.story_for(request, object_id)
        if "create" in request.POST and not story.is_public:
            PreviewLink.create_for(story, request.user)
            messages.success(request, gettext("A new preview link was created: copy it from the list below."))
        elif "revoke_all" in request.POST:
            count = story.preview_links.revoke()
            messages.success(request, ngettext("%d preview link revoked.", "%d preview links revoked.", count) % count)
        elif (
            request.POST.get("revoke", "").isdigit() and story.preview_links.filter(pk=request.POST["revoke"]).revoke()
        ):
            messages.success(request, gettext("The preview link was revoked: it no longer opens the story."))
        opts = self.model._meta
        return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", story.pk)

    @admin.display(description=_("Preview links"))
    def preview_links(self, story):
        if not story.pk:
            return gettext("Save the story to get a preview link.")
        if story.status == story.Status.WITHDRAWN:
            return "—"
        if story.is_public:
            return format_html('<a href="{}">{}</a>', story.get_absolute_url(), gettext("View on site"))
        opts = self.model._meta
        action = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_preview_links", args=[story.pk])
        links = list(story.preview_links.active().select_related("created_by"))
        rows = format_html_join(
            "",
            '<li class="preview-link"><input class="preview-link__url vTextField" type="url" readonly value="{}" '
            'aria-label="{}"><div class="help">{}</div>'
            '<button type="submit" class="button" formaction="{}" formnovalidate name="revoke" value="{}">{}</button>'
            "</li>",
            (
                (
                    preview_url(link),
                    gettext("Preview link"),
                    gettext("Made by %(user)s on %(created)s; works until %(expires)s; last opened: %(used)s.")
                    % {
                        "user": link.created_by.get_username() if link.created_by else gettext("unknown"),
                        "created": when(link.created_at),
                        "expires": when(link.expires_at),
                        "used": when(link.last_used_at),
                    },
                    action,
                    link.pk,
                    gettext("Revoke"),
                )
                for link in links
            ),
        )
        revoke_all = (
            format_html(
                '<button type="submit" class="button" formaction="{}" formnovalidate name="revoke_all" value="1">'
                "{}</button>",
                action,
                gettext("Revoke all preview links"),
            )
            if links
            else ""
        )
        return format_html(
            '<ul class="preview-links">{}</ul><div class="preview-links__actions">'
            '<button type="submit" class="button" formaction="{}" formnovalidate name="create" value="1">{}</button>'
            ' {}</div><div class="help">{}</div>',
            rows,
            action,
            gettext("Create a preview link"),
            revoke_all,
            gettext(
                "Send a link to the storyteller to read the story before it goes out. Anyone holding it can read "
                "the story until it expires or is revoked; unpublishing revokes every link. Save your changes "
                "before using these buttons."
            ),
        )
