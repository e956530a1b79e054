"""Preview links are records: made from the story form, revocable one by one or all at once,
revoked by unpublishing, expiring after STORY_PREVIEW_MAX_AGE."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from lxml import html

from stories.editorial.preview import PREVIEW_SALT, preview_path, preview_token
from stories.editorial.roles import CONTRIBUTOR
from stories.models import PreviewLink, Story
from tests.factories import make_story, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader():
    """A storyteller's browser: no login."""
    return Client()


def links_url(story):
    return reverse("admin:stories_story_preview_links", args=[story.pk])


def change_url(story):
    return reverse("admin:stories_story_change", args=[story.pk])


def copyable_links(client, story):
    page = html.fromstring(client.get(change_url(story)).content)
    return [field.get("value") for field in page.cssselect(".field-preview_links .preview-link__url")]


def test_editor_creates_a_preview_link_from_the_story_form_and_the_storyteller_reads_it(
    editor_client, editor, reader, settings
):
    story = make_story("Not yet out", status=Story.Status.DRAFT, body="<p>Secret words.</p>")
    assert copyable_links(editor_client, story) == []
    response = editor_client.post(links_url(story), {"create": "1"})
    assert response.status_code == 302 and response["Location"] == change_url(story)

    link = PreviewLink.objects.get()
    assert (link.story, link.created_by, link.last_used_at, link.revoked_at) == (story, editor, None, None)
    expected_expiry = link.created_at + timedelta(seconds=settings.STORY_PREVIEW_MAX_AGE)
    assert link.expires_at == expected_expiry
    [url] = copyable_links(editor_client, story)
    assert url == "https://balkanoscope.example" + preview_path(link)

    response = reader.get(preview_path(link))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]
    tree = html.fromstring(response.content)
    assert "Secret words." in tree.cssselect(".story__body")[0].text_content()
    assert "Preview" in tree.cssselect(".preview-banner")[0].text_content()
    link.refresh_from_db()
    assert link.last_used_at is not None
    assert reader.get(story.get_absolute_url()).status_code == 404


def test_editor_revokes_one_link_then_all_and_revoked_links_answer_410(editor_client, reader):
    story = make_story("Draft", status=Story.Status.DRAFT)
    for _ in range(3):
        editor_client.post(links_url(story), {"create": "1"})
    first, second, third = PreviewLink.objects.order_by("pk")

    editor_client.post(links_url(story), {"revoke": str(first.pk)})
    response = reader.get(preview_path(first))
    assert response.status_code == 410
    assert b"revoked" in response.content and b"Secret" not in response.content
    assert b"Draft" not in html.fromstring(response.content).cssselect("main")[0].text_content().encode()
    assert reader.get(preview_path(second)).status_code == 200
    assert len(copyable_links(editor_client, story)) == 2

    editor_client.post(links_url(story), {"revoke_all": "1"})
    assert [reader.get(preview_path(link)).status_code for link in (second, third)] == [410, 410]
    assert copyable_links(editor_client, story) == []


def test_unpublishing_revokes_every_preview_link(editor_client, reader):
    story = make_story("Soon out", status=Story.Status.REVIEW, has_consent=True)
    link = PreviewLink.create_for(story, None)
    story.status = Story.Status.PUBLISHED
    story.save()
    assert reader.get(preview_path(link))["Location"] == story.get_absolute_url()  # public: go there

    editor_client.post(
        reverse("admin:stories_story_changelist"), {"action": "unpublish", "_selected_action": [story.pk]}
    )
    story.refresh_from_db()
    assert story.status == Story.Status.DRAFT
    assert reader.get(preview_path(link)).status_code == 410


def test_an_expired_link_answers_403_with_a_plain_page(reader, settings):
    settings.STORY_PREVIEW_MAX_AGE = 60
    story = make_story("Old preview", status=Story.Status.DRAFT)
    link = PreviewLink.create_for(story, None)
    assert link.expires_at - link.created_at == timedelta(seconds=60)
    PreviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = reader.get(preview_path(link))
    assert response.status_code == 403
    assert b"expired" in response.content and b"noindex" in response.content
    assert "no-store" in response["Cache-Control"]


def test_a_links_address_stays_the_same_and_an_address_signed_before_that_still_opens(reader, monkeypatch):
    link = PreviewLink.create_for(make_story("Draft", status=Story.Status.DRAFT), None)
    first = preview_path(link)
    # TimestampSigner reads time.time(): a second later it would sign a different token.
    later = time.time() + 5
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert preview_path(link) == first
    timestamped = signing.dumps({"link": link.token_id.hex}, salt=PREVIEW_SALT)
    assert reader.get(reverse("stories:preview", args=[timestamped])).status_code == 200


def test_a_damaged_or_forged_link_is_refused(reader):
    link = PreviewLink.create_for(make_story("Draft", status=Story.Status.DRAFT), None)
    other = PreviewLink.create_for(make_story("Other draft", status=Story.Status.DRAFT), None)
    token = preview_token(link)
    forged = token.replace(token.split(":")[0], preview_token(other).split(":")[0])
    for bad in (token[:-2] + "xx", forged, "not-a-token"):
        response = reader.get(reverse("stories:preview", args=[bad]))
        assert response.status_code == 404
        assert b"not valid" in response.content
    other.delete()
    assert reader.get(preview_path(other)).status_code == 404


def test_editors_preview_in_the_admin_without_a_link_and_contributors_only_their_own(client, editor_client):
    draft = make_story("Editors look", status=Story.Status.DRAFT, body="<p>Draft words.</p>")
    preview = reverse("admin:stories_story_preview", args=[draft.pk])
    page = html.fromstring(editor_client.get(change_url(draft)).content)
    assert [a.get("href") for a in page.cssselect(".object-tools a") if a.text_content() == "Preview"] == [preview]
    response = editor_client.get(preview)
    assert response.status_code == 200 and b"Draft words." in response.content
    assert not PreviewLink.objects.exists()

    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    editor_client.force_login(contributor)
    assert editor_client.get(preview).status_code == 404
    assert editor_client.post(links_url(draft), {"create": "1"}).status_code == 404
    assert not PreviewLink.objects.exists()
    editor_client.logout()
    assert editor_client.get(preview).status_code == 302  # to the login page
