"""WSGI entry point for gunicorn (gunicorn.conf.py checks the settings before workers start)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balkanoscope.settings")
application = get_wsgi_application()
