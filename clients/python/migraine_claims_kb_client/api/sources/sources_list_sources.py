from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.format_json_jsonld import FormatJsonJsonld
from ...models.problem import Problem
from ...models.source_page import SourcePage
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sources",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | SourcePage | None:
    if response.status_code == 200:
        response_200 = SourcePage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | SourcePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Problem | SourcePage]:
    """ List sources

     The texts claims are quoted from, by id; their full text is at `GET /v1/sources/{id}`.

    Args:
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        limit (int | Unset): Items per page (1-500). Default: 50.
        offset (int | Unset): Items to skip. Deep pages are cheaper by `cursor`. Default: 0.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SourcePage]
     """


    kwargs = _get_kwargs(
        format_=format_,
limit=limit,
offset=offset,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,

) -> Any | Problem | SourcePage | None:
    """ List sources

     The texts claims are quoted from, by id; their full text is at `GET /v1/sources/{id}`.

    Args:
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        limit (int | Unset): Items per page (1-500). Default: 50.
        offset (int | Unset): Items to skip. Deep pages are cheaper by `cursor`. Default: 0.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SourcePage
     """


    return sync_detailed(
        client=client,
format_=format_,
limit=limit,
offset=offset,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Problem | SourcePage]:
    """ List sources

     The texts claims are quoted from, by id; their full text is at `GET /v1/sources/{id}`.

    Args:
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        limit (int | Unset): Items per page (1-500). Default: 50.
        offset (int | Unset): Items to skip. Deep pages are cheaper by `cursor`. Default: 0.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SourcePage]
     """


    kwargs = _get_kwargs(
        format_=format_,
limit=limit,
offset=offset,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonJsonld | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,

) -> Any | Problem | SourcePage | None:
    """ List sources

     The texts claims are quoted from, by id; their full text is at `GET /v1/sources/{id}`.

    Args:
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        limit (int | Unset): Items per page (1-500). Default: 50.
        offset (int | Unset): Items to skip. Deep pages are cheaper by `cursor`. Default: 0.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SourcePage
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
limit=limit,
offset=offset,
if_none_match=if_none_match,

    )).parsed
