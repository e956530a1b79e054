"""The editorial workflow, driven through the admin by both roles with Django's test client."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
import reversion
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import html
from reversion.models import Version

from stories.editorial import consent
from stories.editorial.roles import CONTRIBUTOR, EDITOR
from stories.models import Story
from tests.factories import image_upload, make_story, make_user
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db

ADD_URL = "admin:stories_story_add"
CHANGELIST_URL = "admin:stories_story_changelist"


def change_url(story):
    return reverse("admin:stories_story_change", args=[story.pk])


@pytest.fixture
def editor():
    return make_user("editor", groups=[Group.objects.get(name=EDITOR)])


@pytest.fixture
def contributor():
    return make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


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


# Revisions ----------------------------------------------------------------


def test_editor_compares_two_versions_and_restores_the_first(editor_client):
    assert editor_client.post(reverse(ADD_URL), form_data(title="First title")).status_code == 302
    story = Story.objects.get()
    response = editor_client.post(change_url(story), form_data(story, title="Second title"))
    assert response.status_code == 302, errors(response)
    versions = list(Version.objects.get_for_object(story))  # newest first
    assert len(versions) == 2

    history = editor_client.get(reverse("admin:stories_story_history", args=[story.pk]))
    assert b"Compare the chosen versions" in history.content
    compare = editor_client.get(
        reverse("admin:stories_story_compare", args=[story.pk]), {"from": versions[1].pk, "to": versions[0].pk}
    )
    rows = html.fromstring(compare.content).cssselect(".revision-diff tbody tr")
    assert [row.cssselect("th")[0].text_content() for row in rows] == ["Title"]
    assert [d.text_content() for d in rows[0].cssselect("del")] == ["First"]
    assert [i.text_content() for i in rows[0].cssselect("ins")] == ["Second"]

    restore_url = reverse("admin:stories_story_revision", args=[story.pk, versions[1].pk])
    form = html.fromstring(editor_client.get(restore_url).content)
    assert form.cssselect("input[name=title]")[0].get("value") == "First title"
    token = form.cssselect("input[name=opened_edit_token]")[0].get("value")
    story.refresh_from_db()
    assert story.title == "Second title"  # looking at a revision changes nothing
    response = editor_client.post(restore_url, form_data(story, title="First title", opened_edit_token=token))
    assert response.status_code == 302, errors(response)
    story.refresh_from_db()
    assert story.title == "First title"
    assert Version.objects.get_for_object(story).count() == 3


def test_editor_recovers_a_deleted_story(editor_client):
    assert editor_client.post(reverse(ADD_URL), form_data(title="Deleted by mistake")).status_code == 302
    story = Story.objects.get()
    delete_url = reverse("admin:stories_story_delete", args=[story.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Story.objects.exists()

    recover_list = editor_client.get(reverse("admin:stories_story_recoverlist"))
    assert b"Deleted by mistake" in recover_list.content
    version = Version.objects.get_deleted(Story).get()
    recover_url = reverse("admin:stories_story_recover", args=[version.pk])
    form = html.fromstring(editor_client.get(recover_url).content)
    token = form.cssselect("input[name=opened_edit_token]")[0].get("value")
    data = form_data(title="Deleted by mistake", slug=story.slug, opened_edit_token=token)
    assert editor_client.post(recover_url, data).status_code == 302
    recovered = Story.objects.get()
    assert (recovered.pk, recovered.title) == (story.pk, "Deleted by mistake")
    assert [c.name for c in recovered.countries.all()] == ["Serbia"]


def test_second_of_two_concurrent_saves_is_refused_and_keeps_its_text(client, editor):
    story = make_story("Shared", status=Story.Status.DRAFT)
    first, second = client, client.__class__()
    first.force_login(editor)
    second.force_login(make_user("other-editor", groups=[Group.objects.get(name=EDITOR)]))
    opened = form_data(story)  # both open the same version of the story
    assert first.post(change_url(story), {**opened, "body": "<p>The first editor's text.</p>"}).status_code == 302

    response = second.post(change_url(story), {**opened, "body": "<p>The second editor's careful text.</p>"})
    assert response.status_code == 200
    assert "editor saved this story at" in errors(response)
    body = html.fromstring(response.content).cssselect("textarea[name=body]")[0]
    assert body.text_content().strip() == "<p>The second editor's careful text.</p>"
    story.refresh_from_db()
    assert story.body == "<p>The first editor's text.</p>"


# Consent record ---------------------------------------------------------------


def pdf_upload(name="consent.pdf", size=None):
    data = b"%PDF-1.4\n%fake but typed as PDF\n"
    if size:
        data = data.ljust(size, b"0")
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_consent_form_is_stored_privately_and_downloadable_only_by_editors(
    editor_client, settings, contributor, client
):
    story = make_story("With consent", status=Story.Status.REVIEW)
    data = form_data(
        story,
        has_consent="on",
        consent_given_on="2026-11-02",
        consent_method="signed_form",
        consent_form=pdf_upload("Ana Petrović signed.pdf"),
    )
    assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    stored = settings.PRIVATE_MEDIA_ROOT / story.consent_form.name
    assert stored.read_bytes().startswith(b"%PDF-")
    assert "Petrovi" not in story.consent_form.name  # the storyteller's name stays out of paths
    assert not list(settings.MEDIA_ROOT.rglob(story.consent_form.name.rsplit("/", 1)[1]))

    download_url = reverse("admin:stories_story_consent_form", args=[story.pk])
    page = editor_client.get(change_url(story)).content.decode()
    assert download_url in page
    response = editor_client.get(download_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    client.force_login(contributor)
    assert client.get(download_url).status_code == 403


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("form.pdf", b"<html><script>alert(1)</script></html>"), "PDF, JPEG or PNG"),
        (SimpleUploadedFile("form.pdf", b""), "empty"),
        (pdf_upload(size=consent.MAX_CONSENT_FORM_BYTES + 1), "the maximum is 10"),
    ],
)
def test_consent_form_must_be_a_pdf_or_image_of_limited_size(editor_client, settings, upload, message):
    story = make_story("Consent", status=Story.Status.REVIEW)
    response = editor_client.post(change_url(story), form_data(story, title="Kept title", consent_form=upload))
    assert response.status_code == 200
    assert message in errors(response)
    assert b"Kept title" in response.content
    assert not list(settings.PRIVATE_MEDIA_ROOT.rglob("*.*"))


# Gallery -------------------------------------------------------------------------


def gallery_data(index, **fields):
    return {f"gallery_images-{index}-{name}": value for name, value in fields.items()}


def test_gallery_images_need_alt_text_and_appear_after_the_body_with_srcset(editor_client, client):
    story = make_story("Pictures", has_consent=True)
    data = form_data(story, **{"gallery_images-TOTAL_FORMS": "1"})
    data.update(gallery_data(0, image=image_upload("first.jpg", size=(1000, 600)), alt="", caption="Kept caption"))
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "Describe the image" in errors(response) and b"Kept caption" in response.content
    assert not story.gallery_images.exists()

    data = form_data(story, **{"gallery_images-TOTAL_FORMS": "2"})
    data.update(gallery_data(0, image=image_upload("first.jpg", size=(1000, 600)), alt="A river", sort_order="2"))
    data.update(gallery_data(1, image=image_upload("second.png", fmt="PNG"), alt="A bridge", sort_order="1"))
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 302, errors(response)
    assert [image.alt for image in story.gallery_images.all()] == ["A bridge", "A river"]

    page = html.fromstring(client.get(story.get_absolute_url()).content)
    images = page.cssselect(".story__body ~ .story-gallery img")
    assert [img.get("alt") for img in images] == ["A bridge", "A river"]
    assert "480w" in images[1].get("srcset") and "800w" in images[1].get("srcset")


def test_removing_a_gallery_image_removes_its_files(editor_client, settings, django_capture_on_commit_callbacks):
    story = make_story("Pictures", has_consent=True)
    data = form_data(story, **{"gallery_images-TOTAL_FORMS": "1"})
    data.update(gallery_data(0, image=image_upload("gone.jpg"), alt="Soon gone", sort_order="0"))
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 302, errors(response)
    gallery_image = story.gallery_images.get()
    files = [Path(gallery_image.image.path)] + [settings.MEDIA_ROOT / r["name"] for r in gallery_image.renditions]
    assert all(file.exists() for file in files)
    story.refresh_from_db()
    data = form_data(story, **{"gallery_images-TOTAL_FORMS": "1", "gallery_images-INITIAL_FORMS": "1"})
    data.update(gallery_data(0, id=gallery_image.pk, story=story.pk, alt="Soon gone", sort_order="0", DELETE="on"))
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(change_url(story), data).status_code == 302
    assert not story.gallery_images.exists()
    assert not any(file.exists() for file in files)


# Admin comfort -----------------------------------------------------------------


def test_changelist_has_badges_filters_and_site_links(editor_client):
    make_story("Live one", has_consent=True, contributors=["Vesna"], hero_image=image_upload(), hero_image_alt="x")
    make_story("Draft one", status=Story.Status.DRAFT)
    response = editor_client.get(reverse(CHANGELIST_URL))
    tree = html.fromstring(response.content)
    assert tree.cssselect(".status-badge--published") and tree.cssselect(".status-badge--draft")
    links = {a.text_content() for a in tree.cssselect(".field-site_link a")}
    assert links == {"View on site", "Preview"}
    assert tree.cssselect("img.admin-thumbnail")
    vesna = Story.objects.get(title="Live one").contributors.get()
    by_contributor = editor_client.get(reverse(CHANGELIST_URL), {"contributors__id__exact": vesna.pk})
    assert b"Live one" in by_contributor.content and b"Draft one" not in by_contributor.content
    drafts = editor_client.get(reverse(CHANGELIST_URL), {"state": "draft"})
    assert b"Draft one" in drafts.content and b"Live one" not in drafts.content


def test_story_form_has_counters_rich_text_editor_and_no_inline_script(editor_client):
    response = editor_client.get(reverse(ADD_URL))
    tree = html.fromstring(response.content)
    assert tree.cssselect("input[name=seo_title][data-char-limit='60']")
    assert tree.cssselect("[name=seo_description][data-char-limit='160']")
    body = tree.cssselect("textarea[name=body]")[0]
    extensions = json.loads(body.get("data-django-prose-editor-configurable"))["extensions"]
    assert extensions["Heading"] == {"levels": [2, 3, 4]}
    assert "Table" not in extensions and "Strike" not in extensions and "Image" not in extensions
    scripts = tree.cssselect("script")
    assert any(s.get("src", "").endswith("js/admin/rich-text.js") for s in scripts)
    assert all(s.get("src") or s.get("type") == "application/json" for s in scripts), "no inline scripts"


def test_restoring_a_version_keeps_images_whole(editor_client, settings, django_capture_on_commit_callbacks):
    """The first version's photo was replaced (its files are gone): the restored story keeps
    today's photo; a gallery image added later goes, and its files with it."""
    data = form_data(title="Photos", hero_image=image_upload("first.jpg"), hero_image_alt="First photo")
    assert editor_client.post(reverse(ADD_URL), data).status_code == 302
    story = Story.objects.get()
    first_version = Version.objects.get_for_object(story).get()
    data = form_data(story, hero_image=image_upload("second.jpg"), hero_image_alt="Second photo")
    data.update({"gallery_images-TOTAL_FORMS": "1"})
    data.update(gallery_data(0, image=image_upload("extra.jpg"), alt="Extra", sort_order="0"))
    with django_capture_on_commit_callbacks(execute=True):  # replaced files leave storage on commit
        assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    second_hero = story.hero_image.name
    extra_files = [Path(story.gallery_images.get().image.path)]

    restore_url = reverse("admin:stories_story_revision", args=[story.pk, first_version.pk])
    token = html.fromstring(editor_client.get(restore_url).content).cssselect("input[name=opened_edit_token]")[0]
    data = form_data(story, hero_image_alt="First photo", opened_edit_token=token.get("value"))
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(restore_url, data)
    assert response.status_code == 302, errors(response)
    story.refresh_from_db()
    assert story.hero_image.name == second_hero and story.hero_image.storage.exists(second_hero)
    assert all(story.hero_image.storage.exists(r["name"]) for r in story.hero_renditions)
    assert not story.gallery_images.exists()
    assert not any(file.exists() for file in extra_files)


