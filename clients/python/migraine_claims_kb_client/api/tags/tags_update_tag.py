from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.tag_patch import TagPatch
from ...models.tag_public import TagPublic
from typing import cast



def _get_kwargs(
    slug: str,
    *,
    body: TagPatch,
    if_match: None | str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/tags/{slug}".format(slug=quote(str(slug), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TagPublic | None:
    if response.status_code == 200:
        response_200 = TagPublic.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

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

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())



        return response_428

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TagPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: TagPatch,
    if_match: None | str,

) -> Response[Problem | TagPublic]:
    """ Update a tag

     Change a tag's label, description or codes; its slug never changes.

    Args:
        slug (str): The tag's slug.
        if_match (None | str): The ETag of the record as you last read it (from its GET).
            Required: without it the answer is 428; when the record has changed since, 412.
        body (TagPatch): A partial update of a tag: only the fields given change (the slug never
            does).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TagPublic]
     """


    kwargs = _get_kwargs(
        slug=slug,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: TagPatch,
    if_match: None | str,

) -> Problem | TagPublic | None:
    """ Update a tag

     Change a tag's label, description or codes; its slug never changes.

    Args:
        slug (str): The tag's slug.
        if_match (None | str): The ETag of the record as you last read it (from its GET).
            Required: without it the answer is 428; when the record has changed since, 412.
        body (TagPatch): A partial update of a tag: only the fields given change (the slug never
            does).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TagPublic
     """


    return sync_detailed(
        slug=slug,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: TagPatch,
    if_match: None | str,

) -> Response[Problem | TagPublic]:
    """ Update a tag

     Change a tag's label, description or codes; its slug never changes.

    Args:
        slug (str): The tag's slug.
        if_match (None | str): The ETag of the record as you last read it (from its GET).
            Required: without it the answer is 428; when the record has changed since, 412.
        body (TagPatch): A partial update of a tag: only the fields given change (the slug never
            does).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TagPublic]
     """


    kwargs = _get_kwargs(
        slug=slug,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: TagPatch,
    if_match: None | str,

) -> Problem | TagPublic | None:
    """ Update a tag

     Change a tag's label, description or codes; its slug never changes.

    Args:
        slug (str): The tag's slug.
        if_match (None | str): The ETag of the record as you last read it (from its GET).
            Required: without it the answer is 428; when the record has changed since, 412.
        body (TagPatch): A partial update of a tag: only the fields given change (the slug never
            does).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TagPublic
     """


    return (await asyncio_detailed(
        slug=slug,
client=client,
body=body,
if_match=if_match,

    )).parsed
