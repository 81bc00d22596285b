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
import re
import time
from collections.abc import Callable, Iterable
from random import getrandbits

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.metrics import Metrics
from api.http.middleware.response_cache import CACHE_STATUS
from api.logs import REQUEST_ID

access_log = logging.getLogger("api.access")

REQUEST_ID_HEADER = b"x-request-id"
GIVEN_ID = re.compile(rb"[A-Za-z0-9._-]{1,64}")
LABELLED_PATHS = 4096
"""Paths whose route label is remembered; past that the table starts again."""
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
        self.answers = metrics.answers
        self.paths = paths
        """The app's route templates, asked for once, at the first answer."""
        self.literals: frozenset[str] | None = None
        self.labels: dict[str, str] = {}
        """Route labels of the paths asked lately: a repeated path is labelled once."""

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

    def _route(self, path: str) -> str:
        route = self.labels.get(path)
        if route is None:
            if self.literals is None:
                self.literals = literal_segments(self.paths())
            if len(self.labels) >= LABELLED_PATHS:
                self.labels.clear()
            route = self.labels[path] = route_label(path, self.literals)
        return route

    def _record(self, scope: Scope, seen: "Seen", seconds: float) -> None:
        route = self._route(scope["path"])
        self.answers.count(route, scope["method"], seen.status, seconds)
        kept = seen.cache.endswith(b"hit")
        if seen.cache:
            self.answers.kept["hit" if kept else "miss"] += 1
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
        for name, value in scope["headers"]:  # loops, not generators: every answer pays
            if name == REQUEST_ID_HEADER:
                if GIVEN_ID.fullmatch(value):
                    self.request_id = value.decode()
                    return
                break
        # Not a secret, only unique enough to find one request's lines: no system call.
        self.request_id = f"{getrandbits(64):016x}"

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            headers = message["headers"] = list(message.get("headers", ()))
            for name, value in headers:
                if name == CACHE_STATUS:
                    self.cache = value
                    break
            headers.append((REQUEST_ID_HEADER, self.request_id.encode()))
        await self._send(message)
