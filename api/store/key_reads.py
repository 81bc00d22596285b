"""Reads of one row by its key, on the event loop, at the cost of the database's own work.

A claim by id is the read apps make most. Its query takes microseconds on SQLite and one
round trip on PostgreSQL; what used to cost more was around it: a hop to a worker
thread, a Session, a connection checked out of the pool and back (with a ping first on
PostgreSQL), a statement built and keyed anew. So these reads run on the event loop,
with statements built once:

- SQLite: one connection the worker holds, in autocommit, read through the driver
  itself (SQLAlchemy's execution around a primary-key lookup cost 100-125 us, the
  lookup and its row 28-32 us). Each read is its own snapshot, and between reads the
  connection pins none (a load elsewhere is seen at once). Its statements are bounded
  by the same progress handler as every other SQLite statement of the API.
- PostgreSQL: psycopg's own asyncio pool, so the loop serves other requests while the
  database answers. It holds at most as many connections as the worker computes
  requests at once, waits for one at most `queue_wait_seconds`, and its statements are
  bounded by the same `statement_timeout` as the rest of the API.

Errors come out as SQLAlchemy's, so a failing database is the same 503 here as
everywhere else: `TimeoutError` when every connection is taken (the worker is at
capacity), `OperationalError` when the pool could open none (the database is down).
"""

import asyncio
import sqlite3
from collections import namedtuple
from typing import Any, NamedTuple

import psycopg
from psycopg.rows import namedtuple_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout
from sqlalchemy import Engine, PoolProxiedConnection, exc
from sqlalchemy.sql import Select

from api.config import Settings
from api.store.database_file import served_file
from api.store.engine import postgres_connect_args, start_statement_clock
from api.store.interrupts import WORK

Row = Any
"""A row whose columns are attributes, from either engine (SQLAlchemy's or psycopg's)."""


class Compiled(NamedTuple):
    sql: str
    names: tuple[str, ...]
    """SQLite's parameters are positional: the names of the statement's, in order."""
    row: Any
    """SQLite: the namedtuple its rows are made into (psycopg makes its own)."""


class _DeadConnection(Exception):
    """A pooled connection found closed by the server when used."""


