from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from api import queries
from api.db import SessionDep
from api.errors import problem_responses
from api.paging import PageDep, envelope
from api.schemas import Slug, SourceDetail, SourcePage

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@router.get("", summary="List sources", response_model=SourcePage, responses=problem_responses(422))
def list_sources(
    request: Request, response: Response, session: SessionDep, page: PageDep
) -> SourcePage:
    """The texts claims are quoted from, by id; their full text is at `GET /v1/sources/{id}`."""
    items, total = queries.list_sources(session=session, limit=page.limit, offset=page.offset)
    return envelope(SourcePage, request, response, items, total, page)


@router.get(
    "/{source_id}",
    summary="Get one source with its text",
    response_model=SourceDetail,
    responses=problem_responses(404, 422),
)
def get_source(
    source_id: Annotated[
        Slug,
        Path(description="The source's id.", examples=["can-botox-for-migraines-make-them-worse"]),
    ],
    session: SessionDep,
) -> SourceDetail:
    """A source with its full `text`: every claim's quote is `text[start:end]`, and `sha256`
    is the hash of the text's UTF-8 bytes, so a client can verify both."""
    return queries.get_source(session=session, source_id=source_id)
