"""Safe handling of uploaded images: validation, metadata stripping and renditions.

Every decode goes through ``_open_checked`` and ``_load``: the size and pixel
limits are enforced from the header before any pixel data is decoded, and a
file that ends early is rejected whatever ``ImageFile.LOAD_TRUNCATED_IMAGES``
says.
"""

import functools
import hashlib
import io
import math
import os
import struct
import time
from contextlib import contextmanager, suppress
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError, features

try:
    from PIL import ImageCms
except ImportError:  # Pillow built without LittleCMS: colours are left as they are
    ImageCms = None

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
RENDITION_WIDTHS = (480, 800, 1200, 1600)
RENDITION_QUALITY = 80
WEBP_MAX_SIDE = 16383  # a hard limit of the WebP format

# Decoding AVIF needs Pillow's libavif module; without it AVIF uploads are refused.
AVIF_SUPPORTED = features.check("avif")

# Restricting Image.open to these plugins keeps Pillow's other parsers (PSD,
# EPS, TIFF, ...) away from untrusted bytes. MPO (multi-picture JPEG, written by
# many phones) is opened by the JPEG plugin and is treated as JPEG.
_PILLOW_FORMATS = ("JPEG", "PNG", "WEBP", "AVIF") if AVIF_SUPPORTED else ("JPEG", "PNG", "WEBP")

_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "AVIF": ".avif"}
_PNG_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "I;16"}

# Exceptions Pillow's decoders raise on damaged data.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)


class _TruncatedError(Exception):
    """The decoder asked for bytes beyond the end of the file."""


class _EofGuard:
    """File wrapper that turns a read at end-of-file into an error once armed.

    A complete image never makes the decoder read past its end, so this
    catches truncated files even when LOAD_TRUNCATED_IMAGES is True (Pillow
    would then pad the missing part with grey).
    """

    def __init__(self, fp):
        self._fp = fp
        self.armed = False

    def read(self, size=-1):
        data = self._fp.read(size)
        if self.armed and not data and size != 0:
            raise _TruncatedError
        return data

    def seek(self, offset, whence=os.SEEK_SET):
        return self._fp.seek(offset, whence)

    def tell(self):
        return self._fp.tell()


def _accepted_formats_hint():
    if AVIF_SUPPORTED:
        return _("Please upload a JPEG, PNG, WebP or AVIF image.")
    return _("Please upload a JPEG, PNG or WebP image.")


def _with_hint(problem):
    return format_lazy("{} {}", problem, _accepted_formats_hint())


def _formats_error():
    return ValidationError(
        _with_hint(_("This file is not an image in an accepted format.")),
        code="invalid_image",
    )


def _damaged_error():
    return ValidationError(
        _("The image file is damaged or incomplete (it may have been cut off during upload)."),
        code="damaged_image",
    )


def _too_many_pixels_error(width=None, height=None):
    max_megapixels = MAX_PIXELS // 1_000_000
    if width is None:
        return ValidationError(
            _("The image is too large: it has far more than %(max)s megapixels."),
            code="too_many_pixels",
            params={"max": max_megapixels},
        )
    return ValidationError(
        _(
            "The image is too large: %(width)s×%(height)s pixels (%(megapixels)s megapixels); "
            "the maximum is %(max)s megapixels."
        ),
        code="too_many_pixels",
        params={
            "width": width,
            "height": height,
            "megapixels": round(width * height / 1_000_000, 1),
            "max": max_megapixels,
        },
    )


