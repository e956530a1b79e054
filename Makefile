# Balkanoscope: `make run` serves the site with demo content, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

# `make serve`: production settings (DEBUG off, gunicorn, whitenoise) on plain http://127.0.0.1.
SERVE_ENV = DJANGO_DEBUG=false DJANGO_HTTPS=false \
	DJANGO_SECRET_KEY="$$(cat var/serve-secret-key)" \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost SITE_URL=http://127.0.0.1:8000 \
	GUNICORN_BIND=127.0.0.1:8000 PYTHON=$(CURDIR)/$(PY)
# `make check`: Django's deployment checklist against production-like settings.
DEPLOY_ENV = DJANGO_DEBUG=false DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	DJANGO_ALLOWED_HOSTS=balkanoscope.example SITE_URL=https://balkanoscope.example

.PHONY: help install run serve test check fmt bench clean
help:
	@echo "make run    - install, migrate, load demo content, serve http://127.0.0.1:8000 (development)"
	@echo "make test   - install and run the whole test suite"
	@echo "make check  - ruff, missing migrations, Django's deployment checklist"
	@echo "make serve  - production-like serving (DEBUG off, gunicorn, whitenoise) on 127.0.0.1:8000"
	@echo "make bench  - performance benchmark (see README)"
	@echo "make fmt    - format the code"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: make PYTHON=python3.12 ...")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --group dev
	@touch $@

install: $(INSTALLED)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	$(PY) manage.py ensure_admin
	@echo "Serving http://127.0.0.1:8000/ - admin at http://127.0.0.1:8000/$${ADMIN_URL:-admin/} (Ctrl+C stops)"
	$(PY) manage.py runserver 127.0.0.1:8000

var/serve-secret-key:
	@mkdir -p var
	@$(PY) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@
	@chmod 600 $@

serve: install var/serve-secret-key
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(PY) manage.py seed_demo --if-empty
	$(SERVE_ENV) balkanoscope/start.sh

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(PY) manage.py check --deploy --fail-level WARNING

fmt: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# `make bench SOAK=1`: 64 connections for 60 s instead (zero errors, zero 5xx expected).
bench: install
	$(PY) -m tests.bench $(if $(SOAK),--soak)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
