"""Log formatting (plain key=value or JSON, one record per line) and outage reporting."""

import json
import logging
import re
import threading
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else on a record came from `extra=`.
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}
BARE_VALUE = re.compile(r"^[\w./:@%+-]+$")


def record_fields(record):
    """The record as ordered fields. Only plain values from `extra` are kept: Django attaches
    the request object to some records, and that must never be serialised into a log."""
    fields = {
        "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
        "level": record.levelname,
        "logger": record.name,
        "msg": record.getMessage(),
    }
    for key, value in vars(record).items():
        if key not in STANDARD_ATTRIBUTES and isinstance(value, str | int | float | bool) and key not in fields:
            fields[key] = value
    return fields


class KeyValueFormatter(logging.Formatter):
    """`time=… level=INFO logger=… msg="…" key=value`; a traceback follows on its own lines."""

    def format(self, record):
        line = " ".join(f"{key}={self.quote(value)}" for key, value in record_fields(record).items())
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line

    @staticmethod
    def quote(value):
        text = str(value)
        # Quoting (JSON string rules) also escapes newlines, so input cannot forge log lines.
        return text if BARE_VALUE.match(text) else json.dumps(text, ensure_ascii=False)


class JsonFormatter(logging.Formatter):
    """One JSON object per line, with the traceback as a field."""

    def format(self, record):
        fields = record_fields(record)
        if record.exc_info:
            fields["traceback"] = self.formatException(record.exc_info)
        return json.dumps(fields, ensure_ascii=False)


class RejectedRequestFilter(logging.Filter):
    """Django reports each request it refuses for its own safety (a body, form or upload over
    the limits, a forged session key, a CSRF failure) on django.security.* at ERROR with a
    traceback. Refusing them is the code working: each becomes one WARNING line with the path,
    and no traceback, so real errors stand out and scanners cannot flood the log."""

    def filter(self, record):
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        request = getattr(record, "request", None)
        if request is not None and not hasattr(record, "path"):
            record.path = request.path[:300]
        return True


class OutageReport:
    """Logs a backend's outage once when it starts and once when it ends, not per request.

    The state is per process (each worker says it once), which is what a log reader needs;
    nothing else depends on it.
    """

    def __init__(self, logger, what):
        self.logger = logger
        self.what = what
        self.is_down = False
        self.lock = threading.Lock()

    def failed(self, exception):
        with self.lock:
            first = not self.is_down
            self.is_down = True
        if first:
            reason = str(exception).strip().splitlines()[0] if str(exception).strip() else ""
            self.logger.warning(
                "%s unavailable: %s %s", self.what, type(exception).__name__, reason, extra={"outage": self.what}
            )

    def recovered(self):
        if not self.is_down:  # the common case: no lock taken
            return
        with self.lock:
            was_down = self.is_down
            self.is_down = False
        if was_down:
            self.logger.warning("%s available again", self.what, extra={"outage": self.what})
