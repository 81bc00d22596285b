from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api import queries
from api.db import SessionDep
from api.errors import problem_responses
from api.paging import PageDep, envelope
from api.schemas import ClaimPage, ClaimType, Slug

router = APIRouter(prefix="/v1/risk-factors", tags=["risk-factors"])


@router.get(
    "",
    summary="List risk factors",
    response_model=ClaimPage,
    responses=problem_responses(422),
)
def list_risk_factors(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    source: Annotated[
        Slug | None,
        Query(
            description="Only risk factors from this source id.",
            examples=["can-botox-for-migraines-make-them-worse"],
        ),
    ] = None,
) -> ClaimPage:
    """The factors sources say can make migraines worse with Botox, ordered by `rank`
    (their position in the source's list), then by source."""
    items, total = queries.list_claims(
        session=session,
        types=[ClaimType.risk_factor],
        source=source,
        limit=page.limit,
        offset=page.offset,
        order_by_rank=True,
    )
    return envelope(ClaimPage, request, response, items, total, page)
