"""An editor's day in a real browser: write, illustrate, preview and publish a story."""

import pytest
from PIL import Image

from stories.models import Story
from tests.factories import make_country, make_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


def test_editor_writes_a_story_with_the_rich_text_editor_previews_and_publishes_it(page, editor, tmp_path):
    serbia, poverty = make_country("Serbia"), make_theme("Poverty")
    photo = tmp_path / "well.jpg"
    Image.new("RGB", (1000, 700), (40, 90, 140)).save(photo, "JPEG")

    page.goto("/admin/login/?next=/admin/stories/story/add/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#id_title")

    page.fill("#id_title", "The well in Kumanovo")
    page.fill("#id_summary", "A village waits for water.")
    editor_area = page.locator(".prose-editor [contenteditable=true]")
    editor_area.click()
    page.keyboard.type("The well ran dry in July. ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Nobody came.")
    page.click("summary:has-text('Countries, themes and keywords')")  # the side sections start folded
    page.check(f"input[name=countries][value='{serbia.pk}']")
    page.check(f"input[name=themes][value='{poverty.pk}']")
    page.click("summary:has-text('Hero image')")
    page.set_input_files("#id_hero_image", str(photo))
    page.fill("#id_hero_image_alt", "A dry stone well")
    page.click("summary:has-text('Consent')")
    page.check("#id_has_consent")
    page.click("summary:has-text('SEO and sharing')")
    page.fill("#id_seo_title", "Kumanovo's well")
    assert "15 of 60" in page.locator(".field-seo_title .char-counter").text_content()
    page.click(".story-bar input[name=_continue]")

    preview_link = page.locator(".object-tools a", has_text="Preview")
    preview_link.wait_for()
    story = Story.objects.get()
    assert story.body == "<p>The well ran dry in July. <strong>Nobody came.</strong></p>"
    assert story.hero_renditions

    change_url = page.url
    page.goto(preview_link.get_attribute("href"))
    assert "Preview" in page.locator(".preview-banner").text_content()
    assert page.locator(".story__title").text_content() == "The well in Kumanovo"
    assert page.locator(".story__body strong").text_content() == "Nobody came."
    assert page.locator(".story__hero img").get_attribute("alt") == "A dry stone well"

    page.goto(change_url)
    page.select_option("#id_status", "published")
    page.click(".story-bar input[name=_save]")
    page.wait_for_selector("#changelist")

    page.goto(story.get_absolute_url())
    assert page.locator("h1.story__title").text_content() == "The well in Kumanovo"
    assert page.locator(".preview-banner").count() == 0
    page.goto("/")
    assert page.locator("text=The well in Kumanovo").count() >= 1


def test_the_slug_shown_while_typing_a_title_is_the_servers_from_cyrillic_and_latin(page, editor):
    from playwright.sync_api import expect

    make_country("Serbia"), make_theme("Poverty")
    page.goto("/admin/login/?next=/admin/stories/story/add/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    title, slug = page.locator("#id_title"), page.locator("#id_slug")
    for typed, expected in [
        ("Ђорђе чека у Нишу", "djordje-ceka-u-nisu"),
        ("Đorđe čeka u Nišu", "djordje-ceka-u-nisu"),
        ("Ѓорѓи чека во Скопје", "gjorgji-ceka-vo-skopje"),
    ]:
        title.fill("")
        title.press_sequentially(typed)
        expect(slug).to_have_value(expected)
    # The address lives in a folded section of the side column: open it to type one.
    page.evaluate("document.querySelectorAll('.story-section details').forEach(details => details.open = true)")
    slug.fill("my-own-slug")  # the editor's choice is kept from then on
    title.fill("")
    title.press_sequentially("Ќерка")
    page.wait_for_timeout(500)
    expect(slug).to_have_value("my-own-slug")
    slug.fill("")  # until they empty the field
    title.fill("")
    title.press_sequentially("Ќерка")
    expect(slug).to_have_value("kjerka")
