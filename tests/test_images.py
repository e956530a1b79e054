import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.functional import Promise
from PIL import ExifTags, Image, ImageCms, ImageFile
from PIL.PngImagePlugin import PngInfo

from stories.media import images
from stories.media import renditions as renditions_module

RED, BLUE = (255, 0, 0), (0, 0, 255)
GPS_LATITUDE = (44.0, 49.0, 3.0)


def encode(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data)


def two_colour_image(size=(60, 40), mode="RGB"):
    """Left half red, right half blue: shows which way an image was turned."""
    image = Image.new(mode, size, RED)
    image.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    return image


def with_iptc(jpeg: bytes) -> bytes:
    """Insert a Photoshop APP13 segment carrying an IPTC by-line after the SOI marker."""
    iptc = b"\x1c\x02\x50" + struct.pack(">H", 8) + b"Jane Doe"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def jpeg_with_metadata(size=(60, 40), *, with_icc=True) -> bytes:
    """A phone-like JPEG: GPS position, camera make, orientation 6, XMP, comment, ICC, IPTC."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored sideways: turn 90° clockwise to display
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: GPS_LATITUDE,
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (20.0, 27.0, 30.0),
    }
    options = {"icc_profile": ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()} if with_icc else {}
    jpeg = encode(
        two_colour_image(size),
        "JPEG",
        quality=95,
        exif=exif,
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret-xmp</x:xmpmeta>',
        comment=b"secret-comment",
        **options,
    )
    return with_iptc(jpeg)


def png_header_only(width, height) -> bytes:
    """A PNG that declares a size in its header but carries (almost) no pixel data."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    )


def _s15(value):
    return struct.pack(">i", round(value * 65536))


def swapped_primaries_profile() -> bytes:
    """A minimal ICC v2 RGB profile whose red and green primaries are sRGB's green and red."""

    def xyz(x, y, z):
        return b"XYZ \x00\x00\x00\x00" + _s15(x) + _s15(y) + _s15(z)

    curve = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, 0x0233) + b"\x00\x00"  # gamma 2.2
    desc = b"desc\x00\x00\x00\x00" + struct.pack(">I", 8) + b"Swapped\x00" + b"\x00" * 78
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"gXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table = body = b""
    for signature, data in tags:
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    header = (
        struct.pack(">I", offset + len(body))
        + b"\x00" * 4
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + b"\x00" * 12
        + b"acsp"
        + b"\x00" * 28
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + b"\x00" * 48
    )
    return header + struct.pack(">I", len(tags)) + table + body


def rejection(data, name="photo.jpg") -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        images.validate_image_upload(upload(data, name))
    return excinfo.value


def test_metadata_fixture_really_carries_gps_and_orientation():
    source = Image.open(io.BytesIO(jpeg_with_metadata()))
    exif = source.getexif()
    assert exif[ExifTags.Base.Orientation] == 6
    assert exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] == GPS_LATITUDE
    assert {"xmp", "comment", "icc_profile", "photoshop"} <= source.info.keys()


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_valid_images_pass_and_the_file_is_rewound(image_format):
    uploaded = upload(encode(two_colour_image(), image_format), "picture.bin")
    images.validate_image_upload(uploaded)
    assert uploaded.tell() == 0


@pytest.mark.skipif(not images.AVIF_SUPPORTED, reason="Pillow without AVIF support")
def test_avif_is_accepted_when_pillow_supports_it():
    images.validate_image_upload(upload(encode(two_colour_image(), "AVIF"), "picture.avif"))


def test_phone_jpeg_with_gps_is_accepted():
    images.validate_image_upload(upload(jpeg_with_metadata()))


@pytest.mark.parametrize("with_icc", [True, False])
def test_clean_image_removes_all_metadata_and_applies_the_orientation(with_icc):
    cleaned = images.clean_image(upload(jpeg_with_metadata(with_icc=with_icc), "Holiday.JPEG"))
    data = cleaned.read()
    result = Image.open(io.BytesIO(data))

    assert cleaned.name == "image.jpg"  # the uploader's file name goes no further
    assert result.format == "JPEG"
    assert len(result.getexif()) == 0
    assert not {"exif", "xmp", "comment", "icc_profile", "photoshop"} & result.info.keys()
    for marker in (b"Exif\x00\x00", b"PhoneCo", b"secret-xmp", b"secret-comment", b"Photoshop 3.0", b"Jane Doe"):
        assert marker not in data
    # Stored 60×40 with red on the left; displayed upright it is 40×60, red on top.
    assert result.size == (40, 60)
    top, bottom = result.getpixel((20, 5)), result.getpixel((20, 55))
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60
    assert result.info.get("progressive")


