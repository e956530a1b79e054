import io
import logging

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from stories.demo import art as demo_art
from stories.sharing import drawing as social_cards

# Where the title of a short story card sits: above the site name, left aligned.
TITLE_BOX = (social_cards.MARGIN, 330, 700, 540)


def open_card(data: bytes) -> Image.Image:
    card = Image.open(io.BytesIO(data))
    assert card.format == "JPEG"
    assert card.size == (1200, 630)
    assert len(data) < 300_000
    return card


def glyph(font, char: str) -> bytes:
    canvas = Image.new("L", (160, 160), 0)
    ImageDraw.Draw(canvas).text((20, 20), char, font=font, fill=255)
    return canvas.tobytes()


def difference(first: Image.Image, second: Image.Image, box) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(first.crop(box), second.crop(box))).mean)


def photo(size=(1800, 1200)) -> bytes:
    """A busy photo (noise compresses badly): the worst case for the size limit."""
    image = Image.effect_noise(size, 90).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def test_card_is_a_small_1200_by_630_jpeg():
    open_card(social_cards.render_social_card("Grandmother's garden in Mostar"))


@pytest.mark.parametrize("char", list("ĐŽÇËЂЌЉđžçëђќљ"))
def test_bundled_font_has_real_glyphs_for_balkan_letters(char):
    font = social_cards.get_font(90)
    missing = glyph(font, "\u4e00")  # a CJK ideograph: not in the subset, so drawn as .notdef
    drawn = glyph(font, char)
    assert any(drawn)
    assert drawn != missing


def test_cyrillic_glyphs_differ_from_each_other():
    font = social_cards.get_font(90)
    assert len({glyph(font, char) for char in "ЂЌЉ"}) == 3


def test_cyrillic_title_is_drawn_on_the_card():
    with_title = open_card(social_cards.render_social_card("ЂЌЉ"))
    without_title = open_card(social_cards.render_social_card(""))
    assert difference(with_title, without_title, TITLE_BOX) > 5
    # Everything above the title block is the same background.
    assert difference(with_title, without_title, (0, 0, 1200, 250)) < 1


def test_long_title_is_shrunk_wrapped_and_cut_with_an_ellipsis():
    title = " ".join(["Kako smo čuvali sjećanja na selo iznad Drine"] * 8)
    font, lines = social_cards.fit_lines(title, social_cards.TITLE_SIZES, social_cards.TEXT_WIDTH)
    assert font.size == social_cards.TITLE_SIZES[-1][0]
    assert len(lines) == 4
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= social_cards.TEXT_WIDTH for line in lines)
    open_card(social_cards.render_social_card(title, subtitle=title))


def test_short_title_uses_the_largest_size():
    font, lines = social_cards.fit_lines("Đakovica", social_cards.TITLE_SIZES, social_cards.TEXT_WIDTH)
    assert font.size == social_cards.TITLE_SIZES[0][0]
    assert lines == ["Đakovica"]


def test_a_word_wider_than_the_card_is_split():
    font = social_cards.get_font(60)
    lines = social_cards.wrap_text("Љ" * 60, font, social_cards.TEXT_WIDTH)
    assert len(lines) > 1
    assert "".join(lines) == "Љ" * 60


def test_photo_card_is_cropped_darkened_and_under_the_size_limit(tmp_path):
    path = tmp_path / "hero.jpg"
    path.write_bytes(photo())
    from_path = open_card(social_cards.render_social_card("Bridge", image=path, subtitle="Mostar"))
    from_file = open_card(social_cards.render_social_card("Bridge", image=io.BytesIO(photo())))
    for card in (from_path, from_file):
        top = ImageStat.Stat(card.crop((0, 0, 1200, 60)).convert("L")).mean[0]
        bottom = ImageStat.Stat(card.crop((700, 570, 1200, 630)).convert("L")).mean[0]
        assert top > bottom + 40  # the gradient darkens the lower part for the text


def test_photo_is_cover_cropped_around_the_centre():
    # A tall image, red at top and bottom, blue in the middle: the crop keeps the middle.
    tall = Image.new("RGB", (600, 1600), (255, 0, 0))
    tall.paste((0, 0, 255), (0, 500, 600, 1100))
    buffer = io.BytesIO()
    tall.save(buffer, "PNG")
    card = open_card(social_cards.render_social_card("", site_name="", image=buffer))
    red, green, blue = card.getpixel((600, 20))
    assert blue > red


def test_unusable_image_falls_back_to_the_branded_background(caplog):
    with caplog.at_level(logging.WARNING, logger="stories.sharing.drawing"):
        card = social_cards.render_social_card("Title", image=io.BytesIO(b"<html></html>"))
    default = social_cards.render_social_card("Title")
    assert difference(open_card(card), open_card(default), (0, 0, 1200, 630)) < 1
    assert "default background" in caplog.text


def test_default_card_shows_the_tagline():
    default = open_card(social_cards.render_default_card())
    other = open_card(social_cards.render_default_card("Priče sa Balkana"))
    assert difference(default, other, (0, 520, 1200, 600)) > 2


def test_fonts_are_small_and_licensed():
    for path in (social_cards.BOLD_FONT, social_cards.REGULAR_FONT):
        assert path.stat().st_size < 150_000
    assert "SIL OPEN FONT LICENSE" in (social_cards.FONT_DIR / "OFL.txt").read_text()


def test_landscape_is_deterministic():
    first = demo_art.landscape(3)
    assert demo_art.landscape(3) == first
    image = Image.open(io.BytesIO(first))
    assert (image.format, image.size) == ("JPEG", (1600, 1000))


def test_landscapes_differ_by_seed():
    assert len({demo_art.landscape(seed, width=320, height=200) for seed in range(1, 9)}) == 8


def test_partner_logo_is_a_png_in_the_given_colours():
    data = demo_art.partner_logo("Youth Initiative for Human Rights", background="#0b2545", foreground="#f4b942")
    logo = Image.open(io.BytesIO(data))
    assert (logo.format, logo.size) == ("PNG", (600, 200))
    assert logo.getpixel((2, 2)) == (11, 37, 69)
    colours = {colour for _count, colour in logo.getcolors(maxcolors=100_000)}
    assert (244, 185, 66) in colours


def test_noisy_photo_is_softened_to_stay_under_the_byte_limit(monkeypatch):
    monkeypatch.setattr(social_cards, "MAX_CARD_BYTES", 60_000)
    data = social_cards.render_social_card("Noise", image=io.BytesIO(photo()))
    assert len(data) < 60_000
