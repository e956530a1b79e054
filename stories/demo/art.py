"""Generated art for the demo content: landscapes for stories and wordmarks for partners.

Everything is drawn at twice the size and halved at the end, which gives
anti-aliased edges for the price of one fast box filter.
"""

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageColor, ImageDraw, ImageFilter

from stories.sharing.drawing import fit_lines, get_font

SUPERSAMPLE = 2


@dataclass(frozen=True)
class Palette:
    sky_top: tuple
    sky_bottom: tuple
    sun: tuple
    far: tuple  # the most distant ridge, before haze
    near: tuple  # the foreground
    is_night: bool = False
    has_lights: bool = False  # lit windows in the village


PALETTES = (
    Palette((46, 64, 118), (248, 182, 140), (255, 231, 186), (150, 118, 150), (42, 34, 62)),  # dawn
    Palette((62, 132, 205), (196, 228, 246), (255, 250, 225), (122, 158, 188), (36, 84, 56)),  # summer day
    Palette((34, 22, 64), (238, 118, 88), (255, 196, 128), (120, 70, 110), (26, 16, 36), has_lights=True),  # dusk
    Palette(
        (8, 14, 38), (46, 66, 108), (238, 238, 222), (48, 64, 98), (9, 14, 28), is_night=True, has_lights=True
    ),  # night
    Palette((108, 158, 198), (246, 216, 170), (255, 240, 200), (170, 140, 120), (84, 46, 28)),  # autumn
    Palette((16, 58, 88), (156, 204, 200), (236, 250, 240), (78, 130, 138), (10, 44, 50)),  # misty teal
)


def _mix(a, b, t: float) -> tuple:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom) -> Image.Image:
    width, height = size
    strip = Image.new("RGB", (1, 256))
    strip.putdata([_mix(top, bottom, (i / 255) ** 1.3) for i in range(256)])
    return strip.resize((width, height), Image.Resampling.BILINEAR)


def _ridge(rng: random.Random, width: int, base: float, amplitude: float, roughness: float) -> list:
    """Midpoint displacement: a natural-looking ridgeline as (x, y) points."""
    levels = 7
    heights = [rng.uniform(-1, 1), rng.uniform(-1, 1)]
    spread = 1.0
    for _level in range(levels):
        spread *= roughness
        refined = []
        for left, right in zip(heights, heights[1:], strict=False):
            refined += [left, (left + right) / 2 + rng.uniform(-spread, spread)]
        heights = [*refined, heights[-1]]
    step = width / (len(heights) - 1)
    return [(i * step, base - amplitude * h) for i, h in enumerate(heights)]


