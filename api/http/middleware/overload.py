"""Bounded work per worker: past its capacity a worker says so at once, in a 503.

A worker that takes on every request it is sent queues them behind its database pool;
under a burst each waits longer than the client will, the pool times out into errors, and
the backlog outlives the burst by minutes. Instead each worker computes at most
`max_concurrent_requests` at once; a request waits at most `queue_wait_seconds` for a
slot, and only so many may wait at all. Beyond that it is answered 503 problem+json with
Retry-After, in well under a second, and the worker stays as fast as it is when idle.

Every computed request also has a deadline: a database that stops answering (a frozen
network holds a query without error) would otherwise hold its client as long as the
operating system keeps the socket. Past `request_timeout_seconds` with nothing sent yet,
the client is answered (`problems.no_answer_in_time`) and what was computing is left to
finish, still holding its slot: the worker's work stays bounded, and the requests after
it are shed at once instead of piling up behind it (a read's queries are stopped then,
`client_gone`). The deadline is a timer, not a task around each request: a task and its
wait cost a computed request some 15 us. So the request's call returns, and its access
line and latency are recorded, when its work ends: for a read, just after its 503 (its
queries are stopped then); for a write, once its transaction has ended.

It sits inside the response cache: kept answers cost no slot and keep flowing while
computed ones are shed. The health check takes no slot either (it holds no pooled
connection): a worker busy to capacity is busy, not down.
"""

import asyncio
import logging
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import at_capacity, no_answer_in_time

log = logging.getLogger(__name__)

WAITING_PER_SLOT = 4
"""How many requests may wait for each slot; past that, waiting could not end in time."""


class ConcurrencyLimitMiddleware:
    """At most `limit` requests in the app at once; a bounded, time-limited queue."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit: int,
        wait_seconds: float,
        deadline_seconds: float,
        exempt: frozenset[str],
        on_shed: Callable[[str], None],
    ) -> None:
        self.app = app
        self.on_shed = on_shed
        self.deadline_seconds = deadline_seconds
        self.exempt = exempt
        self.wait_seconds = wait_seconds
        self.max_waiting = limit * WAITING_PER_SLOT
        self.slots = asyncio.Semaphore(limit)
        self.waiting = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt:
            await self.app(scope, receive, send)
            return
        if not await self._acquire():
            log.warning("shed %s %s: worker at capacity", scope["method"], scope["path"])
            self.on_shed("capacity")
            await at_capacity()(scope, receive, send)
            return
        answer = Answer(send)
        deadline = asyncio.get_running_loop().call_later(
            self.deadline_seconds, self._answer_for, answer, scope, receive, send
        )
        try:
            await self.app(scope, receive, answer.send)
        except Exception:
            if answer.late is None:
                raise
            log.debug("abandoned work ended with an error", exc_info=True)
        finally:
            deadline.cancel()
            self.slots.release()  # when the work ends, whether or not its client still waits
        if answer.late is not None:
            await answer.late

    def _answer_for(self, answer: "Answer", scope: Scope, receive: Receive, send: Send) -> None:
        """The deadline: answer the client now, unless a stream is under way (it cannot be
        taken back); what the work sends later is dropped."""
        if answer.started:
            return
        answer.abandoned = True
        self.on_shed("deadline")
        log.error(
            "no answer in %.1f s to %s %s: answered for it",
            self.deadline_seconds,
            scope["method"],
            scope["path"],
        )
        answer.late = asyncio.ensure_future(
            no_answer_in_time(scope["method"])(scope, receive, send)
        )

    async def _acquire(self) -> bool:
        if not self.slots.locked():
            await self.slots.acquire()  # free: returns without yielding
            return True
        if self.waiting >= self.max_waiting:
            return False
        self.waiting += 1
        try:
            async with asyncio.timeout(self.wait_seconds):
                await self.slots.acquire()
            return True
        except TimeoutError:
            return False
        finally:
            self.waiting -= 1


class Answer:
    """A request's `send`, which its deadline may take over: once abandoned, what the
    late work sends is dropped."""

    __slots__ = ("_send", "abandoned", "late", "started")

    def __init__(self, send: Send) -> None:
        self._send = send
        self.started = False
        self.abandoned = False
        self.late: asyncio.Future[None] | None = None
        """The deadline's answer, being sent."""

    async def send(self, message: Message) -> None:
        if self.abandoned:
            return
        self.started = True
        await self._send(message)
