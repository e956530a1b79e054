"""Safe handling of uploaded images: validation, metadata stripping and renditions.

Every decode goes through ``open_checked`` and ``load``: the size and pixel
limits are enforced from the header before any pixel data is decoded, and a
file that ends early is rejected whatever ``ImageFile.LOAD_TRUNCATED_IMAGES``
says.
"""

import functools
import io
import os
import struct
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
# What an accepted upload may be called (the stored copy is renamed to _EXTENSIONS' spelling).
ACCEPTED_EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp"} | ({".avif"} if AVIF_SUPPORTED else set())
_PNG_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "I;16"}

# Exceptions Pillow's decoders raise on damaged data.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)


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


def with_formats_hint(problem):
    """`problem`, then the formats accepted in plain words ("Please upload a JPEG, PNG…")."""
    return _with_hint(problem)


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
def binary_stream(image_file):
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


def open_checked(fp) -> tuple[Image.Image, _EofGuard]:
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
    except DECODE_ERRORS:
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


def load(img: Image.Image, guard: _EofGuard) -> None:
    """Decode all pixel data, rejecting damaged or truncated files."""
    guard.armed = True
    try:
        img.load()
    except (_TruncatedError, *DECODE_ERRORS):
        img.close()
        raise _damaged_error() from None
    finally:
        guard.armed = False


def validate_image_upload(uploaded_file) -> None:
    """Raise ValidationError unless the file fully decodes as an accepted image format."""
    with binary_stream(uploaded_file) as fp:
        img, guard = open_checked(fp)
        load(img, guard)
        img.close()


def upright(img: Image.Image) -> Image.Image:
    """Turn ``img`` (in place: no copy of a large image) as its EXIF orientation says."""
    # Unreadable EXIF is no reason to refuse a photo: it is then shown as stored.
    with suppress(*DECODE_ERRORS):
        ImageOps.exif_transpose(img, in_place=True)
    return img


@functools.cache
def _srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def to_srgb(img: Image.Image) -> Image.Image:
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


def to_rgb_or_rgba(img: Image.Image) -> Image.Image:
    if img.mode in ("RGB", "RGBA"):
        return img
    return img.convert("RGBA" if _has_alpha(img) else "RGB")


def without_metadata(img: Image.Image) -> Image.Image:
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
            img = to_rgb_or_rgba(img)
        options = {"optimize": True}
        if "transparency" in img.info and img.mode in ("1", "L", "P", "RGB", "I;16"):
            options["transparency"] = img.info["transparency"]
    elif image_format == "WEBP":
        img = to_rgb_or_rgba(img)
        options = {"quality": 82}
    elif image_format == "AVIF":
        img = to_rgb_or_rgba(img)
        options = {"quality": 63}
    buffer = io.BytesIO()
    without_metadata(img).save(buffer, image_format, **options)
    return buffer.getvalue()


def clean_image(uploaded_file) -> ContentFile:
    """Return the image upright, re-encoded in its own format with all metadata removed.

    The ICC profile is not kept: pixels are converted to sRGB instead. AVIF
    stays AVIF where Pillow can encode it and becomes WebP otherwise.
    """
    with binary_stream(uploaded_file) as fp:
        img, guard = open_checked(fp)
        load(img, guard)
    source_format = "JPEG" if img.format == "MPO" else img.format
    target_format = source_format
    if source_format == "AVIF" and not _can_encode_avif():
        target_format = "WEBP"
    data = _encode(to_srgb(upright(img)), target_format)
    # The uploader's file name often names a person: it goes no further than this function.
    return ContentFile(data, name=f"image{_EXTENSIONS[target_format]}")