def test_clean_image_converts_cmyk_jpeg_to_rgb():
    cleaned = images.clean_image(upload(encode(Image.new("CMYK", (32, 32), (0, 255, 255, 0)), "JPEG")))
    result = Image.open(cleaned)
    assert result.mode == "RGB"
    red, green, blue = result.getpixel((16, 16))
    assert red > 200 and green < 60 and blue < 60


def test_clean_image_keeps_png_transparency_and_drops_text_chunks():
    source = Image.new("RGBA", (20, 20), (0, 128, 0, 0))
    source.paste((0, 128, 0, 255), (0, 0, 10, 20))
    info = PngInfo()
    info.add_text("Author", "Jane Doe")
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    data = encode(source, "PNG", pnginfo=info, exif=exif)

    cleaned = images.clean_image(upload(data, "logo.png"))
    result = Image.open(cleaned)
    assert cleaned.name == "image.png"
    assert result.format == "PNG"
    assert result.getpixel((2, 2))[3] == 255 and result.getpixel((17, 2))[3] == 0
    assert "Author" not in result.info and "exif" not in result.info


def test_clean_image_keeps_palette_png_transparency():
    source = Image.new("P", (20, 20), 1)
    source.putpalette([255, 255, 255, 200, 30, 30])
    data = encode(source, "PNG", transparency=0)
    result = Image.open(images.clean_image(upload(data, "icon.png")))
    assert result.convert("RGBA").getpixel((5, 5)) == (200, 30, 30, 255)


def test_clean_image_keeps_webp_as_webp():
    cleaned = images.clean_image(upload(encode(two_colour_image(), "WEBP"), "pic.webp"))
    assert cleaned.name == "image.webp"
    assert Image.open(cleaned).format == "WEBP"


@pytest.mark.skipif(not images.AVIF_SUPPORTED, reason="Pillow without AVIF support")
def test_clean_image_keeps_avif_as_avif_when_it_can_encode_it():
    cleaned = images.clean_image(upload(encode(two_colour_image(), "AVIF"), "pic.avif"))
    expected = "AVIF" if images._can_encode_avif() else "WEBP"
    assert Image.open(cleaned).format == expected


def test_clean_image_converts_colours_to_srgb_and_drops_the_profile():
    # Pure red in a profile whose "red" is sRGB's green must come out green.
    data = encode(Image.new("RGB", (16, 16), RED), "PNG", icc_profile=swapped_primaries_profile())
    result = Image.open(images.clean_image(upload(data, "p3.png")))
    assert "icc_profile" not in result.info
    assert result.getpixel((8, 8)) == (0, 255, 0)


def test_decompression_bomb_is_rejected_from_its_header():
    error = rejection(png_header_only(20_000, 20_000), "bomb.png")
    assert error.code == "too_many_pixels"
    assert "too large" in error.messages[0]


def test_image_over_the_pixel_limit_is_rejected_before_decoding():
    # 48 MP is under Pillow's own bomb limit: our check must catch it. The file
    # has no real pixel data, so rejecting it as too large proves nothing was decoded.
    error = rejection(png_header_only(8000, 6000), "huge.png")
    assert error.code == "too_many_pixels"
    assert "8000×6000" in error.messages[0]
    assert "40 megapixels" in error.messages[0]


