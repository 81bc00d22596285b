"""A bug's exception becomes a 500 problem and one log entry, with its traceback.

Starlette's outermost layer would answer it too, but then raises it again for the server
to log: every 500 left two tracebacks. Here it is answered, logged once with the request
it broke, and goes no further. Innermost of ours, so the 500 still passes through CORS
and the security headers.
"""

import logging

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import CLIENT_CLOSED_REQUEST, unexpected
from api.store.interrupts import is_abandoned

log = logging.getLogger(__name__)


class LastResortMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            if is_abandoned():  # its queries were stopped on purpose: no one waits
                if not started:
                    await Response(status_code=CLIENT_CLOSED_REQUEST)(scope, receive, send)
                return
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if not started:  # else the answer is cut short, which the client sees
                await unexpected()(scope, receive, send)
