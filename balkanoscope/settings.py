"""Balkanoscope settings: one file, read from the environment, loud in production.

Every variable is documented in README.md ("Configuration").
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from balkanoscope import env
from balkanoscope.sqlite import ExistingDatabaseConnection

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env.boolean("DJANGO_DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env.text("DJANGO_SECRET_KEY", "dev-only-not-secret")
    ALLOWED_HOSTS = env.comma_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
else:
    SECRET_KEY = env.secret_key("DJANGO_SECRET_KEY")  # refusing to start beats a guessable key
    ALLOWED_HOSTS = env.comma_list("DJANGO_ALLOWED_HOSTS", required=True)
CSRF_TRUSTED_ORIGINS = env.comma_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The public address of the site: canonical links, share links, feeds and sitemaps are built
# from it, never from the request's Host header.
SITE_URL = env.absolute_url("SITE_URL", "http://127.0.0.1:8000")
SITE_NAME = "Balkanoscope"
ADMIN_URL = env.url_path("ADMIN_URL", "admin/")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, whose forms it extends (stories/translation.py)
    "stories.editorial.admin_apps.NewsroomAdminConfig",  # Django's admin, with the newsroom dashboard as home
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "taggit",
    "reversion",
    "django_prose_editor",
    "csp",
    "axes",
    "stories",
    "partners",
]

MIDDLEWARE = [
    "balkanoscope.middleware.health_check_middleware",
    "balkanoscope.middleware.request_log_middleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after the HTTPS redirect and HSTS: a cached page costs a primary-key query and a
    # cache lookup, and carries the CSP, Permissions-Policy and frame headers stored with it.
    # See balkanoscope/page_cache.py. Readership counts outside it, so a cached page counts too:
    # story views per day, nothing about the reader (stories/readership/counter.py). Under a
    # server, hits are answered in front of Django's handler, through the entries above the page
    # cache only (balkanoscope/cache_front.py).
    "stories.readership.middleware.readership_middleware",
    "balkanoscope.page_cache.page_cache_middleware",
    # Inside the page cache, so stored pages keep the tags a proxy in front purges them by.
    "balkanoscope.cache_tags.cache_tags_middleware",
    # The language from the address (never the browser's), for everything after the page
    # cache, whose keys are paths, prefix included; Content-Language is stored with each page.
    "balkanoscope.languages.language_middleware",
    # Serbian pages in the reader's script (Cyrillic /sr/, Latin /sr-latn/), before they are cached.
    "stories.scripts.middleware.script_middleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "balkanoscope.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "balkanoscope.urls"
WSGI_APPLICATION = "balkanoscope.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partners.context_processors.site",
                "balkanoscope.languages.context",
            ],
            "libraries": {
                "links": "balkanoscope.links",  # absolute URLs on SITE_URL
                "languages": "balkanoscope.languages",  # BCP 47 tags
            },
        },
    },
]

DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and a writer work at once; IMMEDIATE avoids "database is locked"
        # when two gunicorn workers write.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
        # A missing or replaced file is an outage, not a new empty database (balkanoscope/sqlite.py).
        "factory": ExistingDatabaseConnection,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A stopped or unreachable server must fail a request within seconds (a branded 503),
    # not hang a worker until gunicorn's timeout kills it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.integer("DATABASE_CONNECT_TIMEOUT", 3, minimum=1)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATABASE_ROUTERS = ["stories.routers.SearchIndexRouter"]  # keeps the FTS5 join model out of dumps

CACHE_URL_VARIABLE = "CACHE_URL" if env.text("CACHE_URL") else "REDIS_URL"
CACHES = {
    "default": env.cache(CACHE_URL_VARIABLE, env.text(CACHE_URL_VARIABLE, "locmem://"), key_prefix="balkanoscope")
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out; must come first
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: after AXES_FAILURE_LIMIT failures for one username, or from one address,
# logins are refused for the cool-off time. Attempts live in the database, so every app
# instance sees them.
AXES_FAILURE_LIMIT = env.integer("DJANGO_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env.integer("DJANGO_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one alone locks
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "balkanoscope.views.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "balkanoscope.middleware.client_ip"
AXES_DISABLE_ACCESS_LOG = True  # keep failed attempts only: no record of who logged in from where
AXES_VERBOSE = False  # axes' own log lines carry usernames and addresses
# Proxies in front of the app that append to X-Forwarded-For (0: use the socket's address).
TRUSTED_PROXY_COUNT = env.integer("DJANGO_TRUSTED_PROXY_COUNT", 0, minimum=0)
# The page cache (balkanoscope/page_cache.py). Correct with per-process local-memory caches
# too: every key includes a content version read from the database on each request. Which views
# it may serve is said where they are defined, with @page_cacheable.
PAGE_CACHE = env.boolean("PAGE_CACHE", default=not DEBUG)  # off while editing templates
# Counts and lists derived from the content, cached per content version even when PAGE_CACHE is off.
DATA_CACHE = env.boolean("DATA_CACHE", default=True)
PAGE_CACHE_CONTENT_STATE = "stories.content_state.content_state"  # what every page cache key includes
PAGE_CACHE_CONTENT_APPS = {"stories", "partners", "taggit"}  # any save or delete here outdates pages
PAGE_CACHE_TIMEOUT = env.integer("PAGE_CACHE_TIMEOUT", 60 * 60, minimum=0)
PAGE_CACHE_MAX_AGE = env.integer("PAGE_CACHE_MAX_AGE", 60, minimum=0)  # browsers
PAGE_CACHE_SHARED_MAX_AGE = env.integer("PAGE_CACHE_SHARED_MAX_AGE", 300, minimum=0)  # a CDN in front
PAGE_CACHE_STALE_SECONDS = 60  # a CDN may serve a stale page this long while it revalidates
# Caching proxies in front (Varnish: deploy/varnish/default.vcl) that every change is banned
# from by cache tag (stories/cache_purge.py), e.g. http://varnish-1:6081,http://varnish-2:6081.
CACHE_PURGE_URLS = env.comma_list("CACHE_PURGE_URLS")
# A callable given each change's tags, for a CDN's purge-by-tag API (README, "Running on several machines").
CACHE_PURGE_HOOK = env.text("CACHE_PURGE_HOOK")
CACHE_PURGE_TIMEOUT = 2  # seconds per attempt; three attempts per proxy
RELEASE_ID = env.text("RELEASE_ID", "")  # e.g. the git commit; else a hash of the code and templates

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The interface languages (README.md, "Languages"): English at the site's plain addresses, the
# others under their prefix. Stories are written in any of them (Story.language). Serbian is
# written once, in either script; the other script is made by transliteration (stories/scripts/).
LANGUAGES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("mk", _("Macedonian")),
    ("sr", _("Serbian (Cyrillic)")),
    ("sr-latn", _("Serbian (Latin)")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Country and theme names and descriptions per language (stories/translation.py). Serbian Latin
# has no columns of its own: it reads Serbian's, transliterated; a missing translation shows English.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES if code != "sr-latn")
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
TIME_ZONE = "Europe/Belgrade"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.text("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(VAR_DIR / "media")))
# Signed consent forms: outside MEDIA_ROOT, so no URL ever serves them; editors download
# them through the admin.
PRIVATE_MEDIA_ROOT = Path(env.text("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))).resolve()
if PRIVATE_MEDIA_ROOT.is_relative_to(Path(MEDIA_ROOT).resolve()):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must not be inside MEDIA_ROOT: files there are public.")
# Media on the local disk (one machine, `make run`) or on S3-compatible object storage shared by
# several app instances (balkanoscope/object_storage.py; README, "Running on several machines").
MEDIA_STORAGE = env.choice("MEDIA_STORAGE", "local", ["local", "s3"])
MEDIA_ORIGINS = []  # where images come from besides the site itself (the CSP's img-src)
if MEDIA_STORAGE == "s3":
    S3_REQUIRED = "is required when MEDIA_STORAGE=s3."
    AWS_STORAGE_BUCKET_NAME = env.text("AWS_STORAGE_BUCKET_NAME", required=True, because=S3_REQUIRED)
    PRIVATE_MEDIA_BUCKET = env.text("PRIVATE_MEDIA_BUCKET", required=True, because=S3_REQUIRED)
    if PRIVATE_MEDIA_BUCKET == AWS_STORAGE_BUCKET_NAME:
        raise env.SettingError("PRIVATE_MEDIA_BUCKET", "must not be the media bucket: consent forms are private.")
    AWS_S3_ENDPOINT_URL = env.optional_url("AWS_S3_ENDPOINT_URL")  # None: Amazon S3 itself
    AWS_S3_PUBLIC_ENDPOINT_URL = env.optional_url("AWS_S3_PUBLIC_ENDPOINT_URL")  # what browsers reach
    AWS_S3_REGION_NAME = env.text("AWS_S3_REGION_NAME", "us-east-1")
    AWS_ACCESS_KEY_ID = env.text("AWS_ACCESS_KEY_ID")  # None: boto3's own chain (instance roles…)
    AWS_SECRET_ACCESS_KEY = env.text("AWS_SECRET_ACCESS_KEY")
    AWS_S3_CUSTOM_DOMAIN = env.text("AWS_S3_CUSTOM_DOMAIN")  # a CDN in front of the media bucket
    # How long a signed URL works: consent forms and preview images (public story images: below).
    MEDIA_SIGNED_URL_MAX_AGE = env.integer("MEDIA_SIGNED_URL_MAX_AGE", 300, minimum=10)
    # Public uploads come from the CDN domain (or the store); signed URLs always from the store.
    MEDIA_ORIGINS = [
        *([f"https://{AWS_S3_CUSTOM_DOMAIN}"] if AWS_S3_CUSTOM_DOMAIN else []),
        AWS_S3_PUBLIC_ENDPOINT_URL or AWS_S3_ENDPOINT_URL or f"https://s3.{AWS_S3_REGION_NAME}.amazonaws.com",
    ]
    MEDIA_STORAGE_BACKENDS = {
        "default": {"BACKEND": "balkanoscope.object_storage.PublicMediaStorage"},
        "private": {"BACKEND": "balkanoscope.object_storage.PrivateMediaStorage"},
    }
else:
    MEDIA_STORAGE_BACKENDS = {
        "default": {"BACKEND": "balkanoscope.storage.AtomicFileSystemStorage"},
        "private": {"BACKEND": "balkanoscope.storage.PrivateFileSystemStorage"},
    }
STORAGES = {
    **MEDIA_STORAGE_BACKENDS,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60  # unhashed files; hashed ones get a year and `immutable`
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

TAGGIT_CASE_INSENSITIVE = True  # "Poverty" and "poverty" are one keyword

# Editorial workflow (README.md, "Editorial workflow").
STORY_PREVIEW_MAX_AGE = env.integer("STORY_PREVIEW_MAX_AGE", 60 * 60 * 24 * 7, minimum=60)  # seconds
# How long a preview page's image URLs work (each showing of the page makes new ones).
PREVIEW_MEDIA_MAX_AGE = 60 * 60
# How long browsers and a CDN may keep a public story's image: after unpublishing or withdrawal,
# a CDN may serve it this long (README, "Media files").
STORY_MEDIA_MAX_AGE = env.integer("STORY_MEDIA_MAX_AGE", 300, minimum=0)
# Archives of material published elsewhere may have no consent record to enter.
STORY_PUBLISH_WITHOUT_CONSENT = env.boolean("STORY_PUBLISH_WITHOUT_CONSENT", default=False)
# Themes whose stories should be considered for a content warning (theme slugs; the checklist warns).
STORY_SENSITIVE_THEMES = env.comma_list("STORY_SENSITIVE_THEMES", ["post-war", "crime"])
# E-mails about hand-overs (sent for review, sent back, published): stories/editorial/notifications.py.
NEWSROOM_EMAIL_NOTIFICATIONS = env.boolean("NEWSROOM_EMAIL_NOTIFICATIONS", default=False)
EMAIL_BACKEND = env.text(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.text("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("DJANGO_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env.text("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.text("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("DJANGO_EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.text("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")

# Security: the deployment checklist, on by default outside DEBUG.
HTTPS = env.boolean("DJANGO_HTTPS", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12  # an editor's working day
# Editors often share newsroom and office computers: closing the browser logs them out.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True  # the admin reads the token from the form, never from the cookie

# Content-Security-Policy (django-csp). Scripts only from our own files, or inline blocks that
# carry the request's nonce (request.csp_nonce, e.g. an editor's import map); no eval.
# Styles allow 'unsafe-inline': Django's admin writes <style> blocks and style attributes, and
# rich-text editors inject their own; CSS cannot run script, and story HTML is sanitised
# (no style attributes). A nonce in style-src would switch 'unsafe-inline' off, so none there.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],  # the admin's icons are data: URLs
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Who may frame the story cards of /embed/stories/<slug>/ (the only framable pages): every
# site by default, or a list of origins such as https://europeanwesternbalkans.com.
EMBED_FRAME_ANCESTORS = env.comma_list("EMBED_FRAME_ANCESTORS", ["*"])
# Features the site never uses are switched off for it and for anything it might embed (by
# django-permissions-policy). Only features Chromium knows: it reports each unknown one on the
# console of every page (ambient-light-sensor, bluetooth and web-share, on Linux). Sharing needs
# the clipboard and the native share sheet, whose default is our own pages already.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
    "clipboard-write": ["self"],
}
if HTTPS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # only trusted behind our proxy
    SECURE_HSTS_SECONDS = env.integer("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.boolean("DJANGO_HSTS_PRELOAD", default=True)

# Logs go to stderr, one line per record: "plain" key=value text or "json" for log collectors.
# Every request gets one line (method, path without query string, status, time in ms);
# client addresses only with DJANGO_LOG_CLIENT_IP on.
LOG_FORMAT = env.choice("DJANGO_LOG_FORMAT", "plain", ["plain", "json"])
LOG_CLIENT_IP = env.boolean("DJANGO_LOG_CLIENT_IP", default=False)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"()": "balkanoscope.logs.KeyValueFormatter"},
        "json": {"()": "balkanoscope.logs.JsonFormatter"},
    },
    "filters": {"rejected_request": {"()": "balkanoscope.logs.RejectedRequestFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT},
        "rejected_request": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["rejected_request"],
        },
        "discard": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": env.text("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Bad Host headers are routine scanner noise: the request line (reason=disallowed_host)
        # is their whole record, without Django's error and traceback.
        "django.security.DisallowedHost": {"handlers": ["discard"], "propagate": False},
        # Other refused requests (oversized bodies, too many fields or files): one WARNING line each.
        "django.security": {"handlers": ["rejected_request"], "propagate": False},
        # The request line is ours (balkanoscope.request); Django's repeats 4xx as warnings.
        "django.request": {"level": "ERROR"},
    },
}
