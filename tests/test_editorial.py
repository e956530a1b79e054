"""The editorial workflow, driven through the admin by both roles with Django's test client."""

import importlib
from datetime import timedelta

import pytest
import reversion
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import html
from reversion.models import Version

from stories.editorial.roles import CONTRIBUTOR, EDITOR
from stories.models import Story
from tests.factories import make_story, make_user
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db

ADD_URL = "admin:stories_story_add"
CHANGELIST_URL = "admin:stories_story_changelist"


def change_url(story):
    return reverse("admin:stories_story_change", args=[story.pk])


def publish_time_fields(moment):
    local = timezone.localtime(moment)
    return {"published_at_0": f"{local:%Y-%m-%d}", "published_at_1": f"{local:%H:%M:%S}"}


def errors(response):
    return " ".join(e.text_content() for e in html.fromstring(response.content).cssselect(".errorlist, .errornote"))


def run_action(client, action, *stories):
    return client.post(
        reverse(CHANGELIST_URL),
        {"action": action, "_selected_action": [story.pk for story in stories], "index": "0"},
        follow=True,
    )


# Roles ---------------------------------------------------------------------


def test_migration_creates_both_roles_with_their_permissions():
    editor = make_user("e", groups=[Group.objects.get(name=EDITOR)])
    contributor = make_user("c", groups=[Group.objects.get(name=CONTRIBUTOR)])
    assert editor.has_perms(["stories.publish_story", "stories.manage_consent", "partners.change_page"])
    assert editor.has_perms(["stories.delete_country", "stories.change_theme", "stories.add_contributor"])
    assert contributor.has_perms(["stories.add_story", "stories.change_story", "stories.view_contributor"])
    assert not contributor.has_perm("stories.publish_story")
    assert not contributor.has_perm("stories.manage_consent")
    assert not contributor.has_perm("partners.change_page")


def test_add_to_role_command_creates_a_staff_login_and_moves_between_roles(capsys):
    call_command("add_to_role", "mira", "contributor")
    user = Group.objects.get(name=CONTRIBUTOR).user_set.get(username="mira")
    assert user.is_staff and not user.has_usable_password()
    call_command("add_to_role", "mira", "editor")
    assert [group.name for group in user.groups.all()] == [EDITOR]
    assert "changepassword mira" in capsys.readouterr().out


# Contributor ------------------------------------------------------------------


def test_contributor_creates_a_draft_and_submits_it_for_review(contributor_client, contributor):
    response = contributor_client.post(reverse(ADD_URL), form_data(title="My draft"))
    assert response.status_code == 302, errors(response)
    story = Story.objects.get()
    assert (story.status, story.created_by, story.updated_by) == ("draft", contributor, contributor)

    response = contributor_client.post(change_url(story), form_data(story, status="review"))
    assert response.status_code == 302, errors(response)
    story.refresh_from_db()
    assert story.status == Story.Status.REVIEW
    # In review, the story is the editors' now: the contributor may look but not change it.
    assert contributor_client.get(change_url(story)).status_code == 200
    assert contributor_client.post(change_url(story), form_data(story, title="Changed")).status_code == 403


def test_contributor_cannot_publish_schedule_or_feature_by_a_hand_made_post(contributor_client, contributor):
    story = make_story("Mine", status=Story.Status.DRAFT, created_by=contributor)
    tomorrow = timezone.now() + timedelta(days=1)
    data = form_data(story, status="published", is_featured="on", has_consent="on", **publish_time_fields(tomorrow))
    response = contributor_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "Select a valid choice" in errors(response)

    response = contributor_client.post(
        change_url(story), form_data(story, is_featured="on", has_consent="on", **publish_time_fields(tomorrow))
    )
    assert response.status_code == 302, errors(response)
    story.refresh_from_db()
    assert (story.status, story.is_featured, story.published_at, story.has_consent) == ("draft", False, None, False)


def test_contributor_cannot_see_or_edit_another_persons_story(contributor_client):
    other = make_story("Someone else's", status=Story.Status.DRAFT, created_by=make_user("someone"))
    assert contributor_client.get(change_url(other)).status_code == 302  # "does not exist"
    contributor_client.post(change_url(other), form_data(other, title="Hijacked"))
    other.refresh_from_db()
    assert other.title == "Someone else's"
    changelist = contributor_client.get(reverse(CHANGELIST_URL))
    assert b"Someone else" not in changelist.content


