"""Share images (Open Graph / Twitter cards): 1200×630 JPEGs with the title drawn in.

The bundled fonts are subsets of Noto Sans (Latin incl. Latin Extended-A/B,
Cyrillic, punctuation; see fonts/OFL.txt), so every Western Balkan alphabet
renders without depending on the fonts of the server.
"""

import functools
import io
import logging
import math
import unicodedata
from pathlib import Path

from django.core.exceptions import ValidationError
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from balkanoscope.copy import SITE_TAGLINE
from stories.media.renditions import load_image

logger = logging.getLogger(__name__)

CARD_SIZE = (1200, 630)
MAX_CARD_BYTES = 300_000
FONT_DIR = Path(__file__).resolve().parent / "fonts"
BOLD_FONT = FONT_DIR / "NotoSans-Bold-subset.ttf"
REGULAR_FONT = FONT_DIR / "NotoSans-Regular-subset.ttf"

NAVY = (11, 37, 69)
TEAL = (18, 104, 108)
SHADE = (5, 17, 33)  # the dark tint laid over photos under the text
ACCENT = (244, 185, 66)
WHITE = (255, 255, 255)
MUTED = (214, 228, 234)

MARGIN = 72
TEXT_WIDTH = CARD_SIZE[0] - 2 * MARGIN
# (font size, most lines allowed at that size): long titles get smaller type and more lines.
TITLE_SIZES = ((76, 3), (68, 3), (60, 3), (54, 4), (48, 4))
SUBTITLE_SIZE = 30
SITE_NAME_SIZE = 30
ELLIPSIS = "…"


@functools.lru_cache(maxsize=32)
def get_font(size: int, *, bold: bool = True) -> ImageFont.FreeTypeFont:
    """The bundled Noto Sans subset at ``size`` pixels."""
    return ImageFont.truetype(str(BOLD_FONT if bold else REGULAR_FONT), size)


def _normalise(text: str) -> str:
    # NFC turns "D + combining caron" style input into the precomposed letters the font has.
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _split_long_word(word: str, font, width: int) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and font.getlength(current + char) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current]


