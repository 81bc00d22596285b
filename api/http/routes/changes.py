from typing import Annotated

from annotated_types import Ge, Le
from fastapi import APIRouter, Query, Request, Response

from api.http.deps import SessionDep
from api.http.paging import DIGITS, MAX_CURSOR, public_url
from api.http.problems import problem_responses
from api.records.changes import ChangeLinks, ChangeMeta, ChangePage
from api.records.fields import DISCLAIMER
from api.store import changelog
from api.store.changelog import feed_cursor
from api.store.cursors import decode_cursor

router = APIRouter(prefix="/v1/changes", tags=["changes"])

MAX_CHANGES = 1000


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
    since: Annotated[
        str | None,
        Query(
            max_length=MAX_CURSOR,
            description="Opaque position from a previous answer's `links.next` (or the "
            "export's header): only changes committed after it. Leave out to start from "
            "the first change recorded.",
            examples=[changelog.feed_cursor(0)],
        ),
    ] = None,
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
    after = 0
    if since is not None:
        key, _ = decode_cursor(since, "changes", (int,), location="query.since")
        after = key[0]
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
