"""A read whose answer no one waits for stops its queries.

Its client hung up, or the deadline answered for it (`overload`): either way the server
learns it from `receive`, which says `http.disconnect`. Reads are stopped then
(`store.interrupts`): their slot and connection go to the requests still waiting, and
the answer, which no one reads, is a bare 499 (nginx's "client closed request") that
the metrics count. Writes are left to finish: their client may look for what they did.

Listening costs a task, so it starts only once the request checks out a pooled
connection: a kept answer or a read by key on the event loop pays nothing but a context
variable. A GET's body is not read by any route, so listening may consume it.
"""

import asyncio
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.store.interrupts import WORK, Work, abandon

log = logging.getLogger(__name__)

WATCHED = frozenset({"GET", "HEAD"})


class ClientGoneMiddleware:
    """`exempt`: paths that listen for the client themselves (a live stream ends when
    its client goes; its reads are its own business)."""

    def __init__(self, app: ASGIApp, *, exempt: frozenset[str]) -> None:
        self.app = app
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in WATCHED
            or scope["path"] in self.exempt
        ):
            await self.app(scope, receive, send)
            return
        watch = Watch(receive, send, scope)
        token = WORK.set(watch.work)
        try:
            await self.app(scope, receive, watch.send)
        finally:
            WORK.reset(token)
            watch.stop()


class Watch:
    """One read's ear on its connection, lent to its `Work`."""

    __slots__ = ("_loop", "_receive", "_scope", "_send", "answered", "listening", "stopped", "work")

    def __init__(self, receive: Receive, send: Send, scope: Scope) -> None:
        self._loop = asyncio.get_running_loop()
        self._receive = receive
        self._send = send
        self._scope = scope
        self.work = Work(on_first_checkout=self._start_soon)
        self.listening: asyncio.Task[None] | None = None
        self.answered = False
        self.stopped = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            self.answered = True
        await self._send(message)

    def _start_soon(self) -> None:
        self._loop.call_soon_threadsafe(self._start)

    def _start(self) -> None:
        if not self.stopped and self.listening is None:
            self.listening = self._loop.create_task(self._listen())

    async def _listen(self) -> None:
        while (await self._receive())["type"] != "http.disconnect":
            pass  # a GET's (empty) body
        if self.answered or self.stopped:
            return  # the server says "disconnect" once the answer is complete, too
        log.info(
            "no one waits for the answer to %s %s: its queries are stopped",
            self._scope["method"],
            self._scope["path"],
        )
        await asyncio.to_thread(abandon, self.work)

    def stop(self) -> None:
        self.stopped = True
        if self.listening is not None:
            self.listening.cancel()