def wrap_text(text: str, font, width: int) -> list[str]:
    """Greedy word wrap measured with ``font``; words wider than a line are split."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if font.getlength(word) <= width:
            current = word
        else:
            *full, current = _split_long_word(word, font, width)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def _with_ellipsis(line: str, font, width: int) -> str:
    line = line.rstrip(" ,;:.-–—")
    while line and font.getlength(line + ELLIPSIS) > width:
        # Drop a whole word where possible so the cut lands between words.
        line = line.rsplit(" ", 1)[0] if " " in line else line[:-1]
        line = line.rstrip(" ,;:.-–—")
    return line + ELLIPSIS


def fit_lines(text: str, sizes, width: int, *, bold: bool = True):
    """Return (font, lines) for the largest size whose wrap fits; else the last size, cut with an ellipsis."""
    for size, max_lines in sizes:
        font = get_font(size, bold=bold)
        lines = wrap_text(text, font, width)
        if len(lines) <= max_lines:
            return font, lines
    lines = lines[:max_lines]
    lines[-1] = _with_ellipsis(lines[-1], font, width)
    return font, lines


def _vertical_gradient(size, stops) -> Image.Image:
    """An L-mode mask changing down the image through (position 0..1, value) stops."""
    width, height = size
    column = []
    for y in range(height):
        t = y / max(1, height - 1)
        for (t0, v0), (t1, v1) in zip(stops, stops[1:], strict=False):
            if t0 <= t <= t1:
                k = (t - t0) / (t1 - t0) if t1 > t0 else 0
                k = k * k * (3 - 2 * k)  # smoothstep: no visible band edges
                column.append(round(v0 + (v1 - v0) * k))
                break
    strip = Image.new("L", (1, height))
    strip.putdata(column)
    return strip.resize(size, Image.Resampling.NEAREST)


def _branded_background() -> Image.Image:
    """Navy-to-teal diagonal gradient with faint 'scope' rings and ridges."""
    width, height = CARD_SIZE
    diagonal = Image.linear_gradient("L").rotate(45, resample=Image.Resampling.BICUBIC, expand=True)
    side = diagonal.width
    diagonal = diagonal.crop((side // 4, side // 4, side * 3 // 4, side * 3 // 4)).resize(CARD_SIZE)
    card = Image.composite(Image.new("RGB", CARD_SIZE, TEAL), Image.new("RGB", CARD_SIZE, NAVY), diagonal)

    overlay = Image.new("RGBA", CARD_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    cx, cy = width - 170, 150
    for radius in range(40, 760, 44):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=(255, 255, 255, 16), width=2)
    # Two soft ridgelines: a nod to the region's mountains without competing with the text.
    for base, amplitude, alpha in ((height - 170, 55, 22), (height - 95, 40, 30)):
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            y = base - amplitude * (0.6 * math.sin(x / 170 + base) + 0.4 * math.sin(x / 67 + amplitude))
            points.append((x, round(y)))
        points.append((width, height))
        draw.polygon(points, fill=(255, 255, 255, alpha))
    card.paste(overlay, (0, 0), overlay)
    return card


def _photo_background(image) -> Image.Image | None:
    try:
        photo = load_image(image, cover=CARD_SIZE)
    except (ValidationError, OSError) as exc:
        # A card is never worth an error page: fall back to the branded background.
        logger.warning("Social card image unusable, using the default background: %s", exc)
        return None
    if photo.mode in ("RGBA", "LA", "PA", "P"):
        base = Image.new("RGB", photo.size, NAVY)
        rgba = photo.convert("RGBA")
        base.paste(rgba, (0, 0), rgba)
        photo = base
    elif photo.mode not in ("RGB", "L"):
        photo = photo.convert("RGB")
    # Cover-crop around the centre: scale so both sides fill the card, then cut the overflow.
    scale = max(CARD_SIZE[0] / photo.width, CARD_SIZE[1] / photo.height)
    crop_w, crop_h = CARD_SIZE[0] / scale, CARD_SIZE[1] / scale
    left, top = (photo.width - crop_w) / 2, (photo.height - crop_h) / 2
    card = photo.convert("RGB").resize(
        CARD_SIZE, Image.Resampling.LANCZOS, box=(left, top, left + crop_w, top + crop_h), reducing_gap=3.0
    )
    # Light shade everywhere, deep shade behind the text at the bottom.
    shade = _vertical_gradient(CARD_SIZE, [(0.0, 40), (0.3, 60), (0.62, 175), (1.0, 230)])
    return Image.composite(Image.new("RGB", CARD_SIZE, SHADE), card, shade)


def _encode_jpeg(card: Image.Image) -> bytes:
    """Encode under MAX_CARD_BYTES: lower quality first, then soften pathologically noisy images."""
    for attempt in range(2):
        if attempt:
            card = card.filter(ImageFilter.BoxBlur(2))
        for quality in (86, 80, 72, 64, 55, 45):
            buffer = io.BytesIO()
            card.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
            if buffer.tell() < MAX_CARD_BYTES:
                return buffer.getvalue()
    return buffer.getvalue()


def _render(title: str, *, subtitle: str, site_name: str, image, title_sizes=TITLE_SIZES) -> bytes:
    card = _photo_background(image) if image is not None else None
    has_photo = card is not None
    if card is None:
        card = _branded_background()

    title, subtitle = _normalise(title), _normalise(subtitle)
    title_font, title_lines = fit_lines(title, title_sizes, TEXT_WIDTH) if title else (None, [])
    subtitle_font, subtitle_lines = (
        fit_lines(subtitle, ((SUBTITLE_SIZE, 2),), TEXT_WIDTH, bold=False) if subtitle else (None, [])
    )

    # Lay out bottom-up, as baselines: site name, then subtitle, then title.
    items = []  # (x, baseline y, text, font, colour)
    baseline = CARD_SIZE[1] - 58
    if site_name:
        # An accent rule before the site name marks it as the brand, not part of the title.
        rule = (MARGIN, baseline - 20, MARGIN + 40, baseline - 13)
        items.append((MARGIN + 56, baseline, _normalise(site_name), get_font(SITE_NAME_SIZE), ACCENT))
        baseline -= round(SITE_NAME_SIZE * 1.25) + 26
    for line in reversed(subtitle_lines):
        items.append((MARGIN, baseline, line, subtitle_font, MUTED))
        baseline -= round(SUBTITLE_SIZE * 1.35)
    if subtitle_lines:
        baseline -= 20  # clear the title's descenders
    for line in reversed(title_lines):
        items.append((MARGIN, baseline, line, title_font, WHITE))
        baseline -= round(title_font.size * 1.16)

    if has_photo:
        # A soft shadow keeps thin strokes legible over bright parts of a photo.
        shadow = Image.new("L", CARD_SIZE, 0)
        shadow_draw = ImageDraw.Draw(shadow)
        for x, y, text, font, _colour in items:
            shadow_draw.text((x + 2, y + 3), text, font=font, fill=150, anchor="ls")
        shadow = shadow.filter(ImageFilter.GaussianBlur(6))
        card = Image.composite(Image.new("RGB", CARD_SIZE, (0, 0, 0)), card, shadow)

    draw = ImageDraw.Draw(card)
    if site_name:
        draw.rectangle(rule, fill=ACCENT)
    for x, y, text, font, colour in items:
        draw.text((x, y), text, font=font, fill=colour, anchor="ls")
    return _encode_jpeg(card)


def render_social_card(title: str, *, site_name: str = "Balkanoscope", image=None, subtitle: str = "") -> bytes:
    """A 1200×630 JPEG (under 300 KB) with ``title`` over ``image`` (a path or file) or the branded background."""
    return _render(title, subtitle=subtitle, site_name=site_name, image=image)


def render_default_card(tagline: str | None = None) -> bytes:
    """The share image for pages without one of their own: the site name and a tagline."""
    if tagline is None:
        tagline = str(SITE_TAGLINE)
    return _render("Balkanoscope", subtitle=tagline, site_name="", image=None, title_sizes=((104, 1), *TITLE_SIZES))
