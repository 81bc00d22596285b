"""Answers to reads, kept in memory per data revision: unchanged data is served like a file.

The knowledge base is read far more than it is written, and an answer depends only on
the request and the data. So the first GET of a URL at a revision is computed as usual
and kept; every later one, from any client, is sent from memory, and a conditional GET
is answered 304 from the kept ETag, without touching the routes or the database beyond
reading the revision (`api.store.revision`). When a write or a load commits, the revision
moves and everything kept is dropped at the next request: no answer outlives the data
it was computed from, in any worker, since each reads the shared database's revision.

Bounded by bytes (least recently used goes first); `Cache-Status` (RFC 9211) says
whether an answer was a hit.
"""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from cachetools import LRUCache
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.middleware.etag import matches_etag, not_modified_headers
from api.http.middleware.request_limits import past_bounds
from api.store.revision import Revision, RevisionReader

CACHED_PATHS = (
    "/v1/claims",
    "/v1/risk-factors",
    "/v1/tags",
    "/v1/sources",
    "/v1/changes",
    "/v1/contexts",
    "/fhir/",
)
"""Reads whose answers are a function of the request and the data. Not the export (a
stream, too large to keep) nor health checks (they must reach the database)."""

VARY_ON = (b"accept", b"accept-encoding", b"host", b"origin")
"""Request headers an answer may depend on: the format, gzip, the host that links in the
answer are built on (when no public URL is configured), and CORS's headers."""
VARY_INDEX = {name: index for index, name in enumerate(VARY_ON)}

MAX_ENTRY_BYTES = 4 * 1024 * 1024
"""Larger answers are passed through, not kept, so one cannot crowd out the rest."""

CACHE_STATUS = b"cache-status"
HIT = b"kb; hit"
MISS = b"kb; fwd=miss; stored"
UNCACHED = b"kb; fwd=miss"


Key = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class KeptAnswer:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str | None
    not_modified: list[tuple[bytes, bytes]]
    size: int
    """Bytes held: the answer, its headers and its key (a client chooses the key's size)."""


class ResponseCacheMiddleware:
    def __init__(self, app: ASGIApp, *, revision: RevisionReader, max_bytes: int) -> None:
        self.app = app
        self.read_revision = revision
        self.kept: LRUCache[Key, KeptAnswer] = LRUCache(
            maxsize=max_bytes, getsizeof=lambda kept: kept.size
        )
        self.max_entry = min(MAX_ENTRY_BYTES, max_bytes)
        self.revision: Revision | None = None
        self.computing: dict[Key, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or not scope["path"].startswith(CACHED_PATHS)
            or past_bounds(scope) is not None  # refused inside, never answered from here
        ):
            await self.app(scope, receive, send)
            return
        # Read before the answer is computed: what is kept under this revision then is
        # at least as new as the revision, never older.
        revision = await self.read_revision()
        if revision is None:
            await self.app(scope, receive, send)
            return
        if revision != self.revision:
            self.kept.clear()
            self.revision = revision

        # Every value of a repeated header: the first one is what the routes read, and an
        # answer to `Host: a, Host: b` must never be kept as the answer for `Host: b`.
        vary: list[bytes | None] = [None] * len(VARY_ON)
        if_none_match: str | None = None
        forwarded: list[tuple[bytes, bytes]] = []
        for name, value in scope["headers"]:
            if name == b"if-none-match":
                if_none_match = value.decode("latin-1")
                continue  # the inner app must answer in full, for the body to be kept
            forwarded.append((name, value))
            index = VARY_INDEX.get(name)
            if index is not None:
                seen = vary[index]
                vary[index] = value if seen is None else seen + b"\n" + value
        key: Key = (scope["scheme"], scope["path"], scope["query_string"], *vary)
        head = scope["method"] == "HEAD"

        computing = self.computing.get(key)
        if computing is not None:  # the same request is being answered: wait, don't repeat it
            await computing.wait()
        kept = self.kept.get(key)
        if kept is not None:
            await _send_kept(kept, if_none_match, head, HIT, send)
            return
        if head:  # a HEAD has no body to keep; its GET will fill the cache
            await self.app(scope, receive, _with_cache_status(send, UNCACHED))
            return
        self.computing[key] = computed = asyncio.Event()

        def release() -> None:
            """Let those waiting go: the answer is kept, or will not be. Before sending
            it, so that a slow client holds nobody but itself."""
            computed.set()
            if self.computing.get(key) is computed:
                del self.computing[key]

        try:
            responder = KeepingResponder(self, send, key, revision, if_none_match, release)
            await self.app({**scope, "headers": forwarded}, receive, responder.send)
        finally:
            release()


