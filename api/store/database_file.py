"""The SQLite file a server serves, guarded: moved, replaced or deleted under it, the server
answers 503 rather than write into the wrong file.

A SQLite connection follows its file's inode, not its name, and opening a name that holds
nothing creates an empty database there. So an operator's `mv` of the file under a running
server used to split it in two: pooled connections kept writing into the moved file, new
ones created an empty one at the old name, and that empty database took over the moved
one's write-ahead log (which stays under the old name) and truncated it, losing commits.

Serving, therefore:
- a connection is opened read-write without create (`mode=rw`): a missing file is an
  error, never a new database;
- the file's identity (device and inode) is taken the first time it is seen, and every
  connection is checked against it when it is opened and each time it leaves the pool;
  a connection whose file is no longer at the path is closed (its last close writes its
  log back into the file it belongs to), and the request is answered 503;
- when the file is back under its name (moved back) everything works again by itself;
  a different file under the name (a restore, a `kb load` elsewhere moved in) is refused
  until the server restarts: its connections still open in other workers would otherwise
  share one log with it. Copying over the file in place (same inode, new bytes) is not
  something any process can detect; SQLite's own guidance is never to do that to a live
  database.

Commands (`kb load`, migrations) open the file plainly: they create it.
"""

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, event

log = logging.getLogger(__name__)

RECHECK_SECONDS = 0.01
"""How stale a read's look at the file may be (`DatabaseFile.recent`)."""

Identity = tuple[int, int]
"""A file's device and inode: what a name points at."""

OPENED = "database_file"
"""Where a connection's record keeps the identity of the file it opened."""


_GUARDED: WeakKeyDictionary[Engine, "DatabaseFile"] = WeakKeyDictionary()


def served_file(engine: Engine) -> "DatabaseFile | None":
    """The file a serving engine guards; None for PostgreSQL, memory, or a command's engine."""
    return _GUARDED.get(engine)


class DatabaseFileChanged(sqlite3.OperationalError):
    """The served file is not under its name: a driver error, so that it is answered like
    any unreachable database (503 with Retry-After)."""


def identity(path: Path) -> Identity | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


class DatabaseFile:
    """The one file this process serves, known by its identity once first seen."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.uri = f"{self.path.as_uri()}?mode=rw"
        self.served: Identity | None = identity(self.path)
        self._last_said = ""
        self._recent: Identity | None = None
        self._recheck_at = 0.0

    def recent(self) -> Identity | None:
        """The identity under the name, looked up at most every `RECHECK_SECONDS`.

        For reads on the event loop, which ask per request: a stat costs more than the
        rest of a kept answer's own work. A read in the few milliseconds after a move
        reads the moved file, the same data from where it now lies; connections opened,
        lent or given back, which a write may use, always look afresh."""
        now = time.monotonic()
        if now >= self._recheck_at:
            self._recent = identity(self.path)
            self._recheck_at = now + RECHECK_SECONDS
        return self._recent

    def check(self, *, recent: bool = False) -> Identity:
        """The served file's identity, if it is under its name; else DatabaseFileChanged.
        `recent`: as seen at most `RECHECK_SECONDS` ago (reads only)."""
        found = self._look(recent)
        if found is None:
            raise self._refuse(f"the database file {self.path} is missing (moved or deleted)")
        if self.served is None:
            self.served = found
        elif found != self.served:
            raise self._refuse(
                f"the database file {self.path} was replaced by another file; "
                "restart the server to serve it"
            )
        return found

    def holds(self, info: dict[str, Any], *, recent: bool = False) -> bool:
        """Whether a connection (its record's `info`) is open on the file under the name."""
        opened = info.get(OPENED)
        return opened is not None and opened == self._look(recent)

    def _look(self, recent: bool) -> Identity | None:
        return self.recent() if recent else identity(self.path)

    def guard(self, engine: Engine) -> None:
        """Open the engine's connections without create, and check each one on its way in
        and out of the pool."""
        _GUARDED[engine] = self

        @event.listens_for(engine, "do_connect")
        def _open(_dialect: Any, record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
            before = self.check()
            connection = sqlite3.connect(self.uri, **{**cparams, "uri": True})
            if self.check() != before:  # moved while it opened: it may hold either file
                connection.close()
                raise self._refuse(f"the database file {self.path} moved while opening")
            record.info[OPENED] = before
            return connection

        @event.listens_for(engine, "checkout")
        def _still_there(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
            try:
                self.check()
            except DatabaseFileChanged:
                write_back(dbapi_connection)
                engine.dispose()  # the idle ones closed now, not as each is next used
                raise

        @event.listens_for(engine, "checkin")
        def _let_go_if_moved(dbapi_connection: Any, record: Any) -> None:
            if dbapi_connection is not None and not self.holds(record.info):
                write_back(dbapi_connection)
                record.invalidate()  # closed now: no pool keeps it open on the moved file

    def _refuse(self, why: str) -> DatabaseFileChanged:
        if why != self._last_said:  # once per state, not once per request
            self._last_said = why
            log.error("%s: answering 503", why)
        return DatabaseFileChanged(why)


CHECKPOINT_WAIT_MS = 1000
"""How long emptying the log may wait for readers still on it (then the next try does)."""


def write_back(dbapi_connection: sqlite3.Connection) -> None:
    """Copy a moved file's write-ahead log into the file, through a connection still open
    on it, and empty the log.

    The log lives under the file's old name, and SQLite neither writes it back nor removes
    it when a moved file's last connection closes: the moved file would lack its latest
    commits, and whatever file is put under the name next would read another database's
    log as its own (that is how a replaced file failed `PRAGMA integrity_check`). An
    emptied log is harmless to either.
    """
    try:
        dbapi_connection.set_progress_handler(None, 0)  # the API's statement limit
        dbapi_connection.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
        busy, _, _ = dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error:
        log.exception("could not write the write-ahead log back into the moved file")
        return
    if busy:
        log.warning("the write-ahead log of the moved file is still in use; retrying later")
