"""WSGI entry point for gunicorn (gunicorn.conf.py checks the settings before workers start).

Django's application, with page-cache hits answered in front of it (cache_front.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balkanoscope.settings")
django_application = get_wsgi_application()

from balkanoscope.cache_front import CacheFront  # noqa: E402 (needs the settings loaded above)

application = CacheFront(django_application)
