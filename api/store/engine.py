"""The engine and the per-request session."""

import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Engine, event, make_url, text
from sqlmodel import Session, create_engine
from starlette.concurrency import run_in_threadpool

from api.config import Settings
from api.store.database_file import DatabaseFile
from api.store.interrupts import track_work

IN_BATCH = 500
"""Keys one statement carries (an IN list, a batch of rows): well within every engine's
limit on bound parameters."""

K = TypeVar("K")


def chunks(keys: Sequence[K], size: int = IN_BATCH) -> list[Sequence[K]]:
    """`keys` in statements' worth."""
    return [keys[i : i + size] for i in range(0, len(keys), size)]


WRITE_WAIT_SECONDS = 30.0
"""How long a command's write (`kb load`) waits for the one before it. Serving, a write
waits at most `statement_timeout_seconds` (then 503, nothing written), so that its
answer always comes before the request's deadline and says what happened."""


def make_engine(settings: Settings, *, serving: bool = False) -> Engine:
    """An engine for the configured database; a new SQLite file's folder is created, except
    serving: the server never creates its database, and guards the file it serves
    (`database_file`).

    Serving, every wait is bounded: a statement runs at most `statement_timeout_seconds`,
    and a request waits at most `queue_wait_seconds` for one of its worker's connections
    (as many as it computes requests at once); both end as a 503, never a hang. Commands
    (`kb load` of 100,000 claims takes half a minute) run unbounded.
    """
    url = make_url(settings.database_url)
    sqlite = url.get_backend_name() == "sqlite"
    on_file = sqlite and url.database not in (None, "", ":memory:")
    if on_file and not serving:
        Path(str(url.database)).parent.mkdir(parents=True, exist_ok=True)
    limits: dict[str, Any] = {}
    if serving:
        limits = {
            # One more on SQLite: the connection a worker holds for its KeyReader.
            "pool_size": settings.max_concurrent_requests + int(sqlite),
            "max_overflow": 2,  # an export's session closing while its slot is reused
            "pool_timeout": settings.queue_wait_seconds,
        }
    connect_args: dict[str, Any] = {}
    if sqlite:
        # Uvicorn serves sync routes from a thread pool.
        # A writer waits for another (lock_for_writing) this long before giving up (503).
        wait = settings.statement_timeout_seconds if serving else WRITE_WAIT_SECONDS
        connect_args = {"check_same_thread": False, "timeout": wait}
    elif serving:
        connect_args = postgres_connect_args(url, settings)
    engine = create_engine(
        url,
        echo=settings.echo_sql,
        connect_args=connect_args,
        # A SQLite connection is a file handle: nothing to find dead before a query.
        pool_pre_ping=not sqlite,
        **limits,
    )
    if on_file and serving:
        DatabaseFile(Path(str(url.database))).guard(engine)
    if serving:
        track_work(engine)
    if sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
        if serving:
            _limit_sqlite_statements(engine, settings.statement_timeout_seconds)
    return engine


IDLE_IN_TRANSACTION_SECONDS = 60
"""Longest a serving connection may sit in a transaction doing nothing (an export paused
by a client that stopped reading): then PostgreSQL ends it and frees what it holds."""

NETWORK = {
    "connect_timeout": 3,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 10_000,
}
"""libpq settings that find a dead link in seconds, not the operating system's hours:
connect within 3 s; probe an idle connection after 5 s, twice 2 s apart; give up on
data not acknowledged within 10 s. A URL that names any of them keeps its own."""


def postgres_connect_args(url: URL, settings: Settings) -> dict[str, Any]:
    """What a serving connection to PostgreSQL is opened with: the network limits above
    and the session's options (`postgres_options`)."""
    network = {name: value for name, value in NETWORK.items() if name not in url.query}
    return {**network, "options": postgres_options(url, settings.statement_timeout_seconds)}


def postgres_options(url: URL, statement_timeout_seconds: float) -> str:
    """The URL's own connection options (a search path, say) and the limits on statements
    and idle transactions: given apart, the second would replace the first.

    Parallel query is off unless the URL turns it on: the API runs many short queries at
    once, and a parallel plan starts worker processes for each, on the cores the other
    requests need (at 100,000 claims a tag page planned in parallel took 28-46 ms, the
    same page serial 9-25 ms, while the CPU was shared).
    """
    given = url.query.get("options", "")
    given = given if isinstance(given, str) else " ".join(given)
    limits = (
        f"-c statement_timeout={int(statement_timeout_seconds * 1000)}",
        f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_SECONDS * 1000}",
    )
    serial = "-c max_parallel_workers_per_gather=0"
    return " ".join(option for option in (serial, given, *limits) if option)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys are off by default in SQLite; relations must hold there too. WAL lets
    readers keep a consistent snapshot (an export) while a writer commits."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


PROGRESS_STEPS = 10_000
"""SQLite virtual-machine steps between two looks at the clock (well under a millisecond)."""


DEADLINE = "deadline"
"""Where a SQLite connection's record keeps the time its running statement must end by."""


