"""The share preview on the story screen: the page's own metadata, cut where each network cuts it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from lxml import html

from stories.editorial.roles import EDITOR
from stories.editorial.share_preview import NETWORKS, share_preview_context, shorten
from tests.factories import image_upload, make_story, make_user

pytestmark = pytest.mark.django_db


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    assert shorten("The well ran dry in July", 100) == "The well ran dry in July"
    assert shorten("The well ran dry in July", 15) == "The well ran…"
    assert shorten("Supercalifragilistic", 10) == "Supercali…"
    assert shorten("  spaced \n out  ", 50) == "spaced out"


def test_the_cards_use_the_title_and_summary_the_page_serves():
    story = make_story("The well", summary="A village waits for water.", slug="the-well")
    context = share_preview_context(story)
    cards = {card.network.key: card for card in context["share_cards"]}
    assert [card.network.key for card in context["share_cards"]] == [n.key for n in NETWORKS]
    assert cards["facebook"].title == "The well" and cards["facebook"].description == "A village waits for water."
    assert cards["google"].title == "The well · Balkanoscope", "a result shows the page's <title>"
    assert cards["x"].description == "", "X shows no description"
    assert context["share_url"] == "https://balkanoscope.example" + story.get_absolute_url()


def test_seo_overrides_win_and_long_texts_are_flagged():
    # The SEO title's own limit (60) fits every network; a long headline without one does not.
    story = make_story("Title", seo_title="S" * 60, seo_description="D" * 150)
    cards = {card.network.key: card for card in share_preview_context(story)["share_cards"]}
    assert cards["facebook"].title == "S" * 60 and not cards["facebook"].is_title_cut
    assert cards["whatsapp"].is_description_cut and not cards["google"].is_description_cut
    headline = make_story("H" * 70)
    cards = {card.network.key: card for card in share_preview_context(headline)["share_cards"]}
    assert cards["whatsapp"].is_title_cut and cards["whatsapp"].title.endswith("…")
    assert not cards["facebook"].is_title_cut


def test_the_share_image_is_the_override_else_the_card_drawn_on_the_hero_image():
    story = make_story("Pictures", hero_image=image_upload(), hero_image_alt="A field")
    context = share_preview_context(story)
    assert context["share_hero_url"] == story.hero_image.url and context["share_override_url"] == ""
    story.social_image_override = image_upload("override.jpg")
    story.save()
    assert share_preview_context(story)["share_override_url"] == story.social_image_override.url


def test_the_story_screen_shows_a_card_per_network(client):
    client.force_login(make_user("editor", groups=[Group.objects.get(name=EDITOR)]))
    story = make_story("A" * 80)
    page = html.fromstring(client.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode())
    preview = page.cssselect(".story-section--sharing #share-preview")[0]
    networks = [card.get("data-network") for card in preview.cssselect(".share-card")]
    assert networks == ["facebook", "x", "linkedin", "whatsapp", "telegram", "viber", "google"]
    x_card = preview.cssselect(".share-card--x")[0]
    assert x_card.cssselect(".share-card__warning")[0].text_content().strip() == "Title cut at 70 characters"
