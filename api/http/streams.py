"""A worker's live change streams (GET /v1/changes/stream): their bound, their wake-up,
and their answer.

Streams are long: they take none of the request slots (`overload`), and have their own
bound, `max_streams` per worker, past which a new one is answered 503 with Retry-After.
A waiting stream holds no database connection. One task per worker reads the data
revision (`store.revision`, on the connection every request already reads it on) every
`POLL_SECONDS` while any stream waits, and wakes them when the latest change id moves.
A write through any worker or process, or a `kb load`, is therefore seen within that
interval. A woken stream reads what it has not sent from the change log, through at most
`READS_AT_ONCE` queries per worker: streams share the database pool with requests, but
never hold more than that of it.
"""

import asyncio
import logging
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable

from fastapi.sse import format_sse_event
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from api.errors import ApiError, DatabaseUnavailable, StreamsFull
from api.logs import one_line
from api.records.changes import CHANGE_ADAPTER, Change
from api.store.changelog import feed_cursor
from api.store.revision import RevisionReader

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25
READS_AT_ONCE = 2
BATCH = 100
"""Changes read from the log at a time; a stream far behind reads batch after batch."""
RETRY_MILLISECONDS = 3000
"""The `retry:` hint: how long an EventSource waits before it reconnects."""

EVERY: "weakref.WeakSet[Streams]" = weakref.WeakSet()
"""This process's streams (one per app), for the server to end when it stops."""


def end_all() -> None:
    """End every live stream of this process: it is stopping (`connections`)."""
    for streams in list(EVERY):
        streams.end()


ReadChanges = Callable[[int, int], Awaitable[list[tuple[int, Change]]]]
"""Reads up to N changes after a position, in commit order, with their positions."""


class Streams:
    """The streams one worker holds open, and what wakes them."""

    def __init__(
        self, revision: RevisionReader | None, *, limit: int, heartbeat_seconds: float
    ) -> None:
        self.revision = revision
        self.limit = limit
        self.heartbeat_seconds = heartbeat_seconds
        self.open = 0
        self.reads = asyncio.Semaphore(READS_AT_ONCE)
        self._latest: int | None = None
        self._moved = asyncio.Event()
        self._waiting = 0
        self._ending = False
        self._poller: asyncio.Task[None] | None = None
        EVERY.add(self)

    async def latest(self) -> int:
        """The position of the last committed change (where a stream 'from now' starts)."""
        found = await self._reader()()
        if found is None:
            raise DatabaseUnavailable("The database is unavailable; retry shortly.")
        return found[0]

    def answer(self, events: AsyncIterator[bytes]) -> "StreamResponse":
        """The stream's answer, counted among the open ones until it ends: a 503 when there
        are `limit` already."""
        self._reader()
        if self.open >= self.limit:
            raise StreamsFull(self.limit)
        self.open += 1
        return StreamResponse(events, release=self._release)

    def _release(self) -> None:
        self.open -= 1

    def _reader(self) -> RevisionReader:
        """What wakes the streams; an in-memory SQLite database has none to offer."""
        if self.revision is None:
            raise DatabaseUnavailable("Live streams need the database in a file.")
        return self.revision

    async def changes(self, read: ReadChanges, after: int, *, once: bool) -> AsyncIterator[bytes]:
        """The events of a stream after position `after`: each change as the feed serves
        it, with its position as the event id; a comment when nothing happened for
        `heartbeat_seconds`. `once`: only the opening (a HEAD). It ends when the worker
        stops (`end`), or when the database cannot be read: either way its client
        reconnects after `retry` with the last id it saw, and nothing is lost."""
        # Every block carries the position so far, data or not: a client that has seen
        # no change yet still reconnects from where it started, not from "now".
        yield format_sse_event(
            comment="changes after this position", id=feed_cursor(after), retry=RETRY_MILLISECONDS
        )
        position = after
        while not (once or self._ending):
            try:
                async with self.reads:
                    found = await read(position, BATCH)
            except (ApiError, DBAPIError, PoolTimeout, ValidationError) as error:
                log.warning("a change stream ends: %s", one_line(error))
                return
            for position, change in found:
                data = CHANGE_ADAPTER.dump_json(change).decode()
                yield format_sse_event(data_str=data, id=feed_cursor(position))
            if len(found) == BATCH:
                continue  # far behind: read on
            while not await self._moved_past(position):
                yield format_sse_event(comment="no change yet", id=feed_cursor(position))

    def end(self) -> None:
        """End every stream of this worker (it is stopping), as a hang-up would."""
        self._ending = True
        self._moved.set()

    async def _moved_past(self, position: int) -> bool:
        """Whether the log moved past `position` (as last read), or the worker is stopping,
        within a heartbeat."""
        self._waiting += 1
        if self._poller is None or self._poller.done():
            self._poller = asyncio.get_running_loop().create_task(self._poll())
        try:
            async with asyncio.timeout(self.heartbeat_seconds):
                while not self._ending and (self._latest is None or self._latest <= position):
                    await self._moved.wait()
            return True
        except TimeoutError:
            return False
        finally:
            self._waiting -= 1

    async def _poll(self) -> None:
        read = self._reader()
        while self._waiting:
            found = await read()
            if found is not None and found[0] != self._latest:
                self._latest = found[0]
                self._moved.set()
                self._moved = asyncio.Event()
            await asyncio.sleep(POLL_SECONDS)

    async def aclose(self) -> None:
        if self._poller is not None:
            self._poller.cancel()


class StreamResponse(StreamingResponse):
    """An event stream, released from its worker's count however it ends (even before
    its first event, when the client is already gone). Not FastAPI's EventSourceResponse,
    which makes the route a generator: the route must be able to refuse (422, 503) first."""

    media_type = "text/event-stream"

    def __init__(self, events: AsyncIterator[bytes], *, release: Callable[[], None]) -> None:
        super().__init__(
            events,
            # Not kept by any cache, nor buffered by nginx: each event goes out as it comes.
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )
        self._release = release

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._release()
