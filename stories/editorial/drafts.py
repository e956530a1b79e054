"""Nothing typed is lost: what the story screen's script needs to keep a draft in the browser,
and the session check it makes before sending the form.

The draft lives in the browser's localStorage only (static/js/admin/story-draft.js), under
the story's id and the edit token of the version it was made from: a save changes the token,
so a draft whose token is still the story's was never saved. The server keeps nothing.
"""

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from stories.models import Story
from stories.text import WORDS_PER_MINUTE


def draft_settings(request, story):
    """Data attributes of the story screen, read by story-draft.js."""
    own_latest = (
        Story.objects.filter(created_by=request.user)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return {
        "story": str(story.pk) if story and story.pk else "new",
        "edit_token": str(story.edit_token) if story and story.pk else "",
        "updated_by_me": bool(story and story.pk and story.updated_by_id == request.user.pk),
        # For a new story's draft: a story of this user created after the draft was begun
        # is that draft, saved.
        "own_latest_created_at": own_latest.isoformat() if own_latest else "",
        "server_now": timezone.now().isoformat(),
        "session_url": reverse("admin:stories_story_session"),
        "login_url": reverse("admin:login") + "?next=" + reverse("admin:index"),
        "words_per_minute": WORDS_PER_MINUTE,
    }


@never_cache
def session_status(request):
    """Whether the editor is still logged in; if so, the form's current CSRF token (a new
    login changes it, and the open form still carries the old one). Same-origin scripts
    only can read the answer."""
    user = request.user
    if user.is_active and user.is_staff:
        return JsonResponse({"authenticated": True, "csrfToken": get_token(request)})
    return JsonResponse({"authenticated": False}, status=401)
