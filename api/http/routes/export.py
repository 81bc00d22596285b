import json
from collections.abc import Iterator

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import StreamingResponse
from sqlmodel import Session
from starlette.background import BackgroundTask

from api.http.deps import EngineDep
from api.http.middleware.etag import CACHE_CONTROL, matches_etag
from api.http.negotiation import Format, negotiate
from api.http.problems import problem_responses
from api.records.fields import DISCLAIMER
from api.store import changelog, reads
from api.store.engine import read_snapshot

router = APIRouter(
    prefix="/v1/export",
    tags=["export"],
    dependencies=[Depends(negotiate(Format.ndjson))],
    responses=problem_responses(406),
)

FORMAT = "migraine-claims-kb/export-v1"
CHUNK_CHARACTERS = 64 * 1024
"""How much of the stream is sent at once. Each piece the stream yields is one hop from
the worker thread to the event loop (and one gzip call there); sent line by line, the
loop spent its time on 20,000 hops per export, and a health check waited behind them."""
LINE_KINDS = ("header", "source", "tag", "claim", "relation")


@router.get(
    "",
    summary="Export everything as NDJSON",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "One JSON object per line, each with a `kind`: first a `header` "
            "(format, revision, `changes`: the change feed's `since` for what follows this "
            "snapshot, disclaimer), then every `source` (with its text), every "
            "`tag`, and every `claim` in article order, each followed by its `relation`s "
            "(`claim`, `relation`, `target`). Sources, tags and claims have the fields of "
            "their GET endpoints.",
            "content": {
                "application/x-ndjson": {
                    "schema": {"type": "string", "format": "binary"},
                    "example": '{"kind":"header","format":"' + FORMAT + '",...}\n'
                    '{"kind":"source","id":"can-botox-for-migraines-make-them-worse",...}\n',
                }
            },
        },
    },
)
def export_all(request: Request, engine: EngineDep) -> Response:
    """The whole knowledge base in one streamed download: the way to mirror it.

    The answer is streamed from one consistent snapshot, in batches, so it costs the
    server little memory however large the knowledge base is. Its ETag names the data
    revision: send it back in If-None-Match and an unchanged knowledge base answers 304.
    """
    session = Session(engine)
    try:
        read_snapshot(session)  # every batch sees the same state of the data
        latest = changelog.latest_id(session)  # names the data revision and the feed position
        revision, changes = f"c{latest}", changelog.feed_cursor(latest)
        etag = f'W/"{revision}"'
        headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
        if matches_etag(request.headers.get("if-none-match"), etag):
            session.close()
            return Response(status_code=304, headers=headers)
    except BaseException:
        session.close()
        raise

    def lines() -> Iterator[str]:
        header = {
            "kind": "header",
            "format": FORMAT,
            "revision": revision,
            "changes": changes,
            "disclaimer": DISCLAIMER,
        }
        yield json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n"
        for record in reads.export_records(session=session):
            yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"

    def chunks() -> Iterator[str]:
        try:
            yield from in_chunks(lines())
        finally:
            session.close()

    # The stream closes the session when it ends; the background task closes it too when
    # the client leaves before the end, so no connection waits for garbage collection.
    return StreamingResponse(
        chunks(),
        media_type="application/x-ndjson",
        headers=headers,
        background=BackgroundTask(session.close),
    )


def in_chunks(lines: Iterator[str]) -> Iterator[str]:
    """Lines joined into pieces of about CHUNK_CHARACTERS."""
    piece: list[str] = []
    size = 0
    for line in lines:
        piece.append(line)
        size += len(line)
        if size >= CHUNK_CHARACTERS:
            yield "".join(piece)
            piece, size = [], 0
    if piece:
        yield "".join(piece)
