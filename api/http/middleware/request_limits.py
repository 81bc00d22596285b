"""Requests larger than the API reads, refused as problem details: a body past its limit
(413), a URL (414) or header section (431) past theirs.

The HTTP server buffers a request's line and headers before the API sees them, and
uvicorn with httptools bounds neither (a 5 MB header was read and served) except a URL
past about 64 KB, which it answers itself (as a problem under `kb serve`:
`http.connections`). So these limits keep what the API does with a request small; a
reverse proxy in front is what bounds the bytes a client may send at all (README, "In
production").
"""

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import problem

MAX_URL_BYTES = 8 * 1024
"""Longer than any link of ours (a search of 500 characters with every filter and a
cursor is under 2 KB), as long as common servers and proxies accept."""
MAX_HEADER_BYTES = 16 * 1024
"""The header section's names and values together: nginx's default for one header line
is 8 KB; a bearer key, conditions and a browser's own headers take well under 2 KB."""


def past_bounds(scope: Scope) -> int | None:
    """The status a request's URL (414) or headers (431) past their bounds are refused
    with; None within them. The response cache asks too: a kept answer must not be what
    a request past them gets."""
    if len(scope.get("raw_path") or b"") + len(scope["query_string"]) > MAX_URL_BYTES:
        return 414
    size = 0
    for name, value in scope["headers"]:  # a loop, not a generator: every request pays it
        size += len(name) + len(value)
    return 431 if size > MAX_HEADER_BYTES else None


BOUND_DETAILS = {
    414: f"The URL is longer than the limit of {MAX_URL_BYTES} bytes.",
    431: f"The request's headers take more than the limit of {MAX_HEADER_BYTES} bytes.",
}


class RequestLimitsMiddleware:
    """Refuse request bodies over `limit` bytes, as problem details: by Content-Length
    before anything is read, or as a chunked body crosses the limit. (FastAPI's own
    `max_body_size` answers a declared oversize body in plain text.) And a URL or a
    header section past its bound, before anything else reads them."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = past_bounds(scope)
        if refused is not None:
            await problem(refused, BOUND_DETAILS[refused])(scope, receive, send)
            return
        declared, chunked = b"", False
        for name, value in scope["headers"]:
            if name == b"content-length":
                declared = value
            elif name == b"transfer-encoding":
                chunked = True
        if not declared and not chunked:  # no body to count
            await self.app(scope, receive, send)
            return
        detail = f"The request body is larger than the limit of {self.limit} bytes."
        if declared.isdigit() and int(declared) > self.limit:
            await problem(413, detail)(scope, receive, send)
            return
        await self.app(scope, CountedBody(receive, self.limit, detail).receive, send)


class CountedBody:
    """A request's body as it arrives, refused once it crosses the limit."""

    def __init__(self, receive: Receive, limit: int, detail: str) -> None:
        self.upstream, self.limit, self.detail = receive, limit, detail
        self.received = 0

    async def receive(self) -> Message:
        message = await self.upstream()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit:  # FastAPI lets an HTTPException from here through
                raise HTTPException(413, self.detail)
        return message
