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
from sqlalchemy import Engine

from api.logs import one_line
from api.store.database_file import DatabaseFile, Identity, served_file

log = logging.getLogger(__name__)

LATEST = "SELECT id, at FROM record_change ORDER BY id DESC LIMIT 1"
"""The id with its time: a database loaded anew to the same number of changes (a
recreated schema restarts its ids) still reads as a different revision."""
READ_TIMEOUT_SECONDS = 5.0
SQLITE_BUSY_SECONDS = 0.1
"""The SQLite read runs on the event loop: never wait long for a lock there."""

Revision = tuple[int, str]
NO_CHANGES: Revision = (0, "")


class RevisionReader(Protocol):
    async def __call__(self) -> Revision | None:
        """The latest change, read after the call began; None when it cannot be read
        (no database yet, or it is down): the caller then must not use what it kept."""
        ...

    async def aclose(self) -> None: ...


def revision_reader(engine: Engine) -> RevisionReader | None:
    """A reader for the engine's database; None for an in-memory SQLite database, which no
    other connection can see."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            return None
        return SQLiteRevision(served_file(engine) or DatabaseFile(Path(url.database)))
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return PostgresRevision(conninfo)


class SQLiteRevision:
    """A read-only connection; in WAL mode each query sees the last commit of any process.
    While the served file is not under its name (moved, deleted, replaced: see
    `database_file`) there is no revision, so nothing kept is served either."""

    def __init__(self, file: DatabaseFile) -> None:
        self._database = file
        self._uri = f"{file.path.as_uri()}?mode=ro"
        self._connection: sqlite3.Connection | None = None
        self._file: Identity | None = None

    async def __call__(self) -> Revision | None:
        try:
            found = self._database.check(recent=True)
            if self._connection is None or self._file != found:
                await self.aclose()
                self._connection = sqlite3.connect(
                    self._uri, uri=True, check_same_thread=False, timeout=SQLITE_BUSY_SECONDS
                )
                self._file = found
            row = self._connection.execute(LATEST).fetchone()
        except (OSError, sqlite3.Error):
            log.debug("data revision unreadable", exc_info=True)
            await self.aclose()
            return None
        return (int(row[0]), str(row[1])) if row is not None else NO_CHANGES

    async def aclose(self) -> None:
        connection, self._connection, self._file = self._connection, None, None
        if connection is not None:
            connection.close()


class PostgresRevision:
    """One autocommit connection per process. A caller never gets a value read before it
    asked: it waits for the read in flight to end, then shares the next with everyone who
    arrived meanwhile. So one round trip at a time serves any number of requests."""

    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._connection: psycopg.AsyncConnection[tuple[int, object]] | None = None
        self._next: asyncio.Future[Revision | None] | None = None
        self._reading: asyncio.Task[None] | None = None

    async def __call__(self) -> Revision | None:
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
        if self._reading is None or self._reading.done():
            self._reading = asyncio.create_task(self._read_while_asked())
        # Shielded: a client that leaves must not cancel the read others wait for.
        return await asyncio.shield(self._next)

    async def _read_while_asked(self) -> None:
        try:
            while self._next is not None:
                asked, self._next = self._next, None
                value: Revision | None = None
                try:
                    value = await self._read()
                except Exception:  # callers serve uncached instead
                    log.exception("data revision unreadable")
                finally:  # settled even when cancelled: no caller waits for ever
                    if not asked.done():
                        asked.set_result(value)
        finally:
            if self._next is not None and not self._next.done():
                self._next.set_result(None)
            self._next = None

    async def _read(self) -> Revision | None:
        try:
            # A network that drops packets must not hold every read of the worker.
            async with asyncio.timeout(READ_TIMEOUT_SECONDS):
                try:
                    row = await self._latest()
                except psycopg.OperationalError:
                    if self._connection is None or not self._connection.broken:
                        raise
                    # Killed under us (a server restart): once more, on a new connection.
                    await self.aclose()
                    row = await self._latest()
        except (psycopg.Error, TimeoutError) as error:
            # One line: a database down for a minute would log a traceback per request.
            log.warning("data revision unreadable (%s): answers are computed", one_line(error))
            await self.aclose()
            return None
        return (int(row[0]), str(row[1])) if row is not None else NO_CHANGES

    async def _latest(self) -> tuple[int, object] | None:
        if self._connection is None or self._connection.closed:
            self._connection = await psycopg.AsyncConnection.connect(
                self._conninfo, autocommit=True
            )
        cursor = await self._connection.execute(LATEST)
        return await cursor.fetchone()

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                await connection.close()
            except psycopg.Error:
                log.debug("closing the revision connection", exc_info=True)
