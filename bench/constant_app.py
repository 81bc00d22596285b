"""The ceiling of the server stack: an ASGI app that answers with constant bytes, served by
the same uvicorn as the API. Nothing can answer faster than this.

Given `BENCH_ANSWERS` (a JSON file the benchmark writes), it answers each scenario's
request with the very status, headers and body our API sent for it, so that the ceiling
of each scenario moves the same bytes; otherwise, with one short JSON body.
"""

import base64
import json
import os

from starlette.types import Receive, Scope, Send

BODY = b'{"id":"risk-factor-allergic-reactions","type":"risk_factor"}'
Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
DEFAULT: Answer = (
    200,
    [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())],
    BODY,
)


def _load(path: str | None) -> dict[tuple[str, bytes, bool], Answer]:
    if not path:
        return {}
    answers: dict[tuple[str, bytes, bool], Answer] = {}
    with open(path) as file:
        for entry in json.load(file):
            headers = [(n.encode(), v.encode()) for n, v in entry["headers"]]
            key = (entry["path"], entry["query"].encode(), entry["conditional"])
            answers[key] = (entry["status"], headers, base64.b64decode(entry["body"]))
    return answers


ANSWERS = _load(os.environ.get("BENCH_ANSWERS"))


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    conditional = any(name == b"if-none-match" for name, _ in scope["headers"])
    status, headers, body = ANSWERS.get(
        (scope["path"], scope["query_string"], conditional), DEFAULT
    )
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