class KeepingResponder:
    """One computed answer on its way out: kept whole if it may be (a 200 that allows
    storing, within the size bound, for a revision still current), else passed through
    as it comes. `release` lets simultaneous asks of the same key go on, once."""

    def __init__(
        self,
        cache: ResponseCacheMiddleware,
        send: Send,
        key: Key,
        revision: Revision,
        if_none_match: str | None,
        release: Callable[[], None],
    ) -> None:
        self.cache, self.downstream, self.key, self.revision = cache, send, key, revision
        self.if_none_match, self.release = if_none_match, release
        self.start: Message | None = None
        self.chunks: list[bytes] = []
        self.size = 0
        self.passing_through = False

    async def send(self, message: Message) -> None:
        if self.passing_through:
            await self.downstream(message)
        elif message["type"] == "http.response.start":
            headers = Headers(raw=message["headers"])
            if message["status"] != 200 or "no-store" in headers.get("cache-control", ""):
                await self._pass_through(message)
            else:
                self.start = message
        elif message["type"] == "http.response.body":
            assert self.start is not None
            self.chunks.append(message.get("body", b""))
            self.size += len(self.chunks[-1])
            if self.size > self.cache.max_entry:  # too large to keep: send what came, stream
                await self._pass_through(self.start)
                await self.downstream({**message, "body": b"".join(self.chunks)})
            elif not message.get("more_body", False):
                await self._keep(_keep(self.start["headers"], b"".join(self.chunks), self.key))
        else:
            await self.downstream(message)

    async def _pass_through(self, start: Message) -> None:
        self.passing_through = True
        self.release()
        await _with_cache_status(self.downstream, UNCACHED)(start)

    async def _keep(self, kept: KeptAnswer) -> None:
        cache = self.cache
        # Not when the data moved on while computing, nor past the whole budget.
        stored = cache.revision == self.revision and kept.size <= cache.kept.maxsize
        if stored:
            cache.kept[self.key] = kept
        self.release()
        status = MISS if stored else UNCACHED
        await _send_kept(kept, self.if_none_match, False, status, self.downstream)


def _keep(raw: list[tuple[bytes, bytes]], body: bytes, key: Key) -> KeptAnswer:
    headers = MutableHeaders(raw=[(n, v) for n, v in raw if n.lower() != CACHE_STATUS])
    not_modified = MutableHeaders(raw=not_modified_headers(headers.raw))
    held = len(body) + sum(len(n) + len(v) for n, v in headers.raw)
    held += sum(len(part) for part in key if isinstance(part, str | bytes))
    return KeptAnswer(
        headers=headers.raw,
        body=body,
        etag=headers.get("etag"),
        not_modified=not_modified.raw,
        size=held + 200,  # and the objects around them
    )


async def _send_kept(
    kept: KeptAnswer, if_none_match: str | None, head: bool, status: bytes, send: Send
) -> None:
    if kept.etag is not None and matches_etag(if_none_match, kept.etag):
        headers = [*kept.not_modified, (CACHE_STATUS, status)]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    headers = [*kept.headers, (CACHE_STATUS, status)]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else kept.body})


def _with_cache_status(send: Send, status: bytes) -> Send:
    async def marked(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message["headers"], (CACHE_STATUS, status)]}
        await send(message)

    return marked
