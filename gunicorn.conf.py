"""Gunicorn settings for production and `make serve`; each can be overridden by the environment."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Requests are short and mostly CPU (templates, or a cached page): processes, not threads, use
# the cores, and one thread per worker keeps Python's GIL from stretching the slowest responses
# (the bench's p99). gthread still holds idle keep-alive connections without a thread each; put a
# buffering proxy in front for slow clients.
workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Workers are not recycled by default. A new worker meets every page cold: with the local-memory
# cache its first home and list pages take 260-300 ms at 10,000 stories (the facet counts), and the
# readers on its keep-alive connections wait behind them (`make bench`: a round with three recycles
# had a p99 of 985 ms, rounds without any 30-70 ms). Worker memory stays flat under load
# (docs/performance.md); set GUNICORN_MAX_REQUESTS (with its jitter) to recycle against a leak.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "2000"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
preload_app = True  # load Django once in the master; workers share its memory
# Django logs one line per request (balkanoscope.request), without client addresses or query
# strings; gunicorn's own access log is off unless asked for, and then equally discreet.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
access_log_format = '"%(m)s %(U)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
# The proxy in front sets X-Forwarded-Proto; trust it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """A bad environment stops the master with one clear line, before any worker starts."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balkanoscope.settings")
    from balkanoscope.startup import exit_on_bad_settings

    exit_on_bad_settings()


def when_ready(server):
    """The app is loaded (preload_app) and no worker runs yet: warm what workers will inherit."""
    from balkanoscope.startup import warm_up

    warm_up()
