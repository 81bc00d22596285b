from typing import Annotated

from annotated_types import Ge, Le
from fastapi import APIRouter, Header, Query, Request, Response
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from api.http.deps import EngineDep, SessionDep, StreamsDep
from api.http.middleware.head import HEAD
from api.http.paging import DIGITS, MAX_CURSOR, public_url
from api.http.problems import problem_responses
from api.http.streams import StreamResponse
from api.records.changes import Change, ChangeLinks, ChangeMeta, ChangePage
from api.records.fields import DISCLAIMER
from api.store import changelog
from api.store.changelog import feed_cursor
from api.store.cursors import decode_cursor

router = APIRouter(prefix="/v1/changes", tags=["changes"])

MAX_CHANGES = 1000
STREAM_PATH = "/v1/changes/stream"

Since = Annotated[
    str | None,
    Query(
        max_length=MAX_CURSOR,
        description="Opaque position from a previous answer's `links.next` (or the "
        "export's header): only changes committed after it. Leave out to start from "
        "the first change recorded.",
        examples=[changelog.feed_cursor(0)],
    ),
]


@router.get(
    "",
    summary="Follow every change",
    response_model=ChangePage,
    responses=problem_responses(422),
)
def list_changes(
    request: Request,
    response: Response,
    session: SessionDep,
    since: Since = None,
    limit: Annotated[
        int,
        Ge(1),
        Le(MAX_CHANGES),
        DIGITS,
        Query(description="Changes per page.", examples=[100]),
    ] = 100,
) -> ChangePage:
    """Every accepted change to a claim, tag or source, created, updated, retracted,
    restored or deleted (by a load of data/), oldest first, in the order they were
    committed, each with the record as it became.

    To stay in sync: mirror GET /v1/export once, then follow `links.next` from the
    export header's `changes` cursor, applying each change; poll the last `links.next`
    for more. Writers commit one at a time, so a change never appears behind one
    already read: following `links.next` misses nothing.
    """
    after = 0 if since is None else _position(since, "query.since")
    found = changelog.changes_after(session, after, limit)
    last = found[-1][0] if found else after
    here = public_url(request)
    response.headers["Link"] = f'<{here.include_query_params(since=feed_cursor(last))}>; rel="next"'
    return ChangePage(
        data=[change for _, change in found],
        meta=ChangeMeta(limit=limit, disclaimer=DISCLAIMER),
        links=ChangeLinks(
            self=str(here), next=str(here.include_query_params(since=feed_cursor(last)))
        ),
    )


@router.get(
    "/stream",
    summary="Stream every change as it is committed",
    response_class=StreamResponse,
    status_code=200,
    responses={
        200: {
            "description": "Server-Sent Events: one event per committed change, in commit "
            "order. `id:` is the change's position (the `since` of GET /v1/changes), "
            "`data:` the change exactly as GET /v1/changes serves it (a `Change`). "
            "Comments (`:`) open the stream and keep it open when idle; they carry the "
            "position so far as their `id:`, so a reconnect resumes there. `retry:` says "
            "how long to wait before reconnecting.",
            "content": {
                "text/event-stream": {
                    "schema": {"type": "string"},
                    "example": ": changes after this position\nid: ...\nretry: 3000\n\n"
                    'data: {"kind":"claim","id":"botox-may-make-migraines-worse",...}\n'
                    "id: ...\n\n",
                }
            },
        },
        **problem_responses(422),  # and 503 with Retry-After, as every operation
    },
)
async def stream_changes(
    request: Request,
    engine: EngineDep,
    streams: StreamsDep,
    since: Annotated[
        str | None,
        Query(
            max_length=MAX_CURSOR,
            description="Opaque position from `links.next` of GET /v1/changes (or the "
            "export's header): stream the changes committed after it. Leave out to start "
            "from now.",
            examples=[changelog.feed_cursor(0)],
        ),
    ] = None,
    last_event_id: Annotated[
        str | None,
        Header(
            alias="Last-Event-ID",
            max_length=MAX_CURSOR,
            description="The id of the last event you received: a reconnecting EventSource "
            "sends it, and the stream resumes right after it (it wins over `since`).",
            examples=[changelog.feed_cursor(0)],
        ),
    ] = None,
) -> StreamResponse:
    """Every change, pushed as it is committed: the same changes, in the same order, as
    following `links.next` of GET /v1/changes. Starts after `Last-Event-ID` or `since`,
    else from now. A write through any worker, or a `kb load`, reaches every open stream
    within a second. A browser's `EventSource` reconnects by itself and resumes with no
    gap and no duplicate. Each worker holds a bounded number of streams (503 with
    Retry-After beyond it); an idle stream holds no database connection."""
    if last_event_id is not None:
        after = _position(last_event_id, "header.Last-Event-ID")
    elif since is not None:
        after = _position(since, "query.since")
    else:
        after = await streams.latest()

    async def read(after: int, limit: int) -> list[tuple[int, Change]]:
        def query() -> list[tuple[int, Change]]:
            with Session(engine) as session:
                return changelog.changes_after(session, after, limit)

        return await run_in_threadpool(query)

    events = streams.changes(read, after, once=bool(request.scope.get(HEAD)))
    return streams.answer(events)


def _position(cursor: str, location: str) -> int:
    key, _ = decode_cursor(cursor, "changes", (int,), location=location)
    position: int = key[0]
    return position
