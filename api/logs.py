"""Logs as JSON lines, each carrying the id of the request it was written for.

`kb serve` configures logging with `LOGGING` (uvicorn's own access log is replaced by the
API's, which knows the route, the cache and the request id). Under any other server the
records are the same; only their format is that server's.

Imports: nothing of ours.
"""

import logging
from contextvars import ContextVar
from typing import Any

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
"""The id of the request being answered: set by the observing middleware, copied into
worker threads and tasks with the rest of the context."""


def one_line(error: BaseException) -> str:
    """An error as one line of a log or a message: its first line, or its kind. Database
    drivers' messages run to several (hints, the statement), and a line is what an
    operator scans."""
    return str(error).strip().split("\n")[0] or type(error).__name__


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": RequestIdFilter}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "api": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}
