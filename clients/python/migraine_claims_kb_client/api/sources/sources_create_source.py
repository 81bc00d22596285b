from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.source_create import SourceCreate
from ...models.source_detail import SourceDetail
from typing import cast



def _get_kwargs(
    *,
    body: SourceCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sources",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SourceDetail | None:
    if response.status_code == 201:
        response_201 = SourceDetail.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())



        return response_431

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SourceDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SourceCreate,

) -> Response[Problem | SourceDetail]:
    """ Add a source

     Add a source text that claims can then quote. The text is stored exactly as sent
    (its UTF-8 bytes hash to `sha256`); it cannot be edited later, since quotes index
    into it. The request body limit bounds its length.

    Args:
        body (SourceCreate): A new source and its full text; `sha256` is optional and, when given,
            must match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SourceDetail]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: SourceCreate,

) -> Problem | SourceDetail | None:
    """ Add a source

     Add a source text that claims can then quote. The text is stored exactly as sent
    (its UTF-8 bytes hash to `sha256`); it cannot be edited later, since quotes index
    into it. The request body limit bounds its length.

    Args:
        body (SourceCreate): A new source and its full text; `sha256` is optional and, when given,
            must match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SourceDetail
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SourceCreate,

) -> Response[Problem | SourceDetail]:
    """ Add a source

     Add a source text that claims can then quote. The text is stored exactly as sent
    (its UTF-8 bytes hash to `sha256`); it cannot be edited later, since quotes index
    into it. The request body limit bounds its length.

    Args:
        body (SourceCreate): A new source and its full text; `sha256` is optional and, when given,
            must match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SourceDetail]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SourceCreate,

) -> Problem | SourceDetail | None:
    """ Add a source

     Add a source text that claims can then quote. The text is stored exactly as sent
    (its UTF-8 bytes hash to `sha256`); it cannot be edited later, since quotes index
    into it. The request body limit bounds its length.

    Args:
        body (SourceCreate): A new source and its full text; `sha256` is optional and, when given,
            must match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SourceDetail
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
