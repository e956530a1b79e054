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
