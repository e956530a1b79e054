"""WSGI entry point of the lean ceiling (lean_settings.py), for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.bench.lean_settings"
application = get_wsgi_application()
