"""Limit/offset parameters and the envelope every list answers with."""

from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel

from api.schemas import DISCLAIMER, Page, PageLinks, PageMeta

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000
"""Far past any real list, and within what every database accepts as an OFFSET."""


class PageParams(BaseModel):
    limit: int
    offset: int


def page_params(
    limit: Annotated[
        int,
        Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).", examples=[50]),
    ] = 50,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.", examples=[0])
    ] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]

P = TypeVar("P", bound=Page)  # type: ignore[type-arg]


def envelope(
    page_type: type[P],
    request: Request,
    response: Response,
    items: list[Any],
    total: int,
    params: PageParams,
) -> P:
    """Wrap one page of items with its totals, the disclaimer, and full next/prev URLs.

    The same links go in an RFC 8288 `Link` header, for clients that page by headers.
    """

    def url(offset: int) -> str:
        return str(request.url.include_query_params(limit=params.limit, offset=offset))

    next_offset = params.offset + params.limit
    links = PageLinks(
        self=str(request.url),
        next=url(next_offset) if next_offset < total else None,
        prev=url(max(0, params.offset - params.limit)) if params.offset > 0 else None,
    )
    response.headers["Link"] = (
        ", ".join(
            f'<{target}>; rel="{rel}"'
            for rel, target in (("next", links.next), ("prev", links.prev))
            if target is not None
        )
        or f'<{links.self}>; rel="self"'
    )
    return page_type(
        data=items,
        meta=PageMeta(total=total, limit=params.limit, offset=params.offset, disclaimer=DISCLAIMER),
        links=links,
    )
