"""Withdrawal: when a storyteller withdraws consent, the story answers 410 Gone everywhere it
lived, its files and history go, and it leaves every list, feed, sitemap, search and cache."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from lxml import html
from reversion.models import Revision, Version

from stories.editorial.roles import CONTRIBUTOR
from stories.models import (
    ContentVersion,
    PreviewLink,
    Story,
    StoryImage,
    StorySearchDocument,
    StoryWithdrawal,
    address_digest,
)
from stories.sharing.cards import story_card_digest, story_card_jpeg
from tests.factories import WIDE_PHOTO, image_upload, make_story, make_user
from tests.factories import story_form_data as form_data

pytestmark = pytest.mark.django_db

NAME = "Zvjezdana Qerimović"
PAGES = [
    "/",
    "/stories/",
    "/countries/serbia/",
    "/themes/poverty/",
    "/search/?q=orchard",
    "/feed/",
    "/feed/atom/",
    "/countries/serbia/feed/",
    "/sitemap-stories.xml",
]


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def story(editor_client):
    """A published story with images, a gallery, a share card, an old address and history."""
    response = editor_client.post(reverse("admin:stories_story_add"), form_data(title="The orchard in Bor"))
    assert response.status_code == 302
    story = Story.objects.get()
    data = form_data(
        story,
        title="The orchard in Bor",
        slug="orchard-in-bor",
        status="published",
        has_consent="on",
        storyteller_name=NAME,
        location="Bor",
        hero_image=image_upload("hero.jpg", size=WIDE_PHOTO),
        hero_image_alt="Apple trees",
        social_image_override=image_upload("share.jpg", size=(1200, 630)),
        tags="apples",
    )
    assert editor_client.post(reverse("admin:stories_story_change", args=[story.pk]), data).status_code == 302
    story.refresh_from_db()
    data = form_data(
        story,
        slug="the-orchard",
        has_consent="on",
        storyteller_name=NAME,
        hero_image_alt="Apple trees",
        **{"gallery_images-TOTAL_FORMS": "1"},
    )
    data.update({"gallery_images-0-image": image_upload("g.png", fmt="PNG"), "gallery_images-0-alt": "A ladder"})
    data["gallery_images-0-sort_order"] = "0"
    assert editor_client.post(reverse("admin:stories_story_change", args=[story.pk]), data).status_code == 302
    story.refresh_from_db()
    story_card_jpeg(story, story_card_digest(story))
    assert story.old_slugs.filter(slug="orchard-in-bor").exists() and story.gallery_images.exists()
    return story


def withdraw_in_admin(client, story, reason="She asked on the phone, 3 Dec."):
    url = reverse("admin:stories_story_withdraw", args=[story.pk])
    return client.post(url, {"reason": reason, "confirm": "on"})


def test_editor_withdraws_a_story_and_it_answers_410_everywhere_it_lived(
    editor_client, story, django_capture_on_commit_callbacks, settings
):
    reader = Client()
    for page in PAGES:
        assert "the-orchard" in reader.get(page).content.decode(), page  # now in the page cache too
    for counts in ("/countries/", "/themes/"):
        assert "1 story" in reader.get(counts).content.decode(), counts
    files_before = story.stored_media_names()
    assert len(files_before) >= 8  # hero, 3+ renditions, share image, gallery image and its, the card
    urls = {
        "page": story.get_absolute_url(),
        "short link": story.get_short_url(),
        "old address": reverse("stories:detail", args=["orchard-in-bor"]),
    }
    version_before = ContentVersion.objects.get().number

    with django_capture_on_commit_callbacks(execute=True):
        response = withdraw_in_admin(editor_client, story)
    assert response.status_code == 200
    checklist = " ".join(
        html.fromstring(response.content.decode()).cssselect("#content-main")[0].text_content().split()
    )
    for expected in ("Sharing Debugger", "Post Inspector", "Search Console", "Bing Webmaster Tools", "Partner sites"):
        assert expected in checklist
    assert "https://balkanoscope.example/stories/the-orchard/" in checklist
    assert f"/media/{story.media_folder}/" in checklist

    for kind, url in urls.items():
        gone = reader.get(url)
        assert gone.status_code == 410, kind
        page = gone.content.decode().replace(url, "")  # the address asked for is the only trace
        assert "withdrawn at the storyteller's request" in html.fromstring(page).text_content()
        assert "orchard" not in page.lower() and "Qerimovi" not in page and "/media/" not in page
    assert story.stored_media_names() == []  # storage listed before and after
    assert not list((settings.MEDIA_ROOT / story.media_folder).glob("*"))
    assert ContentVersion.objects.get().number > version_before
    for page in PAGES:  # the cached copies are outdated at once
        assert "the-orchard" not in reader.get(page).content.decode(), page
    for counts in ("/countries/", "/themes/"):
        assert "1 story" not in reader.get(counts).content.decode(), counts


def test_withdrawal_erases_the_text_revisions_and_search_entry_and_keeps_a_private_record(editor_client, story, editor):
    revisions = set(Version.objects.get_for_object(story).values_list("revision_id", flat=True))
    assert len(revisions) == 3 and StorySearchDocument.objects.filter(story=story).exists()
    withdraw_in_admin(editor_client, story)

    story.refresh_from_db()
    assert story.status == Story.Status.WITHDRAWN and story not in Story.objects.published()
    assert (story.title, story.body, story.storyteller_name, story.location, story.hero_image.name) == ("",) * 5
    assert str(story) == f"Withdrawn story {story.pk}" and not story.has_consent
    assert not story.tags.exists() and not story.countries.exists() and not StoryImage.objects.exists()
    assert not StorySearchDocument.objects.filter(story=story).exists()
    assert not Version.objects.get_for_object(story).exists()
    assert not Revision.objects.filter(pk__in=revisions).exists()
    assert not Version.objects.get_deleted(Story).exists()
    withdrawal = StoryWithdrawal.objects.get(story=story)
    assert (withdrawal.withdrawn_by, withdrawal.reason) == (editor, "She asked on the phone, 3 Dec.")
    assert withdrawal.addresses.filter(slug_digest=address_digest("orchard-in-bor")).exists()
    assert story.consent_changes.first().changes == [{"field": "has_consent", "from": True, "to": False}]
    everything = "".join(str(v) for v in Story.objects.filter(pk=story.pk).values().get().values())
    assert "orchard" not in everything.lower() and "Qerimovi" not in everything

    page = editor_client.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode()
    assert "She asked on the phone" in page and 'name="title"' not in page
    history = editor_client.get(reverse("admin:stories_story_history", args=[story.pk])).content.decode()
    assert "orchard" not in history.lower()


def test_a_withdrawn_story_cannot_be_edited_published_restored_or_previewed(editor_client, story):
    link = PreviewLink.create_for(story, None)
    version = Version.objects.get_for_object(story).last()
    withdraw_in_admin(editor_client, story)
    story.refresh_from_db()
    change = reverse("admin:stories_story_change", args=[story.pk])
    assert editor_client.post(change, form_data(story, title="Back", status="published")).status_code == 403
    editor_client.post(reverse("admin:stories_story_changelist"), {"action": "publish", "_selected_action": [story.pk]})
    restore = reverse("admin:stories_story_revision", args=[story.pk, version.pk])
    assert editor_client.get(restore).status_code in (403, 404)  # not allowed, and the version is gone
    assert Story.objects.get(pk=story.pk).status == Story.Status.WITHDRAWN
    from stories.editorial.preview import preview_path

    assert Client().get(preview_path(link)).status_code == 410
    assert withdraw_in_admin(editor_client, story).status_code == 302  # once is enough


def test_the_withdraw_form_requires_a_reason_and_a_confirmation(editor_client, story):
    url = reverse("admin:stories_story_withdraw", args=[story.pk])
    page = html.fromstring(editor_client.get(url).content)
    assert page.cssselect("textarea[name=reason]") and page.cssselect("input[name=confirm]")
    assert editor_client.post(url, {"reason": "  ", "confirm": "on"}).status_code == 200
    assert editor_client.post(url, {"reason": "Asked by email."}).status_code == 200
    assert Story.objects.get(pk=story.pk).status == Story.Status.PUBLISHED
    change_page = editor_client.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode()
    assert url in change_page  # the Withdraw button


def test_the_list_action_asks_for_the_reason_then_withdraws_every_selected_story(editor_client):
    first, second = make_story("First", has_consent=True), make_story("Second", status=Story.Status.DRAFT)
    changelist = reverse("admin:stories_story_changelist")
    selection = {"action": "withdraw", "_selected_action": [first.pk, second.pk]}
    confirm = editor_client.post(changelist, selection)
    assert confirm.status_code == 200 and b'name="reason"' in confirm.content
    assert Story.objects.filter(status=Story.Status.WITHDRAWN).count() == 0
    done = editor_client.post(
        changelist, {**selection, "apply_withdrawal": "1", "reason": "Both asked.", "confirm": "on"}
    )
    assert done.status_code == 200 and b"Sharing Debugger" in done.content
    assert Story.objects.filter(status=Story.Status.WITHDRAWN).count() == 2
    listed = editor_client.get(changelist, {"state": "withdrawn"}).content.decode()
    assert listed.count("status-badge--withdrawn") == 2


def test_contributors_cannot_withdraw_and_never_see_the_reason(client, editor_client):
    contributor = make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)])
    own = make_story("Mine", status=Story.Status.DRAFT, created_by=contributor)
    client.force_login(contributor)
    assert (
        client.post(
            reverse("admin:stories_story_withdraw", args=[own.pk]), {"reason": "x", "confirm": "on"}
        ).status_code
        == 403
    )
    client.post(reverse("admin:stories_story_changelist"), {"action": "withdraw", "_selected_action": [own.pk]})
    assert Story.objects.get(pk=own.pk).status == Story.Status.DRAFT
    withdraw_in_admin(editor_client, own, reason="Private words")
    page = html.fromstring(client.get(reverse("admin:stories_story_change", args=[own.pk])).content.decode())
    text = page.cssselect("#content-main")[0].text_content()
    assert "Withdrawn at the storyteller's request" in text and "Private words" not in text


def test_the_command_withdraws_a_story_and_prints_the_checklist(capsys, django_capture_on_commit_callbacks):
    story = make_story("By command", hero_image=image_upload(), has_consent=True)
    with pytest.raises(CommandError):
        call_command("withdraw_story", str(story.pk))  # a reason is required
    with pytest.raises(CommandError):
        call_command("withdraw_story", str(story.pk), "--reason", " ")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("withdraw_story", str(story.pk), "--reason", "Letter of 2 Dec.")
    out = capsys.readouterr().out
    assert "Sharing Debugger" in out and "https://balkanoscope.example/stories/by-command/" in out
    assert re.search(r"/media/stories/\w+/", out)
    story.refresh_from_db()
    assert story.status == Story.Status.WITHDRAWN and story.stored_media_names() == []
    assert Client().get(story.get_short_url()).status_code == 410
    with pytest.raises(CommandError, match="withdrawn already"):
        call_command("withdraw_story", str(story.pk), "--reason", "Again")
    with pytest.raises(CommandError, match="no story"):
        call_command("withdraw_story", "999999", "--reason", "Nobody")
