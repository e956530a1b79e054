"""The story admin's own pages beyond Django's: the session check, sending back, the checklist."""

from functools import partial

from django.urls import path

from stories.editorial.checklist_views import checklist_view
from stories.editorial.drafts import session_status
from stories.editorial.review_views import send_back_view


def newsroom_urls(model_admin):
    admin_view = model_admin.admin_site.admin_view
    return [
        # Not behind admin_view: it answers logged-out browsers too, which is how they learn it.
        path("session/", session_status, name="stories_story_session"),
        path(
            "checklist/", admin_view(partial(checklist_view, model_admin=model_admin)), name="stories_story_checklist"
        ),
        path(
            "<path:object_id>/checklist/",
            admin_view(partial(checklist_view, model_admin=model_admin)),
            name="stories_story_checklist",
        ),
        path(
            "<path:object_id>/send-back/",
            admin_view(partial(send_back_view, model_admin=model_admin)),
            name="stories_story_send_back",
        ),
    ]
