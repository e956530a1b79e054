"""Start-up guard shared by manage.py, wsgi.py and gunicorn.conf.py."""

import importlib
import os
import sys

from balkanoscope.env import SettingError


def exit_on_bad_settings():
    """Import the settings now, so a bad environment stops start-up with one clear line."""
    try:
        importlib.import_module(os.environ.get("DJANGO_SETTINGS_MODULE", "balkanoscope.settings"))
    except SettingError as exc:
        sys.stderr.write(f"Configuration error: {exc}\n")
        sys.exit(2)


def warm_up():
    """Work each process would otherwise do on its first requests, done once in gunicorn's
    master before it forks: the URL resolver, the translation catalogue and every template
    of the site compiled. A new or recycled worker then answers at once, instead of keeping
    the readers on its connections waiting while it compiles; and the result is memory the
    workers share."""
    from pathlib import Path

    from django.conf import settings
    from django.template.loader import get_template
    from django.urls import reverse
    from django.utils import translation

    reverse("stories:home")
    with translation.override(settings.LANGUAGE_CODE):
        for folder in settings.TEMPLATES[0]["DIRS"]:
            for path in sorted(Path(folder).rglob("*.html")):
                get_template(path.relative_to(folder).as_posix())