def _unidentified_error(head: bytes) -> ValidationError:
    """Name the problem for a file Pillow could not open, judging by its first bytes."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"GIF87a", b"GIF89a")):
        return ValidationError(
            _with_hint(_("GIF images are not accepted.")),
            code="gif",
        )
    if stripped.startswith(b"<svg") or (stripped.startswith(b"<?xml") and b"<svg" in stripped):
        return ValidationError(
            _with_hint(_("SVG files are not accepted.")),
            code="svg",
        )
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis") and not AVIF_SUPPORTED:
        return ValidationError(
            _with_hint(_("AVIF images are not supported on this server.")),
            code="avif_unsupported",
        )
    if (
        head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"))
        or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")
        or (head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"))
    ):
        return _damaged_error()
    if b"\x00" not in head:
        try:
            head.decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            # Only a multi-byte character cut at the end of the sample is still text.
            is_text = exc.start >= len(head) - 3
        else:
            is_text = True
        if is_text:
            return ValidationError(
                _with_hint(_("This file contains text or HTML, not an image.")),
                code="not_an_image",
            )
    return _formats_error()


def _file_size(fp) -> int:
    size = getattr(fp, "size", None)
    if size is None:
        size = fp.seek(0, os.SEEK_END)
    return size


@contextmanager
def _binary_stream(image_file):
    """Yield a readable, seekable stream for a path, a Django File or a file object, rewound."""
    if isinstance(image_file, (str, os.PathLike)):
        with open(image_file, "rb") as fp:
            yield fp
        return
    # A Django FieldFile may not be open yet; leave it as we found it, as Django's ImageFile does.
    opened_here = getattr(image_file, "closed", False) and hasattr(image_file, "open")
    if opened_here:
        image_file.open("rb")
    image_file.seek(0)
    try:
        yield image_file
    finally:
        if opened_here:
            image_file.close()
        else:
            image_file.seek(0)


def _open_checked(fp) -> tuple[Image.Image, _EofGuard]:
    """Open ``fp`` and check everything the header tells, without decoding pixels."""
    size = _file_size(fp)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the maximum is %(max)s."),
            code="file_too_big",
            params={
                "size": filesizeformat(size),
                "max": filesizeformat(MAX_UPLOAD_BYTES),
            },
        )
    fp.seek(0)
    head = fp.read(512)
    fp.seek(0)
    guard = _EofGuard(fp)
    try:
        img = Image.open(guard, formats=_PILLOW_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # The warning arrives as an exception only where warnings are errors
        # (as in the tests); elsewhere the pixel check below rejects the file.
        raise _too_many_pixels_error() from None
    except UnidentifiedImageError:
        raise _unidentified_error(head) from None
    except _DECODE_ERRORS:
        raise _damaged_error() from None
    width, height = img.size
    if width * height > MAX_PIXELS:
        img.close()
        raise _too_many_pixels_error(width, height)
    # MPO files carry a second, preview picture, not an animation.
    if img.format != "MPO" and getattr(img, "is_animated", False):
        img.close()
        raise ValidationError(
            _("Animated images are not accepted. Please upload a still image."),
            code="animated",
        )
    return img, guard


def _load(img: Image.Image, guard: _EofGuard) -> None:
    """Decode all pixel data, rejecting damaged or truncated files."""
    guard.armed = True
    try:
        img.load()
    except (_TruncatedError, *_DECODE_ERRORS):
        img.close()
        raise _damaged_error() from None
    finally:
        guard.armed = False


def validate_image_upload(uploaded_file) -> None:
    """Raise ValidationError unless the file fully decodes as an accepted image format."""
    with _binary_stream(uploaded_file) as fp:
        img, guard = _open_checked(fp)
        _load(img, guard)
        img.close()


def _upright(img: Image.Image) -> Image.Image:
    """Turn ``img`` (in place: no copy of a large image) as its EXIF orientation says."""
    # Unreadable EXIF is no reason to refuse a photo: it is then shown as stored.
    with suppress(*_DECODE_ERRORS):
        ImageOps.exif_transpose(img, in_place=True)
    return img


@functools.cache
def _srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(img: Image.Image) -> Image.Image:
    """Convert pixels from an embedded ICC profile to sRGB.

    Browsers treat untagged images as sRGB, so converting lets us drop the
    profile (which may carry device details and can be large) without wide-gamut
    or CMYK photos changing colour.
    """
    icc = img.info.get("icc_profile")
    if not icc or ImageCms is None or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img
    alpha = img.getchannel("A") if img.mode == "RGBA" else None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            img.convert("RGB") if alpha is not None else img,
            source,
            _srgb_profile(),
            outputMode="RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return img  # a broken profile: keep the pixels as they are
    if alpha is not None:
        converted.putalpha(alpha)
    return converted


def _has_alpha(img: Image.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info


def _to_rgb_or_rgba(img: Image.Image) -> Image.Image:
    if img.mode in ("RGB", "RGBA"):
        return img
    return img.convert("RGBA" if _has_alpha(img) else "RGB")


def _without_metadata(img: Image.Image) -> Image.Image:
    """Drop everything but pixels and palette: EXIF, XMP, IPTC, ICC, comments, text chunks.

    Encoders fall back to ``img.info`` for some of these (JPEG comments, PNG and
    AVIF ICC profiles), so emptying it is what keeps them out of the output.
    The image is always our own decoded one, so it is changed in place.
    """
    img.info = {}
    return img


@functools.cache
def _can_encode_avif() -> bool:
    if not AVIF_SUPPORTED:
        return False
    try:
        Image.new("RGB", (8, 8)).save(io.BytesIO(), "AVIF")
    except (OSError, ValueError, KeyError):
        return False
    return True


def _encode(img: Image.Image, image_format: str) -> bytes:
    """Encode ``img`` without any metadata, in a mode ``image_format`` can hold."""
    options = {}
    if image_format == "JPEG":
        if img.mode not in ("RGB", "L"):
            if _has_alpha(img):
                rgba = img.convert("RGBA")
                img = Image.new("RGB", img.size, "white")
                img.paste(rgba, mask=rgba.getchannel("A"))
            else:
                img = img.convert("RGB")
        options = {"quality": 85, "optimize": True, "progressive": True}
    elif image_format == "PNG":
        if img.mode not in _PNG_MODES:
            img = _to_rgb_or_rgba(img)
        options = {"optimize": True}
        if "transparency" in img.info and img.mode in ("1", "L", "P", "RGB", "I;16"):
            options["transparency"] = img.info["transparency"]
    elif image_format == "WEBP":
        img = _to_rgb_or_rgba(img)
        options = {"quality": 82}
    elif image_format == "AVIF":
        img = _to_rgb_or_rgba(img)
        options = {"quality": 63}
    buffer = io.BytesIO()
    _without_metadata(img).save(buffer, image_format, **options)
    return buffer.getvalue()


def clean_image(uploaded_file) -> ContentFile:
    """Return the image upright, re-encoded in its own format with all metadata removed.

    The ICC profile is not kept: pixels are converted to sRGB instead. AVIF
    stays AVIF where Pillow can encode it and becomes WebP otherwise.
    """
    with _binary_stream(uploaded_file) as fp:
        img, guard = _open_checked(fp)
        _load(img, guard)
    source_format = "JPEG" if img.format == "MPO" else img.format
    target_format = source_format
    if source_format == "AVIF" and not _can_encode_avif():
        target_format = "WEBP"
    data = _encode(_to_srgb(_upright(img)), target_format)
    stem = Path(getattr(uploaded_file, "name", None) or "image").stem or "image"
    return ContentFile(data, name=f"{stem}{_EXTENSIONS[target_format]}")


def _orientation(img: Image.Image) -> int:
    try:
        return img.getexif().get(0x0112, 1)
    except _DECODE_ERRORS:
        return 1


def _decode(image_file, cover=None) -> tuple[Image.Image, tuple[int, int]]:
    """Return the decoded upright sRGB image and its full-resolution upright size."""
    with _binary_stream(image_file) as fp:
        img, guard = _open_checked(fp)
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
        _load(img, guard)
    return _to_srgb(_upright(img)), full_size


def load_image(image_file, *, cover: tuple[int, int] | None = None) -> Image.Image:
    """Decode an image under the upload limits, upright and in sRGB.

    With ``cover=(width, height)``, a JPEG may be decoded at a reduced scale
    that still covers that box, which saves most of the memory and time.
    """
    return _decode(image_file, cover)[0]


def make_renditions(image_file, storage, base_name: str) -> list[dict]:
    """Write WebP renditions for ``srcset`` to ``storage`` and describe them.

    Widths come from RENDITION_WIDTHS and never exceed the source; a source
    narrower than the smallest width gets one rendition at its own width.
    """
    img, (source_width, source_height) = _decode(image_file, cover=(max(RENDITION_WIDTHS), 1))
    img = _to_rgb_or_rgba(img)
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
        _without_metadata(resized).save(buffer, "WEBP", quality=RENDITION_QUALITY)
        name = storage.save(f"renditions/{base_name}-{width}w.webp", ContentFile(buffer.getvalue()))
        renditions[width] = {"width": width, "height": height, "name": name}


def delete_renditions(storage, renditions: list[dict]) -> None:
    """Delete rendition files written by make_renditions; missing files are ignored."""
    for rendition in renditions:
        storage.delete(rendition["name"])


def make_fresh_renditions(image_file, prefix: str) -> list[dict]:
    """Renditions of a newly stored image under names never used before, so that media can
    serve renditions as immutable: a new image always gets new URLs, even when an upload
    reuses the name of a deleted file."""
    version = hashlib.sha256(f"{image_file.name}:{time.time_ns()}".encode()).hexdigest()[:8]
    return make_renditions(image_file, image_file.storage, f"{prefix}-{version}")


def renditions_srcset(storage, renditions: list[dict]) -> str:
    return ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in renditions)


def renditions_fallback_url(image_file, renditions: list[dict]) -> str:
    """The `src` for browsers without srcset: the widest rendition up to 1200px, else the original."""
    fitting = [r for r in renditions if r["width"] <= 1200]
    if fitting:
        return image_file.storage.url(fitting[-1]["name"])
    return image_file.url
