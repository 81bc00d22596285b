"""Request bodies past a size limit, refused as problem details."""

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import problem


class BodyLimitMiddleware:
    """Refuse request bodies over `limit` bytes, as problem details: by Content-Length
    before anything is read, or as a chunked body crosses the limit. (FastAPI's own
    `max_body_size` answers a declared oversize body in plain text.)"""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        detail = f"The request body is larger than the limit of {self.limit} bytes."
        declared = Headers(scope=scope).get("content-length", "")
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
