"""The story admin's sections and fields, for each role: which fields the form edits, in which
section and order, and which lines the admin only shows."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from stories.editorial.forms import StoryAdminForm
from stories.editorial.roles import CONTRIBUTOR, EDITOR
from stories.models import Story
from tests.factories import make_story, make_user

pytestmark = pytest.mark.django_db

CONTENT = ["title", "subtitle", "summary", "body"]
STATUS = ("Status", {"fields": ["status", "publication_state"]})
PUBLISHING = (
    "Schedule and preview",
    {
        "fields": [
            "published_at",
            "is_featured",
            "last_changed",
            "preview_links",
            "reading_time",
            "created_at",
            "updated_at",
        ]
    },
)
CONSENT = (
    "Consent (editors only)",
    {
        "fields": [
            "has_consent",
            "consent_given_on",
            "consent_method",
            "consent_notes",
            "consent_review_on",
            "consent_form",
            "consent_history",
        ],
        "description": "A story cannot be published until the storyteller's consent is recorded.",
    },
)
CLASSIFICATION = ("Countries, themes and keywords", {"fields": ["countries", "themes", "tags", "content_warning"]})
STORYTELLER = ("Storyteller", {"fields": ["storyteller_name", "is_storyteller_anonymous", "location", "contributors"]})
IMAGE = ("Hero image", {"fields": ["hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"]})
SEO = ("SEO and sharing", {"fields": ["seo_title", "seo_description", "social_image_override"]})
ADDRESS = ("Address and language", {"fields": ["slug", "language", "languages"]})
ALWAYS_READ_ONLY = [
    *("reading_time", "created_at", "updated_at", "publication_state", "last_changed", "preview_links", "languages"),
    *("body_as_published", "consent_history", "consent_record", "withdrawal_details", "withdrawal_reason"),
]


def admin_form(client, user, story=None):
    """(fieldsets, read-only fields, the form's fields in order) of the add or change page."""
    client.force_login(user)
    if story is None:
        url = reverse("admin:stories_story_add")
    else:
        url = reverse("admin:stories_story_change", args=[story.pk])
    response = client.get(url)
    assert response.status_code == 200
    admin_form = response.context["adminform"]
    fieldsets = [
        (str(name), {key: [*map(str, v)] if key == "fields" else str(v) for key, v in options.items()})
        for name, options in admin_form.fieldsets
    ]
    return fieldsets, list(admin_form.readonly_fields), list(admin_form.form.fields)


def edited_fields(fieldsets, read_only):
    return [name for _, options in fieldsets for name in options["fields"] if name not in read_only]


@pytest.mark.parametrize("existing", [False, True])
def test_editor_sees_every_section_with_consent_before_seo(client, existing):
    editor = make_user("editor", groups=[Group.objects.get(name=EDITOR)])
    story = make_story("Bor") if existing else None
    fieldsets, read_only, form_fields = admin_form(client, editor, story)
    assert fieldsets == [
        STATUS,
        ("Story", {"fields": [*CONTENT, "opened_edit_token"]}),
        PUBLISHING,
        CONSENT,
        CLASSIFICATION,
        STORYTELLER,
        IMAGE,
        SEO,
        ADDRESS,
    ]
    assert sorted(read_only) == sorted(ALWAYS_READ_ONLY)
    assert form_fields == edited_fields(fieldsets, read_only)


def test_contributor_gets_no_consent_section_and_cannot_set_editor_only_fields(client):
    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    fieldsets, read_only, form_fields = admin_form(client, contributor)
    assert fieldsets == [
        STATUS,
        ("Story", {"fields": [*CONTENT, "opened_edit_token"]}),
        PUBLISHING,
        CLASSIFICATION,
        STORYTELLER,
        IMAGE,
        SEO,
        ADDRESS,
    ]
    assert sorted(read_only) == sorted([*ALWAYS_READ_ONLY, "published_at", "is_featured"])
    assert form_fields == edited_fields(fieldsets, read_only)


def test_a_story_the_user_may_only_view_has_no_edit_token(client):
    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    story = make_story("In review", status=Story.Status.REVIEW, created_by=contributor)
    fieldsets, _, _ = admin_form(client, contributor, story)
    # Read-only, the body is shown as readers see it, not as HTML source.
    assert fieldsets[1] == (
        "Story",
        {"fields": [name if name != "body" else "body_as_published" for name in CONTENT]},
    )


def test_the_form_on_its_own_edits_every_section_field():
    assert sorted(StoryAdminForm._meta.fields) == sorted(
        [
            *CONTENT,
            *IMAGE[1]["fields"],
            *CLASSIFICATION[1]["fields"],
            *STORYTELLER[1]["fields"],
            "status",
            "published_at",
            "is_featured",
            *(name for name in CONSENT[1]["fields"] if name != "consent_history"),
            *SEO[1]["fields"],
            *(name for name in ADDRESS[1]["fields"] if name != "languages"),
        ]
    )
