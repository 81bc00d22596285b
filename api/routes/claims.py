from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from api import queries
from api.db import SessionDep
from api.errors import problem_responses
from api.paging import PageDep, envelope
from api.schemas import Claim, ClaimPage, ClaimType, Slug

router = APIRouter(prefix="/v1/claims", tags=["claims"])


@router.get(
    "",
    summary="List claims",
    response_model=ClaimPage,
    responses=problem_responses(422),
)
def list_claims(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    type: Annotated[
        list[ClaimType],
        Query(
            description="Only claims of these types (any of them). Repeat to add types.",
            examples=[["risk_factor"]],
        ),
    ] = [],  # noqa: B006 - FastAPI copies defaults per request
    tag: Annotated[
        list[Slug],
        Query(
            description="Only claims carrying every one of these tags. Repeat to narrow.",
            examples=[["dosage"]],
        ),
    ] = [],  # noqa: B006
    source: Annotated[
        Slug | None,
        Query(
            description="Only claims quoted from this source id.",
            examples=["can-botox-for-migraines-make-them-worse"],
        ),
    ] = None,
) -> ClaimPage:
    """Claims in the order their sources state them, across all sources.

    `type` is any-of, `tag` is all-of; an unknown tag or source matches nothing.
    """
    items, total = queries.list_claims(
        session=session, types=type, tags=tag, source=source, limit=page.limit, offset=page.offset
    )
    return envelope(ClaimPage, request, response, items, total, page)


@router.get(
    "/{claim_id}",
    summary="Get one claim",
    response_model=Claim,
    responses=problem_responses(404, 422),
)
def get_claim(
    claim_id: Annotated[
        Slug, Path(description="The claim's id.", examples=["risk-factor-allergic-reactions"])
    ],
    session: SessionDep,
) -> Claim:
    """One claim by its stable id; its `type` says which fields it has."""
    return queries.get_claim(session=session, claim_id=claim_id)
