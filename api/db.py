"""The engine and the per-request session."""

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, event, make_url, text
from sqlmodel import Session, create_engine

from api.config import Settings

WRITE_WAIT_SECONDS = 30.0
"""How long a write waits for the one before it; past that, the API answers 503."""


def make_engine(settings: Settings) -> Engine:
    """An engine for the configured database; a new SQLite file's folder is created."""
    url = make_url(settings.database_url)
    sqlite = url.get_backend_name() == "sqlite"
    if sqlite and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        echo=settings.echo_sql,
        # Uvicorn serves sync routes from a thread pool.
        # A writer waits for another (lock_for_writing) this long before giving up (503).
        connect_args={"check_same_thread": False, "timeout": WRITE_WAIT_SECONDS} if sqlite else {},
        pool_pre_ping=True,
    )
    if sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys are off by default in SQLite; relations must hold there too. WAL lets
    readers keep a consistent snapshot (an export) while a writer commits."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def read_snapshot(session: Session) -> None:
    """Make every query of the session's transaction see the data as of its first read:
    a long read in batches (an export) then never mixes two states of the data."""
    if session.get_bind().dialect.name == "sqlite":
        # pysqlite opens no transaction for reads; in WAL mode an open one is a snapshot.
        session.connection().exec_driver_sql("BEGIN")
    else:
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


WRITE_LOCK = 0x6B62  # "kb": the PostgreSQL advisory lock every writer holds


def lock_for_writing(session: Session) -> None:
    """Begin the session's transaction as the only writer, waiting for any other.

    Writes are rare (curators, loads), so serializing them costs nothing, and it buys
    two guarantees: change-log ids are committed in the order they are given, so a
    change feed read by id never skips one that commits late; and a revision read here
    stays current until this transaction commits.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # pysqlite opens transactions lazily; take the write lock now, not at the
        # first INSERT, so that two writers cannot both read before either writes.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        wait = f"{int(WRITE_WAIT_SECONDS * 1000)}ms"
        connection.execute(text("SELECT set_config('lock_timeout', :wait, true)"), {"wait": wait})
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
"""Closed as soon as the route returns, before the response is sent: the connection goes
back to the pool at once, and no cleanup is left pending once a client has its answer."""
