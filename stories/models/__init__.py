"""The stories app's models, one module per concern; import them from here."""

from stories.models.consent import CONSENT_FIELDS, ConsentRecordChange, consent_values, record_consent_changes
from stories.models.content_version import ContentVersion
from stories.models.contributor import Contributor
from stories.models.gallery import StoryImage, gallery_image_path
from stories.models.handover import StoryHandover
from stories.models.preview_link import PreviewLink
from stories.models.querysets import StoryQuerySet
from stories.models.readership import DailyReferrerViews, DailyStoryViews
from stories.models.search_document import SqliteFullTextEntry, StorySearchDocument
from stories.models.slugs import unique_slug
from stories.models.story import (
    DERIVED_STORY_FIELDS,
    Story,
    StorySlug,
    hero_image_path,
    social_image_path,
)
from stories.models.story_media import HERO_IMAGE_FIELDS
from stories.models.vocabulary import Country, TaggedCountry, TaggedTheme, Theme, Vocabulary
from stories.models.withdrawal import StoryWithdrawal, WithdrawnAddress, address_digest

__all__ = [
    "CONSENT_FIELDS",
    "ConsentRecordChange",
    "consent_values",
    "record_consent_changes",
    "DERIVED_STORY_FIELDS",
    "HERO_IMAGE_FIELDS",
    "PreviewLink",
    "ContentVersion",
    "Contributor",
    "Country",
    "DailyReferrerViews",
    "DailyStoryViews",
    "SqliteFullTextEntry",
    "Story",
    "StoryHandover",
    "StoryImage",
    "StoryQuerySet",
    "StorySearchDocument",
    "StorySlug",
    "StoryWithdrawal",
    "WithdrawnAddress",
    "address_digest",
    "TaggedCountry",
    "TaggedTheme",
    "Theme",
    "Vocabulary",
    "gallery_image_path",
    "hero_image_path",
    "social_image_path",
    "unique_slug",
]
