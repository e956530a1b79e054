#!/bin/sh
# The container's entry point, also used by `make serve` and the test that runs it:
# apply migrations, then hand the process over to gunicorn.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"
"$PYTHON" manage.py migrate --noinput
exec "$PYTHON" -m gunicorn --config gunicorn.conf.py balkanoscope.wsgi:application "$@"
