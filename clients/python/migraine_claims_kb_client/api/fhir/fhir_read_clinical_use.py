from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fhir_clinical_use_definition import FhirClinicalUseDefinition
from ...models.format_fhir import FormatFhir
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    resource_id: str,
    *,
    format_: FormatFhir | Unset = UNSET,
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
        "url": "/fhir/ClinicalUseDefinition/{resource_id}".format(resource_id=quote(str(resource_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | FhirClinicalUseDefinition | Problem | None:
    if response.status_code == 200:
        response_200 = FhirClinicalUseDefinition.from_dict(response.json())



        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())



        return response_406

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())



        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | FhirClinicalUseDefinition | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | FhirClinicalUseDefinition | Problem]:
    """ Read a ClinicalUseDefinition

     One risk factor or the conclusion, by the id of its claim; 410 once retracted
    (the claim itself, with the reason, stays at GET /v1/claims/{id}).

    Args:
        resource_id (str): The claim's id.
        format_ (FormatFhir | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirClinicalUseDefinition | Problem]
     """


    kwargs = _get_kwargs(
        resource_id=resource_id,
format_=format_,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | FhirClinicalUseDefinition | Problem | None:
    """ Read a ClinicalUseDefinition

     One risk factor or the conclusion, by the id of its claim; 410 once retracted
    (the claim itself, with the reason, stays at GET /v1/claims/{id}).

    Args:
        resource_id (str): The claim's id.
        format_ (FormatFhir | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirClinicalUseDefinition | Problem
     """


    return sync_detailed(
        resource_id=resource_id,
client=client,
format_=format_,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | FhirClinicalUseDefinition | Problem]:
    """ Read a ClinicalUseDefinition

     One risk factor or the conclusion, by the id of its claim; 410 once retracted
    (the claim itself, with the reason, stays at GET /v1/claims/{id}).

    Args:
        resource_id (str): The claim's id.
        format_ (FormatFhir | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirClinicalUseDefinition | Problem]
     """


    kwargs = _get_kwargs(
        resource_id=resource_id,
format_=format_,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    resource_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: FormatFhir | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | FhirClinicalUseDefinition | Problem | None:
    """ Read a ClinicalUseDefinition

     One risk factor or the conclusion, by the id of its claim; 410 once retracted
    (the claim itself, with the reason, stays at GET /v1/claims/{id}).

    Args:
        resource_id (str): The claim's id.
        format_ (FormatFhir | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirClinicalUseDefinition | Problem
     """


    return (await asyncio_detailed(
        resource_id=resource_id,
client=client,
format_=format_,
if_none_match=if_none_match,

    )).parsed
