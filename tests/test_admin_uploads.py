"""Image uploads through the story form, with real files: what is kept, what is refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html
from PIL import Image

from stories.media import images
from stories.models import Story
from tests.factories import image_upload, make_user, story_form_data

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


@pytest.fixture
def media(settings, tmp_path):
    """A media folder of this test's own, so "nothing stored" can be checked."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("chief", is_superuser=True))
    return client


def new_story_data(**overrides):
    return story_form_data(
        **{
            "title": "Kept title",
            "summary": "Kept summary.",
            "body": "<p>Kept body.</p>",
            "hero_image_alt": "A street",
            **overrides,
        }
    )


def jpeg_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0xA431] = "SERIAL-12345"  # body serial number
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (44.0, 49.0, 3.0), 3: "E", 4: (20.0, 27.0, 44.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), (90, 120, 150)).save(buffer, "JPEG", exif=exif)
    data = buffer.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the test file really has a position
    return data


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_a_photo_with_a_gps_position_is_stored_without_any_exif(editor_client, media):
    upload = SimpleUploadedFile("holiday.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = editor_client.post(reverse("admin:stories_story_add"), new_story_data(hero_image=upload))
    assert response.status_code == 302
    story = Story.objects.get()
    files = stored_files(media)
    assert story.hero_image.path in map(str, files) and len(story.hero_renditions) >= 2
    for path in files:
        data = path.read_bytes()
        with Image.open(path) as stored:
            assert not stored.getexif(), path
            assert "exif" not in stored.info and "xmp" not in stored.info
        assert b"Exif" not in data and b"SERIAL-12345" not in data and b"PhoneMaker" not in data


def bomb_png():
    # 8000×6000 = 48 megapixels of one colour: a tiny file that would take a lot of memory.
    buffer = io.BytesIO()
    Image.new("L", (8000, 6000)).save(buffer, "PNG")
    return buffer.getvalue()


def truncated_jpeg():
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 64).convert("RGB").save(buffer, "JPEG")
    data = buffer.getvalue()
    return data[: len(data) // 2]


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bomb.png", bomb_png(), "The image is too large"),
        ("cut.jpg", truncated_jpeg(), "damaged or incomplete"),
        ("page.jpg", b"<!doctype html><html><script>alert(1)</script></html>", "contains text or HTML"),
        ("logo.svg", SVG, "SVG files are not accepted"),
        ("empty.jpg", b"", "empty"),
        ("huge.jpg", b"\xff\xd8\xff\xe0" + b"\0" * (images.MAX_UPLOAD_BYTES + 1), "the maximum is 20"),
    ],
    ids=["decompression-bomb", "truncated", "html-named-jpg", "svg", "zero-bytes", "over-size"],
)
@pytest.mark.parametrize("where", ["hero", "gallery"])
def test_bad_uploads_are_refused_with_a_clear_message_nothing_stored_and_the_form_kept(
    editor_client, media, name, data, message, where
):
    upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
    if where == "hero":
        data = new_story_data(hero_image=upload)
    else:
        data = new_story_data(
            **{
                "gallery_images-TOTAL_FORMS": "1",
                "gallery_images-0-image": upload,
                "gallery_images-0-alt": "Kept alt",
                "gallery_images-0-sort_order": "0",
            }
        )
    response = editor_client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    errors = " ".join(e.text_content() for e in tree.cssselect(".errorlist"))
    assert message in errors
    assert tree.cssselect("input[name=title]")[0].get("value") == "Kept title"
    assert "Kept body." in tree.cssselect("textarea[name=body]")[0].text_content()
    assert not Story.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize("name", ["photo.exe", "photo.tiff", "photo"])
def test_a_wrong_file_name_is_refused_naming_the_four_accepted_formats_in_plain_words(name):
    from django.core.exceptions import ValidationError

    from stories.media.fields import SafeImageFormField

    with pytest.raises(ValidationError) as refused:
        SafeImageFormField().clean(image_upload(name, fmt="PNG"))
    (message,) = refused.value.messages
    assert message.endswith("Please upload a JPEG, PNG, WebP or AVIF image.")
    assert "Allowed extensions" not in message and "bmp" not in message
    assert len(message) < 120


@pytest.mark.parametrize("name", ["photo.JPG", "photo.jpeg", "photo.jfif", "photo.png", "photo.webp"])
def test_accepted_formats_pass_under_their_usual_names(name):
    from stories.media.fields import SafeImageFormField

    assert SafeImageFormField().clean(image_upload(name))
