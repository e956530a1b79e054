"""Renditions: the WebP sizes of an uploaded image that pages offer in srcset."""


import io
import math
import posixpath

from django.core.files.base import ContentFile
from PIL import Image

try:
    from PIL import ImageCms
except ImportError:  # Pillow built without LittleCMS: colours are left as they are
    ImageCms = None

from stories.media.names import random_stem
from stories.media.images import (
    DECODE_ERRORS,
    RENDITION_QUALITY,
    RENDITION_WIDTHS,
    WEBP_MAX_SIDE,
    binary_stream,
    load,
    open_checked,
    to_rgb_or_rgba,
    to_srgb,
    upright,
    without_metadata,
)


def _orientation(img: Image.Image) -> int:
    try:
        return img.getexif().get(0x0112, 1)
    except DECODE_ERRORS:
        return 1


def _decode(image_file, cover=None) -> tuple[Image.Image, tuple[int, int]]:
    """Return the decoded upright sRGB image and its full-resolution upright size."""
    with binary_stream(image_file) as fp:
        img, guard = open_checked(fp)
        stored_w, stored_h = img.size
        rotated = _orientation(img) in (5, 6, 7, 8)  # stored turned by 90°
        full_size = (stored_h, stored_w) if rotated else (stored_w, stored_h)
        if cover and img.format in ("JPEG", "MPO"):
            box_w, box_h = reversed(cover) if rotated else cover
            scale = min(1.0, max(box_w / stored_w, box_h / stored_h))
            # draft() picks the smallest DCT scale (1/2, 1/4, 1/8) still at least this big.
            img.draft(
                None,
                (
                    max(1, math.ceil(stored_w * scale)),
                    max(1, math.ceil(stored_h * scale)),
                ),
            )
        load(img, guard)
    return to_srgb(upright(img)), full_size


def load_image(image_file, *, cover: tuple[int, int] | None = None) -> Image.Image:
    """Decode an image under the upload limits, upright and in sRGB.

    With ``cover=(width, height)``, a JPEG may be decoded at a reduced scale
    that still covers that box, which saves most of the memory and time.
    """
    return _decode(image_file, cover)[0]


def make_renditions(image_file, storage, base_name: str) -> list[dict]:
    """Write WebP renditions for ``srcset`` to ``storage`` as ``<base_name>-<width>w.webp`` and
    describe them.

    Widths come from RENDITION_WIDTHS and never exceed the source; a source
    narrower than the smallest width gets one rendition at its own width.
    """
    img, (source_width, source_height) = _decode(image_file, cover=(max(RENDITION_WIDTHS), 1))
    img = to_rgb_or_rgba(img)
    widths = [w for w in RENDITION_WIDTHS if w <= source_width] or [source_width]
    renditions = {}
    try:
        _write_renditions(img, widths, source_width, source_height, storage, base_name, renditions)
    except Exception:
        # A full disk half-way must not leave the renditions written so far behind.
        delete_renditions(storage, renditions.values())
        raise
    finally:
        img.close()
    return sorted(renditions.values(), key=lambda rendition: rendition["width"])


def _write_renditions(img, widths, source_width, source_height, storage, base_name, renditions):
    """Store each rendition, recording it in ``renditions`` as soon as it exists on storage."""
    for nominal_width in widths:
        width = nominal_width
        height = max(1, round(source_height * width / source_width))
        if height > WEBP_MAX_SIDE:  # absurdly tall images: shrink to fit the format
            width = max(1, round(width * WEBP_MAX_SIDE / height))
            height = WEBP_MAX_SIDE
        if width in renditions:
            continue
        if (width, height) == img.size:
            resized = img
        else:
            resized = img.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        buffer = io.BytesIO()
        without_metadata(resized).save(buffer, "WEBP", quality=RENDITION_QUALITY)
        name = storage.save(f"{base_name}-{width}w.webp", ContentFile(buffer.getvalue()))
        renditions[width] = {"width": width, "height": height, "name": name}


def delete_renditions(storage, renditions: list[dict]) -> None:
    """Delete rendition files written by make_renditions; missing files are ignored."""
    for rendition in renditions:
        storage.delete(rendition["name"])


def make_fresh_renditions(image_file) -> list[dict]:
    """Renditions of a newly stored image beside it, under random names never used before: a
    new image always gets new URLs, and the names say nothing about the story."""
    folder = posixpath.dirname(image_file.name)
    return make_renditions(image_file, image_file.storage, posixpath.join(folder, random_stem()))


def renditions_srcset(storage, renditions: list[dict]) -> str:
    return ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in renditions)


def smallest_rendition_url(image_file, renditions: list[dict]) -> str:
    """The narrowest rendition, for thumbnails (the admin's lists); the original only if there is none."""
    if renditions:
        return image_file.storage.url(min(renditions, key=lambda r: r["width"])["name"])
    return image_file.url


def renditions_fallback_url(image_file, renditions: list[dict]) -> str:
    """The `src` for browsers without srcset: the widest rendition up to 1200px, else the original."""
    fitting = [r for r in renditions if r["width"] <= 1200]
    if fitting:
        return image_file.storage.url(fitting[-1]["name"])
    return image_file.url
