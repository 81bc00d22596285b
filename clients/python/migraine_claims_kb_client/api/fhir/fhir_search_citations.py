from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fhir_bundle import FhirBundle
from ...models.format_fhir import FormatFhir
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    field_count: int | Unset = 50,
    field_offset: int | Unset = 0,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    params["_count"] = field_count

    params["_offset"] = field_offset

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/fhir/Citation",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | FhirBundle | Problem | None:
    if response.status_code == 200:
        response_200 = FhirBundle.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | FhirBundle | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    field_count: int | Unset = 50,
    field_offset: int | Unset = 0,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | FhirBundle | Problem]:
    """ Search Citation

     A searchset Bundle of the sources, as Citations.

    Args:
        field_count (int | Unset): Entries per page. Default: 50.
        field_offset (int | Unset): Entries to skip. Default: 0.
        format_ (FormatFhir | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirBundle | Problem]
     """


    kwargs = _get_kwargs(
        field_count=field_count,
field_offset=field_offset,
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
    field_count: int | Unset = 50,
    field_offset: int | Unset = 0,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | FhirBundle | Problem | None:
    """ Search Citation

     A searchset Bundle of the sources, as Citations.

    Args:
        field_count (int | Unset): Entries per page. Default: 50.
        field_offset (int | Unset): Entries to skip. Default: 0.
        format_ (FormatFhir | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirBundle | Problem
     """


    return sync_detailed(
        client=client,
field_count=field_count,
field_offset=field_offset,
format_=format_,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    field_count: int | Unset = 50,
    field_offset: int | Unset = 0,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | FhirBundle | Problem]:
    """ Search Citation

     A searchset Bundle of the sources, as Citations.

    Args:
        field_count (int | Unset): Entries per page. Default: 50.
        field_offset (int | Unset): Entries to skip. Default: 0.
        format_ (FormatFhir | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirBundle | Problem]
     """


    kwargs = _get_kwargs(
        field_count=field_count,
field_offset=field_offset,
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
    field_count: int | Unset = 50,
    field_offset: int | Unset = 0,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | FhirBundle | Problem | None:
    """ Search Citation

     A searchset Bundle of the sources, as Citations.

    Args:
        field_count (int | Unset): Entries per page. Default: 50.
        field_offset (int | Unset): Entries to skip. Default: 0.
        format_ (FormatFhir | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirBundle | Problem
     """


    return (await asyncio_detailed(
        client=client,
field_count=field_count,
field_offset=field_offset,
format_=format_,
if_none_match=if_none_match,

    )).parsed
