"""Signed consent forms: what may be uploaded, and where it goes."""

import uuid
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_CONSENT_FORM_BYTES = 10 * 1024 * 1024

# Judged by the first bytes, never by the name the uploader gave.
CONSENT_FORM_SIGNATURES = {
    b"%PDF-": (".pdf", "application/pdf"),
    b"\xff\xd8\xff": (".jpg", "image/jpeg"),
    b"\x89PNG\r\n\x1a\n": (".png", "image/png"),
}
CONTENT_TYPES = dict(CONSENT_FORM_SIGNATURES.values())


def consent_form_kind(head: bytes):
    """(extension, content type) of a PDF, JPEG or PNG, judged by its first bytes; else None."""
    for signature, kind in CONSENT_FORM_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return None


def validate_consent_form(uploaded_file):
    if uploaded_file.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if uploaded_file.size > MAX_CONSENT_FORM_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the maximum is %(max)s."),
            code="file_too_big",
            params={"size": filesizeformat(uploaded_file.size), "max": filesizeformat(MAX_CONSENT_FORM_BYTES)},
        )
    uploaded_file.seek(0)
    head = uploaded_file.read(16)
    uploaded_file.seek(0)
    if consent_form_kind(head) is None:
        raise ValidationError(_("Please upload the signed form as a PDF, JPEG or PNG file."), code="invalid_type")


def consent_form_path(story, filename):
    """A random name: the storyteller's name, often in the file name, stays out of the path."""
    kind = None
    file = getattr(story.consent_form, "file", None)
    if file is not None:
        file.seek(0)
        kind = consent_form_kind(file.read(16))
        file.seek(0)
    extension = kind[0] if kind else PurePosixPath(filename).suffix.lower()
    return f"consent/{uuid.uuid4().hex}{extension}"


def content_type_for(name):
    return CONTENT_TYPES.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")