def _ridge_y(points, x: float) -> float:
    step = points[1][0] - points[0][0]
    i = min(len(points) - 2, max(0, int(x // step)))
    (x0, y0), (x1, y1) = points[i], points[i + 1]
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def _draw_sun(canvas: Image.Image, rng: random.Random, palette: Palette) -> None:
    width, height = canvas.size
    radius = width * rng.uniform(0.035, 0.06)
    cx, cy = width * rng.uniform(0.15, 0.85), height * rng.uniform(0.14, 0.4)
    # The glow is blurred at a small scale: blurring the full canvas would take most of our time budget.
    small = 8
    glow = Image.new("L", (width // small, height // small), 0)
    glow_radius = radius * 3.2 / small
    ImageDraw.Draw(glow).ellipse(
        (cx / small - glow_radius, cy / small - glow_radius, cx / small + glow_radius, cy / small + glow_radius),
        fill=110 if not palette.is_night else 60,
    )
    glow = glow.filter(ImageFilter.GaussianBlur(glow_radius / 1.6)).resize(canvas.size, Image.Resampling.BILINEAR)
    canvas.paste(Image.new("RGB", canvas.size, palette.sun), (0, 0), glow)
    # The disc is drawn through a small mask so a crescent can be cut out of it.
    box = round(radius * 2) + 2
    disc = Image.new("L", (box, box), 0)
    disc_draw = ImageDraw.Draw(disc)
    disc_draw.ellipse((1, 1, box - 2, box - 2), fill=255)
    if palette.is_night:
        shift = radius * 0.5
        disc_draw.ellipse((1 + shift, 1 - shift / 3, box - 2 + shift, box - 2 - shift / 3), fill=0)
    canvas.paste(Image.new("RGB", (box, box), palette.sun), (round(cx - radius), round(cy - radius)), disc)


def _draw_village(draw: ImageDraw.ImageDraw, rng: random.Random, ridge, palette: Palette, colour, scale: float) -> None:
    width = ridge[-1][0]
    start = width * rng.uniform(0.08, 0.6)
    x = start
    for _house in range(rng.randint(5, 9)):
        w = scale * rng.uniform(26, 44)
        h = scale * rng.uniform(18, 30)
        y = max(_ridge_y(ridge, x), _ridge_y(ridge, x + w)) + scale * 6
        roof = scale * rng.uniform(12, 20)
        draw.rectangle((x, y - h, x + w, y + scale * 40), fill=colour)
        draw.polygon([(x - scale * 4, y - h), (x + w / 2, y - h - roof), (x + w + scale * 4, y - h)], fill=colour)
        if palette.has_lights and rng.random() < 0.7:
            wx, wy = x + w * rng.uniform(0.2, 0.6), y - h * 0.65
            draw.rectangle((wx, wy, wx + scale * 6, wy + scale * 7), fill=(255, 214, 130))
        x += w + scale * rng.uniform(6, 22)
    # One tall landmark, a minaret or a bell tower, as in many Balkan towns.
    tx = start + (x - start) * rng.uniform(0.3, 0.7)
    ty = _ridge_y(ridge, tx) + scale * 6
    tw = scale * rng.uniform(9, 13)
    th = scale * rng.uniform(70, 100)
    draw.rectangle((tx, ty - th, tx + tw, ty + scale * 40), fill=colour)
    if rng.random() < 0.5:  # minaret: balcony and a slim cone
        draw.rectangle((tx - tw * 0.35, ty - th * 0.78, tx + tw * 1.35, ty - th * 0.72), fill=colour)
        draw.polygon([(tx, ty - th), (tx + tw / 2, ty - th - tw * 3), (tx + tw, ty - th)], fill=colour)
    else:  # bell tower: wider top and a short pyramid roof
        draw.rectangle((tx - tw * 0.4, ty - th * 1.1, tx + tw * 1.4, ty - th * 0.7), fill=colour)
        draw.polygon(
            [(tx - tw * 0.6, ty - th * 1.1), (tx + tw / 2, ty - th * 1.1 - tw * 1.8), (tx + tw * 1.6, ty - th * 1.1)],
            fill=colour,
        )


def _draw_river(draw: ImageDraw.ImageDraw, rng: random.Random, width: int, height: int, top: float, colour) -> None:
    """A river winding from the bottom edge up to ``top``, narrowing with distance."""
    x_bottom, x_top = width * rng.uniform(0.3, 0.7), width * rng.uniform(0.25, 0.75)
    phase, bends = rng.uniform(0, math.tau), rng.uniform(1.2, 2.2)
    left, right = [], []
    steps = 48
    for i in range(steps + 1):
        t = i / steps  # 0 at the bottom, 1 at the far end
        y = height - (height - top) * (1 - (1 - t) ** 1.6)
        centre = x_bottom + (x_top - x_bottom) * t + width * 0.12 * (1 - t) * math.sin(phase + bends * math.tau * t)
        half = width * (0.16 * (1 - t) ** 2 + 0.004)
        left.append((centre - half, y))
        right.append((centre + half, y))
    draw.polygon(left + right[::-1], fill=colour)


def landscape(seed: int, width: int = 1600, height: int = 1000) -> bytes:
    """A deterministic JPEG landscape: sky, sun or moon, layered ridges, maybe a river and a village."""
    rng = random.Random(seed)
    palette = PALETTES[seed % len(PALETTES)]
    size = (width * SUPERSAMPLE, height * SUPERSAMPLE)
    w, h = size
    scale = w / 1600

    canvas = _gradient(size, palette.sky_top, palette.sky_bottom)
    if palette.is_night:
        draw = ImageDraw.Draw(canvas)
        for _star in range(int(160 * scale)):
            sx, sy = rng.uniform(0, w), h * rng.random() ** 1.8 * 0.6
            r = scale * rng.uniform(0.8, 2.2)
            draw.ellipse(
                (sx - r, sy - r, sx + r, sy + r), fill=_mix(palette.sky_top, (255, 255, 240), rng.uniform(0.4, 1))
            )
    _draw_sun(canvas, rng, palette)

    draw = ImageDraw.Draw(canvas)
    layers = rng.randint(4, 6)
    horizon = h * rng.uniform(0.42, 0.55)
    ridges = []
    for layer in range(layers):
        t = layer / (layers - 1)
        # Atmospheric perspective: far ridges fade into the sky colour near the horizon.
        colour = _mix(_mix(palette.far, palette.sky_bottom, 0.45 * (1 - t)), palette.near, t**1.4)
        base = horizon + (h - horizon) * 0.62 * t
        ridge = _ridge(rng, w, base, amplitude=h * (0.2 - 0.13 * t), roughness=0.62 - 0.14 * t)
        draw.polygon([(0, h), *ridge, (w, h)], fill=colour)
        ridges.append((ridge, colour))

    extras = rng.random()
    if extras < 0.45:
        ridge, colour = ridges[-1]
        top = max(_ridge_y(ridge, x) for x in (w * 0.3, w * 0.5, w * 0.7)) + h * 0.02
        _draw_river(draw, rng, w, h, top, _mix(palette.sky_bottom, colour, 0.35))
    if extras > 0.3:
        ridge, colour = ridges[-2]
        _draw_village(draw, rng, ridge, palette, _mix(colour, palette.near, 0.55), scale)
        # The nearest ridge goes in front of the village again.
        near_ridge, near_colour = ridges[-1]
        draw.polygon([(0, h), *near_ridge, (w, h)], fill=near_colour)
    if not palette.is_night:
        for _bird in range(rng.randint(0, 5)):
            bx, by, span = w * rng.uniform(0.1, 0.9), h * rng.uniform(0.1, 0.35), scale * rng.uniform(8, 16)
            draw.line(
                [(bx - span, by - span * 0.4), (bx, by), (bx + span, by - span * 0.4)],
                fill=_mix(palette.near, palette.sky_top, 0.2),
                width=max(1, round(scale * 2.5)),
                joint="curve",
            )

    image = canvas.reduce(SUPERSAMPLE)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


_SMALL_WORDS = {"a", "an", "and", "for", "i", "in", "of", "on", "the", "to", "za", "na", "e", "dhe", "и", "за", "на"}


def _initials(text: str) -> str:
    words = [word for word in text.split() if word.lower() not in _SMALL_WORDS] or text.split()
    return "".join(word[0] for word in words[:2]).upper()


def partner_logo(text: str, *, background: str, foreground: str, width: int = 600, height: int = 200) -> bytes:
    """A PNG wordmark: a round monogram and the name, in the two given CSS colours."""
    bg, fg = ImageColor.getrgb(background)[:3], ImageColor.getrgb(foreground)[:3]
    w, h = width * SUPERSAMPLE, height * SUPERSAMPLE
    image = Image.new("RGB", (w, h), bg)
    draw = ImageDraw.Draw(image)
    text = " ".join(text.split())

    pad = round(h * 0.16)
    diameter = round(h * 0.56)
    top = (h - diameter) // 2
    draw.ellipse((pad, top, pad + diameter, top + diameter), fill=fg)
    monogram = _initials(text)
    monogram_font = get_font(round(diameter * (0.44 if len(monogram) < 2 else 0.36)))
    draw.text((pad + diameter / 2, h / 2), monogram, font=monogram_font, fill=bg, anchor="mm")

    left = pad + diameter + round(h * 0.12)
    # One line in the largest size that fits, else two lines, else cut with an ellipsis.
    sizes = range(round(h * 0.3), round(h * 0.13), -2)
    font, lines = fit_lines(text, [(size, 1) for size in sizes] + [(size, 2) for size in sizes], w - left - pad)
    line_height = font.size * 1.15
    first_middle = h / 2 - line_height * (len(lines) - 1) / 2
    for index, line in enumerate(lines):
        draw.text((left, first_middle + index * line_height), line, font=font, fill=fg, anchor="lm")

    buffer = io.BytesIO()
    image.reduce(SUPERSAMPLE).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
