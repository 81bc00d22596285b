from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.change_page import ChangePage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ChangePage | Problem | None:
    if response.status_code == 200:
        response_200 = ChangePage.from_dict(response.json())



        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ChangePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | ChangePage | Problem]:
    """ Follow every change

     Every accepted change to a claim, tag or source, created, updated, retracted,
    restored or deleted (by a load of data/), oldest first, in the order they were
    committed, each with the record as it became.

    To stay in sync: mirror GET /v1/export once, then follow `links.next` from the
    export header's `changes` cursor, applying each change; poll the last `links.next`
    for more. Writers commit one at a time, so a change never appears behind one
    already read: following `links.next` misses nothing.

    Args:
        since (None | str | Unset): Opaque position from a previous answer's `links.next` (or the
            export's header): only changes committed after it. Leave out to start from the first
            change recorded.
        limit (int | Unset): Changes per page. Default: 100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ChangePage | Problem]
     """


    kwargs = _get_kwargs(
        since=since,
limit=limit,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,

) -> Any | ChangePage | Problem | None:
    """ Follow every change

     Every accepted change to a claim, tag or source, created, updated, retracted,
    restored or deleted (by a load of data/), oldest first, in the order they were
    committed, each with the record as it became.

    To stay in sync: mirror GET /v1/export once, then follow `links.next` from the
    export header's `changes` cursor, applying each change; poll the last `links.next`
    for more. Writers commit one at a time, so a change never appears behind one
    already read: following `links.next` misses nothing.

    Args:
        since (None | str | Unset): Opaque position from a previous answer's `links.next` (or the
            export's header): only changes committed after it. Leave out to start from the first
            change recorded.
        limit (int | Unset): Changes per page. Default: 100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ChangePage | Problem
     """


    return sync_detailed(
        client=client,
since=since,
limit=limit,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | ChangePage | Problem]:
    """ Follow every change

     Every accepted change to a claim, tag or source, created, updated, retracted,
    restored or deleted (by a load of data/), oldest first, in the order they were
    committed, each with the record as it became.

    To stay in sync: mirror GET /v1/export once, then follow `links.next` from the
    export header's `changes` cursor, applying each change; poll the last `links.next`
    for more. Writers commit one at a time, so a change never appears behind one
    already read: following `links.next` misses nothing.

    Args:
        since (None | str | Unset): Opaque position from a previous answer's `links.next` (or the
            export's header): only changes committed after it. Leave out to start from the first
            change recorded.
        limit (int | Unset): Changes per page. Default: 100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ChangePage | Problem]
     """


    kwargs = _get_kwargs(
        since=since,
limit=limit,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,

) -> Any | ChangePage | Problem | None:
    """ Follow every change

     Every accepted change to a claim, tag or source, created, updated, retracted,
    restored or deleted (by a load of data/), oldest first, in the order they were
    committed, each with the record as it became.

    To stay in sync: mirror GET /v1/export once, then follow `links.next` from the
    export header's `changes` cursor, applying each change; poll the last `links.next`
    for more. Writers commit one at a time, so a change never appears behind one
    already read: following `links.next` misses nothing.

    Args:
        since (None | str | Unset): Opaque position from a previous answer's `links.next` (or the
            export's header): only changes committed after it. Leave out to start from the first
            change recorded.
        limit (int | Unset): Changes per page. Default: 100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ChangePage | Problem
     """


    return (await asyncio_detailed(
        client=client,
since=since,
limit=limit,
if_none_match=if_none_match,

    )).parsed
