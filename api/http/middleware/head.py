"""HEAD wherever GET answers."""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEAD = "kb.head"
"""Set in the scope of a GET made for a HEAD: a route whose body never ends (a live
stream) reads it to end at once."""


class HeadMiddleware:
    """Answer HEAD wherever GET answers: the same status and headers, no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(message)

        await self.app({**scope, "method": "GET", HEAD: True}, receive, without_body)
