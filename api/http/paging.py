"""Paging parameters, cursors, and the envelope every list answers with."""

import re
from typing import Annotated, Any, TypeVar

from annotated_types import Ge, Le
from fastapi import Query, Request, Response
from pydantic import BaseModel, BeforeValidator
from starlette.datastructures import URL

from api.records.fields import DISCLAIMER
from api.records.pages import Page, PageLinks, PageMeta
from api.store.cursors import MAX_OFFSET

MAX_LIMIT = 500
MAX_CURSOR = 2048
CURSOR_EXAMPLES = {
    # The third claim of the article onwards, in article order.
    "/v1/claims": "eyJzb3J0IjoiYXJ0aWNsZSIsImtleSI6WyJjYW4tYm90b3gtZm9yLW1pZ3JhaW5lcy1tYWtlLXRo"
    "ZW0td29yc2UiLDExNywyMzksImJvdG94LWdhaW5pbmctcG9wdWxhcml0eS1mb3ItbWlncmFpbmUiXSwib2Zmc2V0IjoyfQ",
    # The third risk factor onwards, by rank.
    "/v1/risk-factors": "eyJzb3J0IjoicmFuayIsImtleSI6WzIsImNhbi1ib3RveC1mb3ItbWlncmFpbmVzLW1ha2Ut"
    "dGhlbS13b3JzZSIsMTczOSwxODcxLCJyaXNrLWZhY3Rvci1hbGxlcmdpYy1yZWFjdGlvbnMiXSwib2Zmc2V0IjoyfQ",
}
"""A real `links.next` cursor of each list that takes one: a cursor is made for its list's
order, so one list's is refused by another (the OpenAPI document gives each its own)."""


def _written_as_digits(value: Any) -> Any:
    """A number in a query string is digits, optionally signed: pydantic alone would also
    take " 2" or "\v2" (Python's int() strips whitespace), which no client means."""
    if isinstance(value, str) and not re.fullmatch(r"[+-]?[0-9]+", value):
        raise ValueError("must be a whole number written in digits")
    return value


DIGITS = BeforeValidator(_written_as_digits)
"""Marks an integer query parameter. Its bounds go before it in the Annotated (as
annotated_types Ge/Le, not in Query) so the OpenAPI schema keeps minimum/maximum."""


class PageParams(BaseModel):
    limit: int
    offset: int
    cursor: str | None = None


async def page_params(
    limit: Annotated[
        int,
        Ge(1),
        Le(MAX_LIMIT),
        DIGITS,
        Query(description=f"Items per page (1-{MAX_LIMIT}).", examples=[50]),
    ] = 50,
    offset: Annotated[
        int,
        Ge(0),
        Le(MAX_OFFSET),
        DIGITS,
        Query(
            description="Items to skip. Deep pages are cheaper by `cursor`.",
            examples=[0],
        ),
    ] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


async def cursor_param(
    cursor: Annotated[
        str | None,
        Query(
            max_length=MAX_CURSOR,
            description="Opaque position from a previous answer's `links.next`: the page "
            "after it, found by key rather than by counting (use instead of `offset`). "
            "Only positions this list gave out are accepted (422 otherwise): take it from "
            "`links.next`, never build one.",
        ),
    ] = None,
) -> str | None:
    return cursor


def public_url(request: Request) -> URL:
    """The request's URL as clients know it: on the configured public base, if any."""
    base = request.app.state.settings.public_url
    if base is None:
        return request.url
    public = URL(base)
    return request.url.replace(
        scheme=public.scheme, netloc=public.netloc, path=public.path.rstrip("/") + request.url.path
    )


def public_base(request: Request) -> str:
    """Scheme, host and path prefix clients reach the API at, without a trailing slash."""
    base = request.app.state.settings.public_url
    if base is not None:
        return str(base).rstrip("/")
    return f"{request.url.scheme}://{request.url.netloc}"


def location(request: Request, route: str, **params: str) -> str:
    """The public URL of the route named `route` (a Location header for a new record)."""
    return public_base(request) + str(request.app.url_path_for(route, **params))


def page_links(
    request: Request,
    response: Response,
    *,
    total: int,
    limit: int,
    offset: int,
    next_cursor: str | None = None,
) -> PageLinks:
    """Full URLs of this page and its neighbours, also sent as an RFC 8288 `Link` header.

    `next` follows a cursor where the list has one, else an offset; `prev` is by offset.
    """
    here = public_url(request)
    base = here.remove_query_params(["cursor", "offset"])
    if next_cursor is not None:
        next_url: str | None = str(base.include_query_params(limit=limit, cursor=next_cursor))
    elif offset + limit < total:
        next_url = str(base.include_query_params(limit=limit, offset=offset + limit))
    else:
        next_url = None
    prev_url = (
        # Past the end, `prev` leads back to the last page that has items.
        str(base.include_query_params(limit=limit, offset=max(0, min(offset, total) - limit)))
        if offset > 0
        else None
    )
    links = PageLinks(self=str(here), next=next_url, prev=prev_url)
    response.headers["Link"] = (
        ", ".join(
            f'<{target}>; rel="{rel}"'
            for rel, target in (("next", next_url), ("prev", prev_url))
            if target
        )
        or f'<{links.self}>; rel="self"'
    )
    return links


def page_json(documents: list[str], meta: PageMeta, links: PageLinks) -> bytes:
    """A page's JSON from its items' stored documents: the envelope is serialized, the
    items are copied as they are."""
    return b"".join(
        (
            b'{"data":[',
            ",".join(documents).encode(),
            b'],"meta":',
            meta.model_dump_json().encode(),
            b',"links":',
            links.model_dump_json().encode(),
            b"}",
        )
    )


P = TypeVar("P", bound=Page)  # type: ignore[type-arg]


def envelope(
    page_type: type[P],
    request: Request,
    response: Response,
    items: list[Any],
    total: int,
    params: PageParams,
) -> P:
    """Wrap one offset-paged page of items with its totals, the disclaimer and links."""
    return page_type(
        data=items,
        meta=PageMeta(total=total, limit=params.limit, offset=params.offset, disclaimer=DISCLAIMER),
        links=page_links(request, response, total=total, limit=params.limit, offset=params.offset),
    )
