"""Reads of one row by its key, on the event loop, at the cost of the database's own work.

A claim by id is the read apps make most. Its query takes microseconds on SQLite and one
round trip on PostgreSQL; what used to cost more was around it: a hop to a worker
thread, a Session, a connection checked out of the pool and back (with a ping first on
PostgreSQL), a statement built and keyed anew. So these reads run on the event loop,
with statements built once:

- SQLite: one connection the worker holds, in autocommit. Each read is its own snapshot,
  and between reads the connection pins none (a load elsewhere is seen at once).
- PostgreSQL: psycopg's own asyncio pool, so the loop serves other requests while the
  database answers. It holds at most as many connections as the worker computes
  requests at once, waits for one at most `queue_wait_seconds`, and its statements are
  bounded by the same `statement_timeout` as the rest of the API.

Errors come out as SQLAlchemy's, so a failing database is the same 503 here as
everywhere else: `TimeoutError` when every connection is taken (the worker is at
capacity), `OperationalError` when the pool could open none (the database is down).
"""

import asyncio
from typing import Annotated, Any

import psycopg
from fastapi import Depends, Request
from psycopg.rows import namedtuple_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout
from sqlalchemy import Connection, Engine, exc
from sqlalchemy.sql import Select

from api.config import Settings
from api.db import postgres_options

Row = Any
"""A row whose columns are attributes, from either engine (SQLAlchemy's or psycopg's)."""


class KeyReader:
    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self._held: Connection | None = None
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[Row]] | None = None
        self._opened = False
        self._in_use = 0
        self._sql: dict[Select[Any], str] = {}
        self._timeout = settings.queue_wait_seconds + settings.statement_timeout_seconds
        if engine.dialect.name != "sqlite":
            # What SQLAlchemy itself would pass to psycopg, but its own type adapters.
            _, given = engine.dialect.create_connect_args(engine.url)
            given.pop("context", None)
            given["options"] = postgres_options(engine.url, settings.statement_timeout_seconds)
            self._pool = AsyncConnectionPool(
                min_size=1,
                max_size=settings.max_concurrent_requests,
                timeout=settings.queue_wait_seconds,
                open=False,
                kwargs={**given, "autocommit": True, "row_factory": namedtuple_row},
            )

    async def first(self, statement: Select[Any], params: dict[str, Any]) -> Row | None:
        """The first row the statement selects, or None."""
        if self._pool is None:
            return self._connection().execute(statement, params).first()
        sql = self._sql.get(statement)
        if sql is None:
            sql = self._sql[statement] = str(statement.compile(dialect=self.engine.dialect))
        if not self._opened:
            self._opened = True
            await self._pool.open(wait=False)
        try:
            # Past the pool's wait and the statement's own limit, only a network that
            # drops packets is left: that must not hold the request either.
            async with asyncio.timeout(self._timeout):
                async with self._pool.connection() as connection:
                    self._in_use += 1
                    try:
                        cursor = await connection.execute(sql, params)
                        return await cursor.fetchone()
                    finally:
                        self._in_use -= 1
        except PoolTimeout as error:
            if self._in_use < self._pool.max_size:  # not all taken: none could be opened
                raise exc.OperationalError(sql, params, error) from None
            raise exc.TimeoutError(f"no database connection within the wait: {error}") from None
        except TimeoutError as error:
            raise exc.OperationalError(sql, params, error) from None
        except psycopg.Error as error:
            raise exc.DBAPIError.instance(sql, params, error, psycopg.Error) from None

    def _connection(self) -> Connection:
        if self._held is None or self._held.closed or self._held.invalidated:
            self._close_held()
            self._held = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return self._held

    def _close_held(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None

    async def aclose(self) -> None:
        self._close_held()
        if self._pool is not None and self._opened:
            await self._pool.close()


async def get_key_reader(request: Request) -> KeyReader:
    return request.app.state.key_reader  # type: ignore[no-any-return]


KeyReaderDep = Annotated[KeyReader, Depends(get_key_reader)]
