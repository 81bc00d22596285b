"""What a connection may hold before its request is read: a deadline for the request's
line and headers, and problem details for a request the server cannot read.

uvicorn times out a connection idle between requests (`timeout_keep_alive`), but not
one that never finishes its first request's headers: a client trickling a header a
byte at a time (slowloris), or connecting and sending nothing, held its connection for
ever, and `KB_MAX_CONNECTIONS` of them left the worker refusing everyone else. The API
never sees such a request (an ASGI app is called once the headers are complete), so the
deadline lives in the server's protocol: uvicorn's own httptools protocol, armed when a
connection opens and when a request begins, disarmed once its headers are in. Past it,
the client gets a `408` problem and the connection is closed. `kb serve` uses it; a
reverse proxy in front does the same for the bytes the internet sends (README).

A request httptools cannot parse (a URL past about 64 KB, a malformed line) is answered
by uvicorn itself, in plain text; here it is a `400` problem like every other error.

On shutdown uvicorn lets answers in flight finish, for up to its grace period; a live
change stream never finishes, so it held the worker for all of it and was then cut with
an error. Here the worker's streams are ended at once, cleanly: their clients reconnect
(to another worker or replica) with Last-Event-ID.
"""

import asyncio
from http import HTTPStatus
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.config import Settings
from api.http import streams
from api.records.problems import Problem

PROTOCOL = "api.http.connections:GuardedHttpProtocol"
"""What `kb serve` names as uvicorn's `http`: an import string, which each worker process
imports for itself."""


def raw_problem(status: int, detail: str) -> bytes:
    """A whole problem-details answer as bytes, for a connection no app will answer."""
    title = HTTPStatus(status).phrase
    body = Problem(title=title, status=status, detail=detail).model_dump_json(exclude_none=True)
    head = (
        f"HTTP/1.1 {status} {title}\r\n"
        "content-type: application/problem+json\r\n"
        "connection: close\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    )
    return (head + body).encode()


class GuardedHttpProtocol(HttpToolsProtocol):
    seconds = Settings().header_timeout_seconds
    too_slow = raw_problem(
        408, f"The request's line and headers did not arrive within {seconds:g} s."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_deadline is None:
            self._header_deadline = self.loop.call_later(self.seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _too_slow(self) -> None:
        self._header_deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is None or self.cycle.response_complete:  # else mid-answer: just close
            self.transport.write(self.too_slow)
        self.transport.close()

    def shutdown(self) -> None:
        streams.end_all()
        super().shutdown()

    def send_400_response(self, msg: str) -> None:
        detail = f"The request could not be read as HTTP ({msg.rstrip('.')}): a URL longer "
        detail += "than the server reads, or a malformed request line or header."
        self.transport.write(raw_problem(400, detail))
        self.transport.close()
