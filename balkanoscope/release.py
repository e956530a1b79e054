"""Which code and templates are running: part of every cache key, so a deployment never
serves what the previous release computed from a shared cache."""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings


@cache
def release_id():
    """Identifies the running code and templates: RELEASE_ID, or a hash of the project's own
    Python packages and templates (computed once, in gunicorn's master before it forks)."""
    if settings.RELEASE_ID:
        return settings.RELEASE_ID
    digest = hashlib.md5(usedforsecurity=False)
    base = Path(settings.BASE_DIR)
    for folder in sorted(base.iterdir()):
        if folder.name == "templates" or ((folder / "__init__.py").exists() and folder.name != "tests"):
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".py", ".html", ".txt", ".xml") and path.is_file():
                    digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
