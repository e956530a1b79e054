"""The editorial workflow, continued: revisions, the consent record, the gallery, admin comfort."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html
from reversion.models import Version

from stories.editorial import consent
from stories.editorial.roles import EDITOR
from stories.models import Story
from tests.factories import image_upload, make_story, make_user
from tests.factories import story_form_data as form_data
from tests.test_editorial import ADD_URL, CHANGELIST_URL, change_url, errors

pytestmark = pytest.mark.django_db


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
        "stories/country": {"name_en": "Kosovo", "slug": "kosovo", "sort_order": "0"},  # a name per language
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
