"""Headers that tell a browser how little any answer of ours may do.

The API serves JSON to apps and two docs pages to people. A browser that renders an
answer must not guess its type (nosniff), frame it, run or load anything for it but the
docs pages' own scripts, or tell another site where its user came from; and what a
curator's write answers is nobody's to keep.
"""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import READS

DOCS_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
    ]
)
"""The docs pages may load nothing from another origin. ReDoc's bundle always asks a CDN
for its logo; this policy makes the browser refuse before any request leaves."""
API_CSP = "default-src 'none'; frame-ancestors 'none'"
"""Every other answer is data: nothing in it may run, load or be framed."""
ALWAYS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


class SecurityHeadersMiddleware:
    """ALWAYS on every answer, a content security policy (DOCS_CSP on the docs pages,
    API_CSP elsewhere), and `Cache-Control: no-store` on the answers to writes."""

    def __init__(self, app: ASGIApp, docs_paths: frozenset[str]) -> None:
        self.app, self.docs_paths = app, docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope["path"] in self.docs_paths else API_CSP
        write = scope["method"] not in READS

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in ALWAYS.items():
                    headers.setdefault(name, value)
                headers.setdefault("Content-Security-Policy", policy)
                if write:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, with_headers)
