"""Every answer counted, timed and logged, under an id the client can quote.

Outermost of all, so kept answers and shed ones are seen too. The request id is the
client's `X-Request-ID` when it is a plain token (a proxy's or a client's own id joins
their logs to ours), else a new one; it is sent back in the same header, set on every log
record written for the request (`api.logs`), and on the access log line: method, route,
status, duration, whether the answer was kept.

Routes are labelled by their template (`/v1/claims/{}`), not the path: ids would make a
new series each. A segment that is not a literal of some route becomes `{}`, so any path,
found or not, maps to a handful of labels.
"""

import logging
import random
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.metrics import Metrics
from api.logs import REQUEST_ID

access_log = logging.getLogger("api.access")

REQUEST_ID_HEADER = b"x-request-id"
GIVEN_ID = re.compile(rb"[A-Za-z0-9._-]{1,64}")
MAX_SEGMENTS = 6
"""Deeper paths are cut here: no route of ours is deeper, and labels stay few."""


def literal_segments(paths: Iterable[str]) -> frozenset[str]:
    """The fixed words of route templates (`/v1/claims/{claim_id}`: v1, claims)."""
    return frozenset(
        segment for path in paths for segment in path.split("/") if segment and "{" not in segment
    )


def route_label(path: str, literals: frozenset[str]) -> str:
    segments = path.split("/")[1 : MAX_SEGMENTS + 1]
    return "/" + "/".join(s if s in literals else "{}" for s in segments)


class ObserveMiddleware:
    def __init__(
        self, app: ASGIApp, *, metrics: Metrics, paths: Callable[[], Iterable[str]]
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.paths = paths
        """The app's route templates, asked for once, at the first answer."""
        self.literals: frozenset[str] | None = None
        # Each label set's child looked up once: `labels()` takes a lock and builds a key,
        # a cost every answer (a kept one takes some 70 us in all) would pay again.
        self.counted: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        self.kept_hit = metrics.cache.labels("hit")
        self.kept_miss = metrics.cache.labels("miss")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen = Seen(send, scope)
        token = REQUEST_ID.set(seen.request_id)
        try:
            await self.app(scope, receive, seen.send)
        finally:
            self._record(scope, seen, time.perf_counter() - started)
            REQUEST_ID.reset(token)

    def _record(self, scope: Scope, seen: "Seen", seconds: float) -> None:
        if self.literals is None:
            self.literals = literal_segments(self.paths())
        route = route_label(scope["path"], self.literals)
        key = (route, scope["method"], seen.status)
        children = self.counted.get(key)
        if children is None:
            requests = self.metrics.requests.labels(route, scope["method"], str(seen.status))
            children = self.counted[key] = (requests, self.metrics.latency.labels(route))
        children[0].inc()
        children[1].observe(seconds)
        kept = seen.cache.endswith(b"hit")
        if seen.cache:
            (self.kept_hit if kept else self.kept_miss).inc()
        if access_log.isEnabledFor(logging.INFO):
            access_log.info(
                "%s %s %d",
                scope["method"],
                scope["path"],
                seen.status,
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "route": route,
                    "status": seen.status,
                    "duration_ms": round(seconds * 1000, 3),
                    "kept": kept,
                    "client": (scope.get("client") or ("-",))[0],
                },
            )


class Seen:
    """One request's `send`, noting its status and cache status and adding its id."""

    __slots__ = ("_send", "cache", "request_id", "status")

    def __init__(self, send: Send, scope: Scope) -> None:
        self._send = send
        self.status = 500
        self.cache = b""
        given = next((v for k, v in scope["headers"] if k == REQUEST_ID_HEADER), b"")
        # Not a secret, only unique enough to find one request's lines: no system call.
        self.request_id = (
            given.decode() if GIVEN_ID.fullmatch(given) else f"{random.getrandbits(64):016x}"
        )

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            headers = message["headers"] = [
                *message.get("headers", ()),
                (REQUEST_ID_HEADER, self.request_id.encode()),
            ]
            self.cache = next((v for k, v in headers if k == b"cache-status"), b"")
        await self._send(message)
