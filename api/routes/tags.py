from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from api import queries
from api.db import SessionDep
from api.errors import problem_responses
from api.negotiation import Format, negotiate
from api.paging import PageDep, envelope
from api.schemas import Slug, TagPage, TagPublic

router = APIRouter(prefix="/v1/tags", tags=["tags"])


JSON_ONLY = [Depends(negotiate(Format.json))]
"""Tags are offered as JSON only; asking for another format is a 406."""


@router.get(
    "",
    summary="List tags",
    response_model=TagPage,
    responses=problem_responses(406, 422),
    dependencies=JSON_ONLY,
)
def list_tags(request: Request, response: Response, session: SessionDep, page: PageDep) -> TagPage:
    """The controlled vocabulary claims are tagged with, by slug, with each tag's claim count."""
    items, total = queries.list_tags(session=session, limit=page.limit, offset=page.offset)
    return envelope(TagPage, request, response, items, total, page)


@router.get(
    "/{slug}",
    summary="Get one tag",
    response_model=TagPublic,
    responses=problem_responses(404, 406, 422),
    dependencies=JSON_ONLY,
)
def get_tag(
    slug: Annotated[Slug, Path(description="The tag's slug.", examples=["allergy"])],
    session: SessionDep,
) -> TagPublic:
    """One tag; list its claims with `GET /v1/claims?tag={slug}`."""
    return queries.get_tag(session=session, slug=slug)