@pytest.mark.parametrize("model", ["partners/partner", "partners/page", "stories/country", "stories/contributor"])
def test_other_content_has_history_compare_and_recovery(editor_client, model):
    app, name = model.split("/")
    add_url = reverse(f"admin:{app}_{name}_add")
    data = {
        "partners/partner": {"name": "Fund", "slug": "fund", "description": "About.", "sort_order": "0"},
        "partners/page": {"title": "About", "slug": "about", "body": "<p>Hi</p>"},
        "stories/country": {"name": "Kosovo", "slug": "kosovo", "sort_order": "0"},
        "stories/contributor": {"name": "Ana", "slug": "ana", "role": "writer"},
    }[model]
    assert editor_client.post(add_url, data).status_code == 302
    obj = Version.objects.get_for_model(apps.get_model(app, name)).get().object
    assert editor_client.get(reverse(f"admin:{app}_{name}_history", args=[obj.pk])).status_code == 200
    assert editor_client.get(reverse(f"admin:{app}_{name}_recoverlist")).status_code == 200


def test_a_replaced_consent_form_leaves_the_private_storage(
    editor_client, settings, django_capture_on_commit_callbacks
):
    story = make_story("Consent", status=Story.Status.REVIEW)
    data = form_data(story, has_consent="on", consent_form=pdf_upload("first.pdf"))
    assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    first = settings.PRIVATE_MEDIA_ROOT / story.consent_form.name
    with django_capture_on_commit_callbacks(execute=True):
        data = form_data(story, consent_form=pdf_upload("second.pdf"))
        assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    assert not first.exists()
    assert (settings.PRIVATE_MEDIA_ROOT / story.consent_form.name).exists()
