"""Work put off until the response is sent, so the reader does not wait for it (the readership
counters' batch write, stories/readership/).

Django's handler runs it on request_finished, once the server has sent the response; the WSGI
front (cache_front.py), which answers page-cache hits without Django's request signals, runs it
itself at the same moment. Tasks are this thread's own: never another request's.
"""

import threading

from django.core.signals import request_finished

_pending = threading.local()


def defer(task):
    """Run `task()` once this request's response has been sent."""
    tasks = getattr(_pending, "tasks", None)
    if tasks is None:
        tasks = _pending.tasks = []
    tasks.append(task)


def run_deferred(**kwargs):
    tasks = getattr(_pending, "tasks", None)
    if tasks:
        _pending.tasks = []
        for task in tasks:
            task()


request_finished.connect(run_deferred, dispatch_uid="balkanoscope.after_response.run_deferred")
