"""Media on S3-compatible object storage (MEDIA_STORAGE=s3), through django-storages and boto3.

Two buckets, shared by every app instance:

- the media bucket (AWS_STORAGE_BUCKET_NAME): images. Files outside stories' folders (partner
  logos, contributor photos, the default share card) are public: their URLs point at the bucket
  or its CDN domain (AWS_S3_CUSTOM_DOMAIN), which serves them with the Cache-Control and
  Content-Type stored with each object. A story's files (``stories/<media key>/…``) are private
  until the story is published, so the bucket must not let anyone read that prefix (README,
  "Running on several machines"): their URLs stay the app's ``/media/stories/…``, which asks the
  database whether the reader may see the story and then redirects to a short-lived signed URL.
  Unpublishing or withdrawing therefore takes effect at once on every instance, as on disk.
- the private bucket (PRIVATE_MEDIA_BUCKET): signed consent forms, reached only through signed
  URLs that expire after MEDIA_SIGNED_URL_MAX_AGE seconds, or through the admin's download view.

Object names are the same as on disk, so a backup taken from one restores into the other.
"""

from functools import cached_property
from pathlib import PurePosixPath

import boto3
from botocore.config import Config
from django.conf import settings
from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from balkanoscope.storage import MEDIA_CONTENT_TYPES, STORY_FILES_PREFIX

# Public uploads keep their names for good (a new upload gets a new random name), so a day in
# browsers and a CDN is safe, as it is for the same files served from disk.
PUBLIC_CACHE_CONTROL = "public, max-age=86400"
PRIVATE_CACHE_CONTROL = "private, no-store"


def connection_settings():
    """What both buckets share: endpoint, region, credentials (None: boto3 finds its own)."""
    return {
        "endpoint_url": settings.AWS_S3_ENDPOINT_URL,
        "region_name": settings.AWS_S3_REGION_NAME,
        "access_key": settings.AWS_ACCESS_KEY_ID,
        "secret_key": settings.AWS_SECRET_ACCESS_KEY,
        # Path-style addressing works with every S3-compatible server (MinIO, moto, Ceph).
        "addressing_style": "path",
        "signature_version": "s3v4",
    }


class SignedUrls:
    """Presigned GET URLs built for the address browsers use (AWS_S3_PUBLIC_ENDPOINT_URL), which
    may differ from the one the app reaches the store at (a container network name)."""

    bucket_name: str

    @cached_property
    def signing_client(self):
        return boto3.session.Session().client(
            "s3",
            endpoint_url=settings.AWS_S3_PUBLIC_ENDPOINT_URL or settings.AWS_S3_ENDPOINT_URL,
            region_name=settings.AWS_S3_REGION_NAME,
            aws_access_key_id=settings.AWS_ACCESS_KEY_ID,
            aws_secret_access_key=settings.AWS_SECRET_ACCESS_KEY,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def signed_url(self, name, *, expire, cache_control=PRIVATE_CACHE_CONTROL, attachment_name=None):
        """A URL that reads `name` for `expire` seconds, answered with `cache_control` and the
        image type its extension names (never what the object claims)."""
        parameters = {"Bucket": self.bucket_name, "Key": clean_name(name), "ResponseCacheControl": cache_control}
        content_type = MEDIA_CONTENT_TYPES.get(PurePosixPath(name).suffix.lower())
        if content_type:
            parameters["ResponseContentType"] = content_type
        if attachment_name:
            parameters["ResponseContentDisposition"] = f'attachment; filename="{attachment_name}"'
        return self.signing_client.generate_presigned_url("get_object", Params=parameters, ExpiresIn=expire)


@deconstructible
class PublicMediaStorage(SignedUrls, S3Storage):
    """The media bucket: public uploads by their bucket or CDN URL, stories' files by the app's
    gate (see the module's docstring)."""

    def __init__(self, **overrides):
        super().__init__(
            **{
                **connection_settings(),
                "bucket_name": settings.AWS_STORAGE_BUCKET_NAME,
                "custom_domain": settings.AWS_S3_CUSTOM_DOMAIN,
                "querystring_auth": False,  # public objects: plain, cacheable URLs
                "default_acl": None,  # the bucket's policy decides who reads, not per-object ACLs
                "file_overwrite": True,  # names are random or content-addressed: a rewrite is the same bytes
                **overrides,
            }
        )

    def get_object_parameters(self, name):
        content_type = MEDIA_CONTENT_TYPES.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")
        is_story_file = clean_name(name).startswith(STORY_FILES_PREFIX)
        return {
            **super().get_object_parameters(name),
            "ContentType": content_type,
            # A story's files are only ever read through signed URLs, which set their own.
            "CacheControl": PRIVATE_CACHE_CONTROL if is_story_file else PUBLIC_CACHE_CONTROL,
        }

    def url(self, name, parameters=None, expire=None, http_method=None):
        if clean_name(name).startswith(STORY_FILES_PREFIX):
            return f"{settings.MEDIA_URL}{clean_name(name)}"  # the gate: stories/media/views.py
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)


@deconstructible
class PrivateMediaStorage(SignedUrls, S3Storage):
    """The private bucket of signed consent forms: no public URL, signed URLs only."""

    def __init__(self, **overrides):
        super().__init__(
            **{
                **connection_settings(),
                "bucket_name": settings.PRIVATE_MEDIA_BUCKET,
                "custom_domain": None,  # a CDN must never hold these
                "querystring_auth": True,
                "querystring_expire": settings.MEDIA_SIGNED_URL_MAX_AGE,
                "default_acl": None,
                "file_overwrite": False,
                "object_parameters": {"CacheControl": PRIVATE_CACHE_CONTROL},
                **overrides,
            }
        )

    def url(self, name, parameters=None, expire=None, http_method=None):
        return self.signed_url(name, expire=expire or settings.MEDIA_SIGNED_URL_MAX_AGE)
