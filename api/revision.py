"""The data revision: the id of the last committed change, read fresh for every request.

Every write and every load records its changes in the change log in the transaction that
makes them, and writers commit one at a time (`db.lock_for_writing`), so the latest
change id moves exactly when the data does. Answers computed at one revision stay right
until it moves: that is what lets `response_cache` keep them.

Readers hold a connection of their own, outside the request's session, because they run
on the event loop: on SQLite a primary-key lookup takes microseconds, cheaper than the hop
to a worker thread; on PostgreSQL the query is awaited, and callers that arrive while one
is in flight share the next one.
"""

import asyncio
import logging
import sqlite3
from pathlib import Path
from typing import Protocol

import psycopg
from sqlalchemy import make_url

log = logging.getLogger(__name__)

LATEST = "SELECT max(id) FROM record_change"
CONNECT_TIMEOUT_SECONDS = 5


class RevisionReader(Protocol):
    async def __call__(self) -> int | None:
        """The latest change id, read after the call began; None when it cannot be read
        (no database yet, or it is down): the caller then must not use what it kept."""
        ...

    async def aclose(self) -> None: ...


def revision_reader(database_url: str) -> RevisionReader | None:
    """A reader for the configured database; None for an in-memory SQLite database,
    which no other connection can see."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            return None
        return SQLiteRevision(Path(url.database))
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return PostgresRevision(conninfo)


class SQLiteRevision:
    """A read-only connection; in WAL mode each query sees the last commit of any process."""

    def __init__(self, path: Path) -> None:
        self._uri = f"{path.resolve().as_uri()}?mode=ro"
        self._connection: sqlite3.Connection | None = None

    async def __call__(self) -> int | None:
        try:
            if self._connection is None:
                self._connection = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            row = self._connection.execute(LATEST).fetchone()
        except sqlite3.Error:
            log.debug("data revision unreadable", exc_info=True)
            await self.aclose()
            return None
        return int(row[0] or 0)

    async def aclose(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class PostgresRevision:
    """One autocommit connection per process. A caller never gets a value read before it
    asked: it waits for the read in flight to end, then shares the next with everyone who
    arrived meanwhile. So one round trip at a time serves any number of requests."""

    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._connection: psycopg.AsyncConnection[tuple[int | None]] | None = None
        self._next: asyncio.Future[int | None] | None = None
        self._reading: asyncio.Task[None] | None = None

    async def __call__(self) -> int | None:
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
            if self._reading is None or self._reading.done():
                self._reading = asyncio.create_task(self._read_while_asked())
        # Shielded: a client that leaves must not cancel the read others wait for.
        return await asyncio.shield(self._next)

    async def _read_while_asked(self) -> None:
        while self._next is not None:
            asked, self._next = self._next, None
            try:
                value = await self._read()
            except Exception:  # never leave callers waiting: they serve uncached instead
                log.exception("data revision unreadable")
                value = None
            asked.set_result(value)

    async def _read(self) -> int | None:
        try:
            if self._connection is None or self._connection.closed:
                self._connection = await psycopg.AsyncConnection.connect(
                    self._conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS
                )
            cursor = await self._connection.execute(LATEST)
            row = await cursor.fetchone()
        except psycopg.Error:
            log.debug("data revision unreadable", exc_info=True)
            await self.aclose()
            return None
        return int(row[0] or 0) if row is not None else 0

    async def aclose(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None