def start_statement_clock(info: dict[str, Any], seconds: float) -> None:
    """Start the time limit of the statement about to run on a SQLite connection (its
    record's `info`). SQLAlchemy does so before each statement; a read that goes to the
    driver itself calls it first."""
    info[DEADLINE] = time.monotonic() + seconds


def _limit_sqlite_statements(engine: Engine, seconds: float) -> None:
    """SQLite has no statement timeout: a progress handler interrupts any statement that
    has run longer than `seconds` since it was sent (sqlite3 raises 'interrupted')."""

    @event.listens_for(engine, "connect")
    def _watch(dbapi_connection: Any, record: Any) -> None:
        record.info[DEADLINE] = float("inf")
        dbapi_connection.set_progress_handler(
            lambda: time.monotonic() > record.info[DEADLINE], PROGRESS_STEPS
        )

    @event.listens_for(engine, "before_cursor_execute")
    def _start(connection: Any, *_args: Any) -> None:
        start_statement_clock(connection.connection.info, seconds)


def is_statement_timeout(error: BaseException) -> bool:
    """Whether a database error is a statement cut short by its time limit."""
    original = getattr(error, "orig", None)
    if original is None:
        return False
    if type(original).__name__ == "QueryCanceled":  # psycopg, statement_timeout
        return True
    return isinstance(original, sqlite3.OperationalError) and str(original) == "interrupted"


def _driver_error(error: BaseException) -> tuple[str, str]:
    original = getattr(error, "orig", None)
    return type(original).__name__, str(original)


def is_missing_schema(error: BaseException) -> bool:
    """Whether a database error says the tables are not there (an empty, recreated or
    unmigrated database)."""
    kind, message = _driver_error(error)
    return kind in ("UndefinedTable", "UndefinedColumn") or message.startswith(
        ("no such table", "no such column")
    )


def is_read_only(error: BaseException) -> bool:
    """Whether a database error says the database takes no writes (a PostgreSQL replica or
    `default_transaction_read_only`, a SQLite file without write permission)."""
    kind, message = _driver_error(error)
    return kind == "ReadOnlySqlTransaction" or message.startswith(
        "attempt to write a readonly database"
    )


def is_out_of_space(error: BaseException) -> bool:
    """Whether a database error says there is no room for the write (a full disk; on
    SQLite also a file at its `max_page_count`)."""
    kind, message = _driver_error(error)
    return kind == "DiskFull" or message.startswith("database or disk is full")


def read_snapshot(session: Session) -> None:
    """Make every query of the session's transaction see the data as of its first read:
    a long read in batches (an export) then never mixes two states of the data."""
    if session.get_bind().dialect.name == "sqlite":
        # pysqlite opens no transaction for reads; in WAL mode an open one is a snapshot.
        session.connection().exec_driver_sql("BEGIN")
    else:
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


PLANNED_TABLES = ("source", "tag", "claim", "claim_tag", "claim_relation")
"""The tables reads filter and join: the ones whose statistics steer the query plans."""


def refresh_statistics(engine: Engine) -> None:
    """Give the query planner current statistics; a load calls this once it has committed.

    Without them SQLite guesses that every index narrows to a handful of rows: it sorts
    all 100,000 claims for a first page, or probes the search index once per claim. On
    PostgreSQL, autovacuum may come minutes after a load; VACUUM also marks the pages
    all-visible, so counts read the indexes alone. At 100,000 claims either takes about a
    second. Statistics only steer plans: a crash before this leaves correct data, and
    `kb serve` analyses a database that has none (`has_statistics`).

    SQLite's full-text index also gets its segments merged into one: a load or migration
    that rewrites many claims leaves it in pieces, and every search reads each piece (at
    100,000 claims renumbered, a search page's SQL took 9 ms instead of 2.5 ms).
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("ANALYZE")
            if connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'claim_search'"
            ).first():
                connection.exec_driver_sql(
                    "INSERT INTO claim_search(claim_search) VALUES ('optimize')"
                )
        else:
            connection.exec_driver_sql(f"VACUUM (ANALYZE) {', '.join(PLANNED_TABLES)}")


def has_statistics(engine: Engine) -> bool:
    """Whether the claim table was ever analysed (a database loaded before `kb load` did)."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            analysed = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
            ).first()
            return analysed is not None and (
                connection.exec_driver_sql("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'claim'").first()
                is not None
            )
        # reltuples is -1 until the first ANALYZE (or VACUUM) of a table.
        tuples = connection.exec_driver_sql(
            "SELECT reltuples FROM pg_class WHERE oid = to_regclass('claim')"
        ).scalar()
        return tuples is not None and tuples >= 0


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


T = TypeVar("T")


async def read(engine: Engine, work: Callable[[Session], T]) -> T:
    """Run a read in a session of its own, in a worker thread: the loop keeps answering
    (kept answers, 503s) while it runs."""

    def run() -> T:
        with Session(engine) as session:
            return work(session)

    return await run_in_threadpool(run)
