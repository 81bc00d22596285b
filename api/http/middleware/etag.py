"""ETags for every successful GET, derived from the body, and 304s when they match.

Kept out of the routes so each route only computes its answer once, and every answer
gets the same validators and caching headers.
"""

import hashlib
from collections.abc import Iterable

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

GZIP_MINIMUM_SIZE = 500
"""Bodies at least this long are gzipped for clients that accept it."""
CACHE_CONTROL = "public, no-cache"
"""Caches may store answers but must revalidate them: an ETag round trip is cheap (304)."""


def _etag(body: bytes) -> str:
    # Weak: gzip and identity encodings of one answer are the same representation to us.
    return f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'


def matches_etag(if_none_match: str | None, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2): a cache may send any of several validators."""
    if if_none_match is None:
        return False
    if if_none_match.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(
        candidate.strip().removeprefix("W/") == opaque for candidate in if_none_match.split(",")
    )


class ETagMiddleware:
    """Give every successful GET an ETag derived from its body, and answer 304 when it matches.

    Hashing the body makes the validator change exactly when the answer does: after a load
    that changes what this URL returns, and at no other time. A response that brings its
    own ETag (a record's revision, a stream too large to buffer) passes through, or
    becomes a 304 when that ETag matches; one that may not be stored (a live stream)
    passes through as it comes.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, ETagResponder(scope, send).send)


class ETagResponder:
    """One GET's answer on its way out: held until its body is whole, then sent with an
    ETag (or as a 304); an answer with its own ETag goes on unheld."""

    def __init__(self, scope: Scope, send: Send) -> None:
        self.if_none_match = Headers(scope=scope).get("if-none-match")
        self.downstream = send
        self.start: Message | None = None
        self.chunks: list[bytes] = []
        self.passing_through = False
        self.not_modified = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            await self._started(message)
        elif self.not_modified:
            return
        elif self.passing_through or message["type"] != "http.response.body":
            await self.downstream(message)
        else:
            self.chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                assert self.start is not None
                await self._send_whole(self.start, b"".join(self.chunks))

    async def _started(self, message: Message) -> None:
        headers = Headers(raw=message["headers"])
        own = headers.get("etag")
        if "no-store" in headers.get("cache-control", ""):
            self.passing_through = True  # nothing may keep it to revalidate (a live stream)
            await self.downstream(message)
        elif own is None:
            self.start = message
        elif message["status"] == 200 and matches_etag(self.if_none_match, own):
            self.not_modified = True  # the route's own validator matches: no body
            kept = not_modified_headers(message["headers"])
            await self.downstream({"type": "http.response.start", "status": 304, "headers": kept})
            await self.downstream({"type": "http.response.body", "body": b""})
        else:
            self.passing_through = True
            if message["status"] == 200:
                MutableHeaders(scope=message).setdefault("Cache-Control", CACHE_CONTROL)
            await self.downstream(message)

    async def _send_whole(self, start: Message, body: bytes) -> None:
        send = self.downstream
        headers = MutableHeaders(raw=list(start["headers"]))
        if start["status"] == 200:
            etag = _etag(body)
            headers["ETag"] = etag
            headers.setdefault("Cache-Control", CACHE_CONTROL)
            if matches_etag(self.if_none_match, etag):
                kept = MutableHeaders(raw=not_modified_headers(headers.raw))
                if len(body) >= GZIP_MINIMUM_SIZE:  # the 200 would vary by encoding: say so
                    kept.add_vary_header("Accept-Encoding")
                await send({"type": "http.response.start", "status": 304, "headers": kept.raw})
                await send({"type": "http.response.body", "body": b""})
                return
        await send({**start, "headers": headers.raw})
        await send({"type": "http.response.body", "body": body})


def not_modified_headers(raw: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """A 304 carries the validators and caching headers of the 200, not its body's."""
    dropped = {b"content-length", b"content-type", b"content-encoding"}
    return [(name, value) for name, value in raw if name.lower() not in dropped]
