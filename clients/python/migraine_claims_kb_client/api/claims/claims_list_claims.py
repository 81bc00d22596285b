from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.certainty import Certainty
from ...models.claim_page import ClaimPage
from ...models.claim_status import ClaimStatus
from ...models.claim_type import ClaimType
from ...models.facet import Facet
from ...models.format_json_jsonld import FormatJsonJsonld
from ...models.migraine_effect import MigraineEffect
from ...models.problem import Problem
from ...models.sort_order import SortOrder
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    sort: SortOrder | Unset = UNSET,
    facet: list[Facet] | Unset = UNSET,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    type_: list[ClaimType] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    tag_any: list[str] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    certainty: list[Certainty] | Unset = UNSET,
    migraine_effect: list[MigraineEffect] | Unset = UNSET,
    rank: list[int] | Unset = UNSET,
    status: list[ClaimStatus] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_facet: list[str] | Unset = UNSET
    if not isinstance(facet, Unset):
        json_facet = []
        for facet_item_data in facet:
            facet_item = facet_item_data.value
            json_facet.append(facet_item)


    params["facet"] = json_facet

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["limit"] = limit

    params["offset"] = offset

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)


    params["type"] = json_type_

    json_tag: list[str] | Unset = UNSET
    if not isinstance(tag, Unset):
        json_tag = tag


    params["tag"] = json_tag

    json_tag_any: list[str] | Unset = UNSET
    if not isinstance(tag_any, Unset):
        json_tag_any = tag_any


    params["tag_any"] = json_tag_any

    json_source: list[str] | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source


    params["source"] = json_source

    json_certainty: list[str] | Unset = UNSET
    if not isinstance(certainty, Unset):
        json_certainty = []
        for certainty_item_data in certainty:
            certainty_item = certainty_item_data.value
            json_certainty.append(certainty_item)


    params["certainty"] = json_certainty

    json_migraine_effect: list[str] | Unset = UNSET
    if not isinstance(migraine_effect, Unset):
        json_migraine_effect = []
        for migraine_effect_item_data in migraine_effect:
            migraine_effect_item = migraine_effect_item_data.value
            json_migraine_effect.append(migraine_effect_item)


    params["migraine_effect"] = json_migraine_effect

    json_rank: list[int] | Unset = UNSET
    if not isinstance(rank, Unset):
        json_rank = rank


    params["rank"] = json_rank

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ClaimPage | Problem | None:
    if response.status_code == 200:
        response_200 = ClaimPage.from_dict(response.json())



        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())



        return response_406

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())



        return response_431

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ClaimPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    sort: SortOrder | Unset = UNSET,
    facet: list[Facet] | Unset = UNSET,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    type_: list[ClaimType] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    tag_any: list[str] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    certainty: list[Certainty] | Unset = UNSET,
    migraine_effect: list[MigraineEffect] | Unset = UNSET,
    rank: list[int] | Unset = UNSET,
    status: list[ClaimStatus] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | ClaimPage | Problem]:
    """ List, filter and search claims

     Claims matching every filter given, across all sources.

    Filters combine with AND; within one filter, repeated values are any-of, except
    `tag`, which is all-of (`tag_any` is its any-of twin). An unknown tag or source
    matches nothing. Follow `links.next` to page: it carries a cursor, so deep pages
    cost what the first does.

    Args:
        sort (SortOrder | Unset): How a list of claims is ordered.
        facet (list[Facet] | Unset): Count the matching claims by these fields, in `meta.facets`.
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        limit (int | Unset): Items per page (1-500). Default: 50.
        offset (int | Unset): Items to skip. Deep pages are cheaper by `cursor`. Default: 0.
        cursor (None | str | Unset): Opaque position from a previous answer's `links.next`: the
            page after it, found by key rather than by counting (use instead of `offset`). Only
            positions this list gave out are accepted (422 otherwise): take it from `links.next`,
            never build one.
        type_ (list[ClaimType] | Unset): Only claims of these types; repeat for any of several (a
            claim has one type, so all-of would match nothing).
        tag (list[str] | Unset): Only claims carrying every one of these tags (all-of). For any-
            of, use `tag_any`.
        tag_any (list[str] | Unset): Only claims carrying at least one of these tags (any-of).
        source (list[str] | Unset): Only claims quoted from these sources (any-of).
        certainty (list[Certainty] | Unset): Only claims put this strongly by their source (any-
            of).
        migraine_effect (list[MigraineEffect] | Unset): Only claims saying this about migraines
            (any-of).
        rank (list[int] | Unset): Only risk factors at these ranks (any-of).
        status (list[ClaimStatus] | Unset): Only claims with these statuses (any-of). Default:
            active claims only; `status=retracted` lists what curators withdrew.
        q (None | str | Unset): Full-text search over title, statement and quote: every word must
            occur, each as a word prefix (`allerg` finds `allergic`), ignoring case. A word is a run
            of letters and digits: punctuation separates words (`it's` is `it` and `s`), and there are
            no operators (`OR` is searched as a word). Adds `match` (score, snippet) to each claim;
            scores rank within one answer and one engine.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClaimPage | Problem]
     """


    kwargs = _get_kwargs(
        sort=sort,
facet=facet,
format_=format_,
limit=limit,
offset=offset,
cursor=cursor,
type_=type_,
tag=tag,
tag_any=tag_any,
source=source,
certainty=certainty,
migraine_effect=migraine_effect,
rank=rank,
status=status,
q=q,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    sort: SortOrder | Unset = UNSET,
    facet: list[Facet] | Unset = UNSET,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    type_: list[ClaimType] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    tag_any: list[str] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    certainty: list[Certainty] | Unset = UNSET,
    migraine_effect: list[MigraineEffect] | Unset = UNSET,
    rank: list[int] | Unset = UNSET,
    status: list[ClaimStatus] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | ClaimPage | Problem | None:
    """ List, filter and search claims

     Claims matching every filter given, across all sources.

    Filters combine with AND; within one filter, repeated values are any-of, except
    `tag`, which is all-of (`tag_any` is its any-of twin). An unknown tag or source
    matches nothing. Follow `links.next` to page: it carries a cursor, so deep pages
    cost what the first does.

    Args:
        sort (SortOrder | Unset): How a list of claims is ordered.
        facet (list[Facet] | Unset): Count the matching claims by these fields, in `meta.facets`.
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        limit (int | Unset): Items per page (1-500). Default: 50.
        offset (int | Unset): Items to skip. Deep pages are cheaper by `cursor`. Default: 0.
        cursor (None | str | Unset): Opaque position from a previous answer's `links.next`: the
            page after it, found by key rather than by counting (use instead of `offset`). Only
            positions this list gave out are accepted (422 otherwise): take it from `links.next`,
            never build one.
        type_ (list[ClaimType] | Unset): Only claims of these types; repeat for any of several (a
            claim has one type, so all-of would match nothing).
        tag (list[str] | Unset): Only claims carrying every one of these tags (all-of). For any-
            of, use `tag_any`.
        tag_any (list[str] | Unset): Only claims carrying at least one of these tags (any-of).
        source (list[str] | Unset): Only claims quoted from these sources (any-of).
        certainty (list[Certainty] | Unset): Only claims put this strongly by their source (any-
            of).
        migraine_effect (list[MigraineEffect] | Unset): Only claims saying this about migraines
            (any-of).
        rank (list[int] | Unset): Only risk factors at these ranks (any-of).
        status (list[ClaimStatus] | Unset): Only claims with these statuses (any-of). Default:
            active claims only; `status=retracted` lists what curators withdrew.
        q (None | str | Unset): Full-text search over title, statement and quote: every word must
            occur, each as a word prefix (`allerg` finds `allergic`), ignoring case. A word is a run
            of letters and digits: punctuation separates words (`it's` is `it` and `s`), and there are
            no operators (`OR` is searched as a word). Adds `match` (score, snippet) to each claim;
            scores rank within one answer and one engine.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClaimPage | Problem
     """


    return sync_detailed(
        client=client,
sort=sort,
facet=facet,
format_=format_,
limit=limit,
offset=offset,
cursor=cursor,
type_=type_,
tag=tag,
tag_any=tag_any,
source=source,
certainty=certainty,
migraine_effect=migraine_effect,
rank=rank,
status=status,
q=q,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    sort: SortOrder | Unset = UNSET,
    facet: list[Facet] | Unset = UNSET,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    type_: list[ClaimType] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    tag_any: list[str] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    certainty: list[Certainty] | Unset = UNSET,
    migraine_effect: list[MigraineEffect] | Unset = UNSET,
    rank: list[int] | Unset = UNSET,
    status: list[ClaimStatus] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | ClaimPage | Problem]:
    """ List, filter and search claims

     Claims matching every filter given, across all sources.

    Filters combine with AND; within one filter, repeated values are any-of, except
    `tag`, which is all-of (`tag_any` is its any-of twin). An unknown tag or source
    matches nothing. Follow `links.next` to page: it carries a cursor, so deep pages
    cost what the first does.

    Args:
        sort (SortOrder | Unset): How a list of claims is ordered.
        facet (list[Facet] | Unset): Count the matching claims by these fields, in `meta.facets`.
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        limit (int | Unset): Items per page (1-500). Default: 50.
        offset (int | Unset): Items to skip. Deep pages are cheaper by `cursor`. Default: 0.
        cursor (None | str | Unset): Opaque position from a previous answer's `links.next`: the
            page after it, found by key rather than by counting (use instead of `offset`). Only
            positions this list gave out are accepted (422 otherwise): take it from `links.next`,
            never build one.
        type_ (list[ClaimType] | Unset): Only claims of these types; repeat for any of several (a
            claim has one type, so all-of would match nothing).
        tag (list[str] | Unset): Only claims carrying every one of these tags (all-of). For any-
            of, use `tag_any`.
        tag_any (list[str] | Unset): Only claims carrying at least one of these tags (any-of).
        source (list[str] | Unset): Only claims quoted from these sources (any-of).
        certainty (list[Certainty] | Unset): Only claims put this strongly by their source (any-
            of).
        migraine_effect (list[MigraineEffect] | Unset): Only claims saying this about migraines
            (any-of).
        rank (list[int] | Unset): Only risk factors at these ranks (any-of).
        status (list[ClaimStatus] | Unset): Only claims with these statuses (any-of). Default:
            active claims only; `status=retracted` lists what curators withdrew.
        q (None | str | Unset): Full-text search over title, statement and quote: every word must
            occur, each as a word prefix (`allerg` finds `allergic`), ignoring case. A word is a run
            of letters and digits: punctuation separates words (`it's` is `it` and `s`), and there are
            no operators (`OR` is searched as a word). Adds `match` (score, snippet) to each claim;
            scores rank within one answer and one engine.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClaimPage | Problem]
     """


    kwargs = _get_kwargs(
        sort=sort,
facet=facet,
format_=format_,
limit=limit,
offset=offset,
cursor=cursor,
type_=type_,
tag=tag,
tag_any=tag_any,
source=source,
certainty=certainty,
migraine_effect=migraine_effect,
rank=rank,
status=status,
q=q,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    sort: SortOrder | Unset = UNSET,
    facet: list[Facet] | Unset = UNSET,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    type_: list[ClaimType] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    tag_any: list[str] | Unset = UNSET,
    source: list[str] | Unset = UNSET,
    certainty: list[Certainty] | Unset = UNSET,
    migraine_effect: list[MigraineEffect] | Unset = UNSET,
    rank: list[int] | Unset = UNSET,
    status: list[ClaimStatus] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | ClaimPage | Problem | None:
    """ List, filter and search claims

     Claims matching every filter given, across all sources.

    Filters combine with AND; within one filter, repeated values are any-of, except
    `tag`, which is all-of (`tag_any` is its any-of twin). An unknown tag or source
    matches nothing. Follow `links.next` to page: it carries a cursor, so deep pages
    cost what the first does.

    Args:
        sort (SortOrder | Unset): How a list of claims is ordered.
        facet (list[Facet] | Unset): Count the matching claims by these fields, in `meta.facets`.
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        limit (int | Unset): Items per page (1-500). Default: 50.
        offset (int | Unset): Items to skip. Deep pages are cheaper by `cursor`. Default: 0.
        cursor (None | str | Unset): Opaque position from a previous answer's `links.next`: the
            page after it, found by key rather than by counting (use instead of `offset`). Only
            positions this list gave out are accepted (422 otherwise): take it from `links.next`,
            never build one.
        type_ (list[ClaimType] | Unset): Only claims of these types; repeat for any of several (a
            claim has one type, so all-of would match nothing).
        tag (list[str] | Unset): Only claims carrying every one of these tags (all-of). For any-
            of, use `tag_any`.
        tag_any (list[str] | Unset): Only claims carrying at least one of these tags (any-of).
        source (list[str] | Unset): Only claims quoted from these sources (any-of).
        certainty (list[Certainty] | Unset): Only claims put this strongly by their source (any-
            of).
        migraine_effect (list[MigraineEffect] | Unset): Only claims saying this about migraines
            (any-of).
        rank (list[int] | Unset): Only risk factors at these ranks (any-of).
        status (list[ClaimStatus] | Unset): Only claims with these statuses (any-of). Default:
            active claims only; `status=retracted` lists what curators withdrew.
        q (None | str | Unset): Full-text search over title, statement and quote: every word must
            occur, each as a word prefix (`allerg` finds `allergic`), ignoring case. A word is a run
            of letters and digits: punctuation separates words (`it's` is `it` and `s`), and there are
            no operators (`OR` is searched as a word). Adds `match` (score, snippet) to each claim;
            scores rank within one answer and one engine.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClaimPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
sort=sort,
facet=facet,
format_=format_,
limit=limit,
offset=offset,
cursor=cursor,
type_=type_,
tag=tag,
tag_any=tag_any,
source=source,
certainty=certainty,
migraine_effect=migraine_effect,
rank=rank,
status=status,
q=q,
if_none_match=if_none_match,

    )).parsed
