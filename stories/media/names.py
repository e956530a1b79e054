"""Stored file names that say nothing about anyone.

Every file of a story (hero image, gallery, renditions, share override, share card) lives in the
story's own folder under a random name: ``stories/<media key>/<random>.jpg``. No date, no title,
no name the uploader gave, and the folder tells the media view whose file it is (one indexed
query decides whether the public may see it). Signed consent forms have random names too, in
private storage (stories/editorial/consent.py).
"""

import secrets
from pathlib import PurePosixPath

STORIES_FOLDER = "stories"


def new_media_key():
    """A story's folder name: random, so no folder can be found from a story's id or title."""
    return secrets.token_hex(8)


def random_stem():
    return secrets.token_hex(16)


def story_folder(media_key):
    return f"{STORIES_FOLDER}/{media_key}"


def random_name_in(folder, filename):
    """A random name in `folder`, keeping only the extension of `filename`."""
    return f"{folder}/{random_stem()}{PurePosixPath(filename).suffix.lower()}"


def media_key_of(name):
    """The media key of a story's stored file name, or None for any other file."""
    parts = name.split("/")
    if len(parts) == 3 and parts[0] == STORIES_FOLDER and parts[1] and parts[2]:
        return parts[1]
    return None
