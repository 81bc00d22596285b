from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.format_jsonld import FormatJsonld
from ...models.json_ld_context import JsonLdContext
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    format_: FormatJsonld | Unset = UNSET,
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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/context.jsonld",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | JsonLdContext | Problem | None:
    if response.status_code == 200:
        response_200 = JsonLdContext.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | JsonLdContext | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | JsonLdContext | Problem]:
    """ Get the JSON-LD context

     The @context every JSON-LD answer of this API refers to: schema.org and W3C Web
    Annotation terms. Served here so no client or processor needs to fetch it elsewhere.

    Args:
        format_ (FormatJsonld | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | JsonLdContext | Problem]
     """


    kwargs = _get_kwargs(
        format_=format_,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | JsonLdContext | Problem | None:
    """ Get the JSON-LD context

     The @context every JSON-LD answer of this API refers to: schema.org and W3C Web
    Annotation terms. Served here so no client or processor needs to fetch it elsewhere.

    Args:
        format_ (FormatJsonld | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | JsonLdContext | Problem
     """


    return sync_detailed(
        client=client,
format_=format_,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | JsonLdContext | Problem]:
    """ Get the JSON-LD context

     The @context every JSON-LD answer of this API refers to: schema.org and W3C Web
    Annotation terms. Served here so no client or processor needs to fetch it elsewhere.

    Args:
        format_ (FormatJsonld | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | JsonLdContext | Problem]
     """


    kwargs = _get_kwargs(
        format_=format_,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | JsonLdContext | Problem | None:
    """ Get the JSON-LD context

     The @context every JSON-LD answer of this API refers to: schema.org and W3C Web
    Annotation terms. Served here so no client or processor needs to fetch it elsewhere.

    Args:
        format_ (FormatJsonld | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | JsonLdContext | Problem
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
if_none_match=if_none_match,

    )).parsed
