"""The engine and the per-request session."""

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, event, make_url, text
from sqlmodel import Session, create_engine

from api.config import Settings


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
        connect_args={"check_same_thread": False} if sqlite else {},
        pool_pre_ping=True,
    )
    if sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys are off by default in SQLite; relations must hold there too."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


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
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
