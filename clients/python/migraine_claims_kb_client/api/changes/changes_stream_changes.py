from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id



    

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes/stream",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
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
    last_event_id: None | str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Stream every change as it is committed

     Every change, pushed as it is committed: the same changes, in the same order, as
    following `links.next` of GET /v1/changes. Starts after `Last-Event-ID` or `since`,
    else from now. A write through any worker, or a `kb load`, reaches every open stream
    within a second. A browser's `EventSource` reconnects by itself and resumes with no
    gap and no duplicate. Each worker holds a bounded number of streams (503 with
    Retry-After beyond it); an idle stream holds no database connection.

    Args:
        since (None | str | Unset): Opaque position from `links.next` of GET /v1/changes (or the
            export's header): stream the changes committed after it. Leave out to start from now.
        last_event_id (None | str | Unset): The id of the last event you received: a reconnecting
            EventSource sends it, and the stream resumes right after it (it wins over `since`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        since=since,
last_event_id=last_event_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> Problem | str | None:
    """ Stream every change as it is committed

     Every change, pushed as it is committed: the same changes, in the same order, as
    following `links.next` of GET /v1/changes. Starts after `Last-Event-ID` or `since`,
    else from now. A write through any worker, or a `kb load`, reaches every open stream
    within a second. A browser's `EventSource` reconnects by itself and resumes with no
    gap and no duplicate. Each worker holds a bounded number of streams (503 with
    Retry-After beyond it); an idle stream holds no database connection.

    Args:
        since (None | str | Unset): Opaque position from `links.next` of GET /v1/changes (or the
            export's header): stream the changes committed after it. Leave out to start from now.
        last_event_id (None | str | Unset): The id of the last event you received: a reconnecting
            EventSource sends it, and the stream resumes right after it (it wins over `since`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        client=client,
since=since,
last_event_id=last_event_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Stream every change as it is committed

     Every change, pushed as it is committed: the same changes, in the same order, as
    following `links.next` of GET /v1/changes. Starts after `Last-Event-ID` or `since`,
    else from now. A write through any worker, or a `kb load`, reaches every open stream
    within a second. A browser's `EventSource` reconnects by itself and resumes with no
    gap and no duplicate. Each worker holds a bounded number of streams (503 with
    Retry-After beyond it); an idle stream holds no database connection.

    Args:
        since (None | str | Unset): Opaque position from `links.next` of GET /v1/changes (or the
            export's header): stream the changes committed after it. Leave out to start from now.
        last_event_id (None | str | Unset): The id of the last event you received: a reconnecting
            EventSource sends it, and the stream resumes right after it (it wins over `since`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        since=since,
last_event_id=last_event_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> Problem | str | None:
    """ Stream every change as it is committed

     Every change, pushed as it is committed: the same changes, in the same order, as
    following `links.next` of GET /v1/changes. Starts after `Last-Event-ID` or `since`,
    else from now. A write through any worker, or a `kb load`, reaches every open stream
    within a second. A browser's `EventSource` reconnects by itself and resumes with no
    gap and no duplicate. Each worker holds a bounded number of streams (503 with
    Retry-After beyond it); an idle stream holds no database connection.

    Args:
        since (None | str | Unset): Opaque position from `links.next` of GET /v1/changes (or the
            export's header): stream the changes committed after it. Leave out to start from now.
        last_event_id (None | str | Unset): The id of the last event you received: a reconnecting
            EventSource sends it, and the stream resumes right after it (it wins over `since`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        client=client,
since=since,
last_event_id=last_event_id,

    )).parsed
