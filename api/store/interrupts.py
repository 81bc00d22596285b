"""Stopping a request's database work once no one waits for its answer.

A search or an export whose client has hung up would otherwise run to its end, holding
a slot and a connection all along (one search ran for minutes). Each request that may be
abandoned carries a `Work` (a context variable, which the worker threads running its
queries inherit); every pooled connection it checks out is noted there. `abandon`
interrupts the statements those connections are running (SQLite's `interrupt()`,
PostgreSQL's cancel request), and a statement the request starts afterwards is refused
with `Abandoned`.

A connection goes back to the pool only under the work's lock, so a cancel never
reaches a statement of the request that takes the connection next: PostgreSQL drops a
cancel that arrives while its session waits for a command. A cancel that could not be
confirmed might still arrive later: that connection is closed, not pooled again.
"""

import logging
import sqlite3
import threading
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, event

log = logging.getLogger(__name__)

CANCEL_SECONDS = 2.0
"""Longest a PostgreSQL cancel request may take: a server that does not take it within
this is left to end the statement by its own time limit."""


class Abandoned(Exception):
    """A statement refused because no one waits for its request's answer."""


class Work:
    """The pooled connections one request has checked out, and whether it was abandoned."""

    __slots__ = ("abandoned", "lock", "on_first_checkout", "records")

    def __init__(self, on_first_checkout: Callable[[], None]) -> None:
        # Reentrant: a connection of the same request collected while the lock is held
        # (its check-in runs then, on the same thread) must not wait for ever.
        self.lock = threading.RLock()
        self.records: set[Any] = set()
        self.abandoned = False
        self.on_first_checkout: Callable[[], None] | None = on_first_checkout
        """Called (from the checking-out thread) when the request first uses the pool:
        only then is there anything to stop."""


WORK: ContextVar[Work | None] = ContextVar("database_work", default=None)
_WORK_KEY = "work"
"""Where a checked-out connection's record notes the work it is lent to."""
_UNCONFIRMED = "cancel_unconfirmed"
"""Marks a connection whose cancel request failed: it may yet cancel someone else's."""


def track_work(engine: Engine) -> None:
    """Note each connection checked out on behalf of a `Work`, and refuse new statements
    once it is abandoned."""

    @event.listens_for(engine, "checkout")
    def _lent(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        work = WORK.get()
        if work is None:
            return
        with work.lock:
            work.records.add(record)
            record.info[_WORK_KEY] = work
            first, work.on_first_checkout = work.on_first_checkout, None
        if first is not None:
            first()

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        work = record.info.pop(_WORK_KEY, None)
        if work is not None:
            with work.lock:
                work.records.discard(record)
        if record.info.pop(_UNCONFIRMED, False):
            record.invalidate()

    @event.listens_for(engine, "before_cursor_execute")
    def _refuse(*_args: Any) -> None:
        work = WORK.get()
        if work is not None and work.abandoned:
            raise Abandoned("no one waits for this answer")


def abandon(work: Work) -> None:
    """Interrupt every statement the work's connections are running; refuse any more.
    Blocks for PostgreSQL's cancel round trip: run it off the event loop."""
    with work.lock:
        work.abandoned = True
        for record in work.records:
            connection = record.dbapi_connection
            try:
                if isinstance(connection, sqlite3.Connection):
                    connection.interrupt()
                elif connection is not None:
                    connection.cancel_safe(timeout=CANCEL_SECONDS)
            except Exception as error:  # the statement ends by its own time limit then
                record.info[_UNCONFIRMED] = True
                log.warning("could not interrupt an abandoned statement: %s", error)


def is_abandoned() -> bool:
    """Whether the current request's work was abandoned (its errors are no one's)."""
    work = WORK.get()
    return work is not None and work.abandoned
