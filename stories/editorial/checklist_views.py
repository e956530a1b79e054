"""The checklist while the editor types: the story screen posts what its form holds (no files)
and gets the checks back, run by the same code as on saving (checklist.py)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from stories.editorial.checklist import GalleryEntry, StoryDraft, story_checklist, summary_line
from stories.editorial.roles import can_manage_consent
from stories.models import Story, Theme

GALLERY_PREFIX = "gallery_images"


def posted_gallery(data, story):
    """The gallery as the form holds it: rows kept, with an image stored or just chosen
    (the script says so: files are not posted here)."""
    stored = {str(pk) for pk in story.gallery_images.values_list("pk", flat=True)} if story else set()
    entries = []
    try:
        total = min(int(data.get(f"{GALLERY_PREFIX}-TOTAL_FORMS", 0)), 1000)
    except ValueError:
        total = 0
    for index in range(total):
        prefix = f"{GALLERY_PREFIX}-{index}-"
        if data.get(prefix + "DELETE"):
            continue
        has_image = data.get(prefix + "id", "") in stored or bool(data.get(prefix + "image_chosen"))
        if has_image:
            entries.append(GalleryEntry(True, data.get(prefix + "alt", ""), data.get(prefix + "caption", "")))
    return entries


def draft_from_post(data, story, user):
    """A StoryDraft of posted form data; what the form does not hold comes from the story."""
    saved = story or Story()
    theme_ids = [value for value in data.getlist("themes") if value.isdigit()]
    has_hero = bool(data.get("hero_image_chosen")) or (bool(saved.hero_image) and not data.get("hero_image-clear"))
    return StoryDraft(
        title=data.get("title", ""),
        subtitle=data.get("subtitle", ""),
        summary=data.get("summary", ""),
        body=data.get("body", ""),
        slug=data.get("slug", saved.slug),
        has_consent=bool(data.get("has_consent")) if can_manage_consent(user) else saved.has_consent,
        country_count=len([value for value in data.getlist("countries") if value.isdigit()]),
        theme_slugs=list(Theme.objects.filter(pk__in=theme_ids).values_list("slug", flat=True)),
        content_warning=data.get("content_warning", ""),
        has_hero_image=has_hero,
        hero_image_alt=data.get("hero_image_alt", ""),
        hero_image_caption=data.get("hero_image_caption", ""),
        gallery=posted_gallery(data, story),
        is_storyteller_anonymous=bool(data.get("is_storyteller_anonymous")),
        storyteller_name=data.get("storyteller_name", ""),
        was_published=saved.status == Story.Status.PUBLISHED,
    )


def checklist_context(request, story):
    """The checklist the story screen shows before its script runs: of what was posted, after
    a failed save; else of the saved story."""
    if request.method == "POST":
        draft = draft_from_post(request.POST, story, request.user)
    elif story is not None and story.pk:
        draft = StoryDraft.from_story(story)
    else:
        draft = StoryDraft()
    checks = story_checklist(draft)
    return {"story_checks": checks, "story_checks_summary": summary_line(checks)}


@require_POST
def checklist_view(request, object_id=None, *, model_admin):
    story = None
    if object_id is not None:
        story = model_admin.get_object(request, unquote(object_id))
        if story is None:
            raise Http404(gettext("No such story."))
    if not model_admin.has_view_permission(request, story):
        raise PermissionDenied
    checks = story_checklist(draft_from_post(request.POST, story, request.user))
    return JsonResponse({"summary": summary_line(checks), "checks": [check.as_json() for check in checks]})
