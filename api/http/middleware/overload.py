"""Bounded work per worker: past its capacity a worker says so at once, in a 503.

A worker that takes on every request it is sent queues them behind its database pool;
under a burst each waits longer than the client will, the pool times out into errors, and
the backlog outlives the burst by minutes. Instead each worker computes at most
`max_concurrent_requests` at once; a request waits at most `queue_wait_seconds` for a
slot, and only so many may wait at all. Beyond that it is answered 503 problem+json with
Retry-After, in well under a second, and the worker stays as fast as it is when idle.

It sits inside the response cache: kept answers cost no slot and keep flowing while
computed ones are shed. The health check takes no slot either (it holds no pooled
connection): a worker busy to capacity is busy, not down.
"""

import asyncio
import logging

from starlette.types import ASGIApp, Receive, Scope, Send

from api.http.problems import at_capacity

log = logging.getLogger(__name__)

WAITING_PER_SLOT = 4
"""How many requests may wait for each slot; past that, waiting could not end in time."""


class ConcurrencyLimitMiddleware:
    """At most `limit` requests in the app at once; a bounded, time-limited queue."""

    def __init__(
        self, app: ASGIApp, *, limit: int, wait_seconds: float, exempt: frozenset[str]
    ) -> None:
        self.app = app
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
            await at_capacity()(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.slots.release()

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
