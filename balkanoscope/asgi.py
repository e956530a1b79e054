"""ASGI entry point, for servers that prefer it; production uses WSGI (gunicorn)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balkanoscope.settings")
application = get_asgi_application()
