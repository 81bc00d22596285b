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
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:  # FastAPI lets an HTTPException from here through
                    raise HTTPException(413, detail)
            return message

        await self.app(scope, counted, send)