@pytest.mark.parametrize("load_truncated", [False, True])
@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_truncated_image_is_rejected_whatever_pillow_is_told(monkeypatch, image_format, load_truncated):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", load_truncated)
    data = encode(Image.effect_noise((200, 150), 50).convert("RGB"), image_format)
    error = rejection(data[: len(data) * 2 // 3])
    assert error.code == "damaged_image"
    assert "damaged or incomplete" in error.messages[0]


def test_html_named_jpg_is_rejected():
    error = rejection(b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "cat.jpg")
    assert error.code == "not_an_image"
    assert "text or HTML" in error.messages[0]


def test_svg_is_rejected():
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    error = rejection(svg, "drawing.svg")
    assert error.code == "svg"
    assert "SVG" in error.messages[0]


def test_gif_is_rejected():
    error = rejection(encode(two_colour_image(), "GIF"), "anim.jpg")
    assert error.code == "gif"
    assert "GIF" in error.messages[0]


def test_other_image_formats_are_rejected():
    error = rejection(encode(two_colour_image(), "TIFF"), "scan.png")
    assert error.code == "invalid_image"
    assert "not an image in an accepted format" in error.messages[0]


def test_animated_webp_is_rejected():
    frames = [two_colour_image(), Image.new("RGB", (60, 40), "green")]
    data = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100)
    error = rejection(data, "anim.webp")
    assert error.code == "animated"


def test_empty_file_is_rejected():
    error = rejection(b"")
    assert error.code == "empty"
    assert "empty" in error.messages[0]


def test_oversized_file_is_rejected(monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 1024)
    data = encode(Image.effect_noise((100, 100), 80).convert("RGB"), "PNG")
    assert len(data) > 1024
    error = rejection(data, "big.png")
    assert error.code == "file_too_big"
    assert "maximum is 1.0" in error.messages[0]


def test_rejected_file_is_rewound_and_message_is_translatable():
    uploaded = upload(b"<html></html>")
    with pytest.raises(ValidationError) as excinfo:
        images.validate_image_upload(uploaded)
    assert uploaded.tell() == 0
    assert isinstance(excinfo.value.message, Promise)


@pytest.fixture
def storage(tmp_path):
    return FileSystemStorage(location=tmp_path)


def test_renditions_cover_every_width_up_to_the_source(storage, tmp_path):
    renditions = renditions_module.make_renditions(
        upload(encode(two_colour_image((2000, 1000)), "JPEG")), storage, "story"
    )

    assert [(r["width"], r["height"]) for r in renditions] == [(480, 240), (800, 400), (1200, 600), (1600, 800)]
    for rendition in renditions:
        assert rendition["name"] == f"story-{rendition['width']}w.webp"
        with Image.open(tmp_path / rendition["name"]) as written:
            assert written.format == "WEBP"
            assert written.size == (rendition["width"], rendition["height"])
            assert not written.getexif()


def test_renditions_never_upscale(storage):
    renditions = renditions_module.make_renditions(upload(encode(two_colour_image((1000, 500)), "PNG")), storage, "mid")
    assert [r["width"] for r in renditions] == [480, 800]


def test_small_source_gets_one_rendition_at_its_own_width(storage):
    renditions = renditions_module.make_renditions(
        upload(encode(two_colour_image((300, 200)), "WEBP")), storage, "tiny"
    )
    assert renditions == [{"width": 300, "height": 200, "name": "tiny-300w.webp"}]


def test_renditions_follow_the_exif_orientation(storage, tmp_path):
    renditions = renditions_module.make_renditions(upload(jpeg_with_metadata((1200, 800))), storage, "turned")
    assert [(r["width"], r["height"]) for r in renditions] == [(480, 720), (800, 1200)]
    with Image.open(tmp_path / renditions[0]["name"]) as written:
        assert written.getpixel((240, 20))[0] > 200  # red on top, as displayed


def test_renditions_of_a_large_jpeg_are_decoded_at_reduced_scale(storage, monkeypatch):
    loaded_sizes = []
    original_load = renditions_module.load

    def spy(img, guard):
        original_load(img, guard)
        loaded_sizes.append(img.size)

    monkeypatch.setattr(renditions_module, "load", spy)
    renditions = renditions_module.make_renditions(
        upload(encode(two_colour_image((6400, 3200)), "JPEG")), storage, "big"
    )
    assert renditions[-1]["width"] == 1600
    assert loaded_sizes == [(1600, 800)]  # JPEG draft: a quarter of 6400 px still covers 1600 px


def test_delete_renditions_removes_the_files(storage, tmp_path):
    renditions = renditions_module.make_renditions(
        upload(encode(two_colour_image((900, 600)), "JPEG")), storage, "gone"
    )
    assert all((tmp_path / r["name"]).exists() for r in renditions)
    renditions_module.delete_renditions(storage, renditions)
    assert not any((tmp_path / r["name"]).exists() for r in renditions)
