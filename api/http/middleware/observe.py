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
import secrets
import time
from collections.abc import Callable, Iterable

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

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        given = next((v for k, v in scope["headers"] if k == REQUEST_ID_HEADER), b"")
        request_id = given.decode() if GIVEN_ID.fullmatch(given) else secrets.token_hex(8)
        token = REQUEST_ID.set(request_id)
        status, cache = 500, b""

        async def observed(message: Message) -> None:
            nonlocal status, cache
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = message.setdefault("headers", [])
                cache = next((v for k, v in headers if k == b"cache-status"), b"")
                headers.append((REQUEST_ID_HEADER, request_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, observed)
        finally:
            self._record(scope, status, cache, time.perf_counter() - started)
            REQUEST_ID.reset(token)

    def _record(self, scope: Scope, status: int, cache: bytes, seconds: float) -> None:
        if self.literals is None:
            self.literals = literal_segments(self.paths())
        route = route_label(scope["path"], self.literals)
        self.metrics.requests.labels(route, scope["method"], str(status)).inc()
        self.metrics.latency.labels(route).observe(seconds)
        kept = cache.endswith(b"hit")
        if cache:
            self.metrics.cache.labels("hit" if kept else "miss").inc()
        if access_log.isEnabledFor(logging.INFO):
            access_log.info(
                "%s %s %d",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "route": route,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 3),
                    "kept": kept,
                    "client": (scope.get("client") or ("-",))[0],
                },
            )
