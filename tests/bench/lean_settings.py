"""The lean ceiling's settings: a Django project with WhiteNoise as its only middleware and no
database, serving the bench's collected static files (the story page's bytes among them). What
any Django site could do at best for a page kept as a file; see lean_wsgi.py."""

import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = []
MIDDLEWARE = ["whitenoise.middleware.WhiteNoiseMiddleware"]
ROOT_URLCONF = __name__
urlpatterns = []
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = os.environ["STATIC_ROOT"]
WHITENOISE_MAX_AGE = 60 * 60  # as the site's settings: the same Cache-Control on the same file