class KeyReader:
    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self._held: PoolProxiedConnection | None = None
        self._file = served_file(engine)
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[Row]] | None = None
        self._opened = False
        self._in_use = 0
        self._compiled: dict[Select[Any], Compiled] = {}
        self._statement_timeout = settings.statement_timeout_seconds
        self._timeout = settings.queue_wait_seconds + settings.statement_timeout_seconds
        if engine.dialect.name != "sqlite":
            # What SQLAlchemy itself would pass to psycopg, but its own type adapters.
            _, given = engine.dialect.create_connect_args(engine.url)
            given.pop("context", None)
            given.update(postgres_connect_args(engine.url, settings))
            self._connect_args = {**given, "autocommit": True, "row_factory": namedtuple_row}
            self._pool_size = settings.max_concurrent_requests
            self._pool_wait = settings.queue_wait_seconds
            self._pool = self._new_pool()
        self._renewing = False
        self._retired: set[asyncio.Task[None]] = set()

    def _new_pool(self) -> AsyncConnectionPool[psycopg.AsyncConnection[Row]]:
        return AsyncConnectionPool(
            min_size=1,
            max_size=self._pool_size,
            timeout=self._pool_wait,
            open=False,
            kwargs=self._connect_args,
        )

    async def first(self, statement: Select[Any], params: dict[str, Any]) -> Row | None:
        """The first row the statement selects, or None."""
        compiled = self._compiled.get(statement)
        if compiled is None:
            compiled = self._compiled[statement] = self._compile(statement)
        if self._pool is None:
            return self._first_in_sqlite(compiled, params)
        sql = compiled.sql
        pool = self._pool
        if not self._opened:
            self._opened = True
            await pool.open(wait=False)
        try:
            # Past the pool's wait and the statement's own limit, only a network that
            # drops packets is left: that must not hold the request either.
            async with asyncio.timeout(self._timeout):
                try:
                    return await self._fetch(pool, sql, params)
                except _DeadConnection:
                    # Killed while pooled (a server restart, pg_terminate_backend): the
                    # others likely were too. Drop every dead one, then once more.
                    await pool.check()
                    return await self._fetch(pool, sql, params)
                except PoolTimeout:
                    if self._in_use >= pool.max_size or not await self._renew_pool(pool):
                        raise
                    return await self._fetch(self._pool, sql, params)
        except _DeadConnection as dead:
            raise exc.OperationalError(sql, params, dead.__cause__ or dead) from None
        except PoolTimeout as error:
            if self._in_use < self._pool.max_size:  # not all taken: none could be opened
                raise exc.OperationalError(sql, params, error) from None
            raise exc.TimeoutError(f"no database connection within the wait: {error}") from None
        except TimeoutError as error:
            raise exc.OperationalError(sql, params, error) from None
        except psycopg.Error as error:
            raise exc.DBAPIError.instance(sql, params, error, psycopg.Error) from None

    async def _renew_pool(self, failed: AsyncConnectionPool[psycopg.AsyncConnection[Row]]) -> bool:
        """Whether the database answers a new connection now; if so, a fresh pool takes
        the place of one that could open none.

        A pool that failed to connect retries on a backoff that doubles from 1 s, so
        after an outage of a few seconds it could stay empty for as long again after
        the database is back. One request at a time tries a connection of its own
        instead: the first request after the database returns is answered.
        """
        if failed is not self._pool:
            return True  # renewed meanwhile: try the new one
        if self._renewing or not failed.pop_stats().get("connections_errors"):
            return False  # a probe is under way, or the pool failed no connection lately
        self._renewing = True
        try:
            probe = await psycopg.AsyncConnection.connect(**self._connect_args)
        except psycopg.Error:
            return False
        finally:
            self._renewing = False
        await probe.close()
        self._pool = self._new_pool()
        await self._pool.open(wait=False)
        retiring = asyncio.create_task(failed.close())
        self._retired.add(retiring)
        retiring.add_done_callback(self._retired.discard)
        return True

    async def _fetch(
        self, pool: AsyncConnectionPool[psycopg.AsyncConnection[Row]], sql: str, params: Any
    ) -> Row | None:
        async with pool.connection() as connection:
            self._in_use += 1
            try:
                cursor = await connection.execute(sql, params)
                return await cursor.fetchone()
            except psycopg.OperationalError as error:
                if connection.broken:
                    raise _DeadConnection from error
                raise
            finally:
                self._in_use -= 1

    def _compile(self, statement: Select[Any]) -> Compiled:
        compiled = statement.compile(dialect=self.engine.dialect)
        names = tuple(compiled.positiontup or ())
        return Compiled(str(compiled), names, namedtuple("Row", statement.selected_columns.keys()))

    def _first_in_sqlite(self, compiled: Compiled, params: dict[str, Any]) -> Row | None:
        values = [params[name] for name in compiled.names]
        try:
            held = self._connection()
            start_statement_clock(held.info, self._statement_timeout)
            found = held.driver_connection.execute(compiled.sql, values).fetchone()  # type: ignore[union-attr]
        except sqlite3.Error as error:
            self._close_held()  # whatever it was, the next read starts on a new connection
            raise exc.DBAPIError.instance(compiled.sql, values, error, sqlite3.Error) from None
        return None if found is None else compiled.row(*found)

    def _connection(self) -> PoolProxiedConnection:
        """The held connection, or a new one if it is gone or its file was moved (the
        pool's check of the file then answers)."""
        if (
            self._held is None
            or not self._held.is_valid
            or (self._file is not None and not self._file.holds(self._held.info, recent=True))
        ):
            self._close_held()
            # Held for every request to come, so lent to none: no request's abandonment
            # may interrupt it (store.interrupts).
            lent_to = WORK.set(None)
            try:
                self._held = self.engine.raw_connection()
            finally:
                WORK.reset(lent_to)
            # Autocommit: pysqlite would open no transaction for a read anyway; this
            # makes sure none is ever left open on this connection.
            self._held.driver_connection.isolation_level = None  # type: ignore[union-attr]
        return self._held

    def _close_held(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None

    async def aclose(self) -> None:
        self._close_held()
        if self._pool is not None and self._opened:
            await self._pool.close()
        await asyncio.gather(*self._retired)
