# The production image: gunicorn + whitenoise, non-root, static files collected at build.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_DEBUG=false \
    MEDIA_ROOT=/app/var/media

WORKDIR /app
RUN useradd --create-home --uid 10001 balkanoscope
# pg_dump and pg_restore for `manage.py backup` / `restore` with PostgreSQL.
# gettext: msgfmt, which compiles the interface catalogues at build.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client gettext \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, the exact versions and files of the app lock (`make lock` writes it from
# pyproject.toml's group "app"; development installs the same versions).
COPY requirements/app.txt requirements/app.txt
RUN python -m pip install --require-hashes -r requirements/app.txt

COPY . .
# collectstatic and the catalogues need settings, not secrets: a throwaway key and host for these
# commands. The catalogues are compiled here, from the sources just copied: never a stale .mo.
RUN export DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    DJANGO_ALLOWED_HOSTS=build.invalid \
    && mkdir -p locale \
    && python manage.py transliterate_catalogue sr sr_Latn \
    && python manage.py compilemessages --ignore=tests --ignore=var --verbosity 0 \
    && python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media && chown -R balkanoscope:balkanoscope /app/var

USER balkanoscope
EXPOSE 8000
VOLUME ["/app/var"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
# Migrations run at start (release), not at build.
ENTRYPOINT ["balkanoscope/start.sh"]