def test_contributor_cannot_delete_a_published_story_but_can_delete_a_draft(contributor_client, contributor):
    published = make_story("Out there", created_by=contributor, has_consent=True)
    draft = make_story("Not yet", status=Story.Status.DRAFT, created_by=contributor)
    delete_url = reverse("admin:stories_story_delete", args=[published.pk])
    assert contributor_client.post(delete_url, {"post": "yes"}).status_code == 403
    response = run_action(contributor_client, "delete_selected", published)
    assert b"have permission to delete the following types of objects" in response.content
    contributor_client.post(
        reverse(CHANGELIST_URL), {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"}
    )
    assert Story.objects.filter(pk=published.pk).exists()

    draft_delete = reverse("admin:stories_story_delete", args=[draft.pk])
    assert contributor_client.post(draft_delete, {"post": "yes"}).status_code == 302
    assert not Story.objects.filter(pk=draft.pk).exists()


def test_contributor_cannot_use_the_editors_actions(contributor_client, contributor):
    story = make_story("Mine", status=Story.Status.DRAFT, created_by=contributor, has_consent=True)
    for action in ("publish", "feature"):
        run_action(contributor_client, action, story)
    story.refresh_from_db()
    assert (story.status, story.is_featured) == ("draft", False)


def test_contributor_sees_no_consent_record_and_cannot_restore_or_recover(contributor_client, contributor):
    story = make_story("Mine", status=Story.Status.DRAFT, created_by=contributor)
    page = contributor_client.get(change_url(story)).content.decode()
    assert 'name="has_consent"' not in page and "consent_form" not in page
    assert contributor_client.get(reverse("admin:stories_story_recoverlist")).status_code == 403
    other = make_story("Other", status=Story.Status.DRAFT, created_by=make_user("someone"))
    with_revision(other)
    version = Version.objects.get_for_object(other).first()
    restore = reverse("admin:stories_story_revision", args=[other.pk, version.pk])
    assert contributor_client.post(restore, form_data(other, title="Hijacked")).status_code == 403
    other.refresh_from_db()
    assert other.title == "Other"


def with_revision(story):
    with reversion.create_revision():
        story.save()


# Editor: publishing ---------------------------------------------------------


def test_editor_cannot_publish_without_recorded_consent(editor_client):
    story = make_story("Waiting", status=Story.Status.REVIEW)
    response = editor_client.post(change_url(story), form_data(story, status="published"))
    assert response.status_code == 200
    assert "consent is recorded" in errors(response)
    story.refresh_from_db()
    assert story.status == Story.Status.REVIEW


def test_setting_relaxes_the_consent_rule_for_archives(editor_client, settings):
    settings.STORY_PUBLISH_WITHOUT_CONSENT = True
    story = make_story("Archive", status=Story.Status.REVIEW)
    response = editor_client.post(change_url(story), form_data(story, status="published"))
    assert response.status_code == 302, errors(response)


def test_editor_publishes_and_the_story_goes_public(editor_client, client, editor):
    story = make_story("Ready", status=Story.Status.REVIEW)
    public_url = story.get_absolute_url()
    assert client.get(public_url).status_code == 404
    response = editor_client.post(change_url(story), form_data(story, status="published", has_consent="on"))
    assert response.status_code == 302, errors(response)
    story.refresh_from_db()
    assert story.is_public and story.updated_by == editor
    assert client.get(public_url).status_code == 200
    page = html.fromstring(editor_client.get(change_url(story)).content)
    assert page.cssselect("a.viewsitelink")[0].get("href") == public_url
    assert "Preview" not in [a.text_content() for a in page.cssselect(".object-tools a")]
    assert "Published" in page.cssselect(".field-publication_state")[0].text_content()
    assert "by editor" in page.cssselect(".field-last_changed")[0].text_content()


def test_editor_schedules_a_story_for_later(editor_client, client):
    story = make_story("Tomorrow", status=Story.Status.REVIEW, has_consent=True)
    tomorrow = timezone.now() + timedelta(days=1)
    data = form_data(story, status="published", **publish_time_fields(tomorrow))
    assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    assert story.is_scheduled
    assert client.get(story.get_absolute_url()).status_code == 404
    assert story not in Story.objects.published()
    page = html.fromstring(editor_client.get(change_url(story)).content)
    assert "Scheduled for" in page.cssselect(".field-publication_state")[0].text_content()
    assert "Preview" in [a.text_content() for a in page.cssselect(".object-tools a")]
    changelist = editor_client.get(reverse(CHANGELIST_URL), {"state": "scheduled"})
    assert b"status-badge--scheduled" in changelist.content and b"Tomorrow" in changelist.content


def test_editor_actions_publish_unpublish_feature_and_unfeature(editor_client, client):
    filed = {"countries": ["Serbia"], "themes": ["Poverty"]}
    ready = make_story("Ready", status=Story.Status.REVIEW, has_consent=True, **filed)
    no_consent = make_story("No consent", status=Story.Status.REVIEW, **filed)
    response = run_action(editor_client, "publish", ready, no_consent)  # the checklist first
    assert b"No consent" in response.content and b"held back" in response.content
    response = editor_client.post(
        reverse(CHANGELIST_URL), {"action": "publish", "_selected_action": [ready.pk], "post": "yes"}, follow=True
    )
    assert b"1 story published." in response.content
    ready.refresh_from_db(), no_consent.refresh_from_db()
    assert ready.is_public and no_consent.status == Story.Status.REVIEW

    run_action(editor_client, "feature", ready)
    ready.refresh_from_db()
    assert ready.is_featured
    run_action(editor_client, "unfeature", ready)
    ready.refresh_from_db()
    assert not ready.is_featured

    run_action(editor_client, "unpublish", ready)
    ready.refresh_from_db()
    assert ready.status == Story.Status.DRAFT
    assert client.get(ready.get_absolute_url()).status_code == 404
    assert Version.objects.get_for_object(ready).count() == 4  # each action kept a revision


def test_making_the_roles_again_leaves_every_app_visible_to_dumpdata_and_post_migrate():
    # The roles fixture runs the migration's function with the project's app registry (after a
    # transactional test); clearing models_module there once hid every app from dumpdata and
    # from the content types of a flush.
    importlib.import_module("stories.migrations.0003_create_editor_and_contributor_roles").create_roles(apps, None)

    assert all(app_config.models_module for app_config in apps.get_app_configs() if app_config.label == "stories")
