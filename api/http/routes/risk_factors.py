from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.http.deps import MAX_VALUES
from api.http.negotiation import jsonld_alternative
from api.http.problems import problem_responses
from api.http.routes.claims import ListingDep
from api.records.fields import ClaimType, Slug, SortOrder
from api.records.pages import RiskFactorPage
from api.store.reads import ClaimFilter

router = APIRouter(prefix="/v1/risk-factors", tags=["risk-factors"])


@router.get(
    "",
    summary="List risk factors",
    response_model=RiskFactorPage,
    responses={**jsonld_alternative("JsonLdItemList"), **problem_responses(406, 422)},
)
async def list_risk_factors(
    listing: ListingDep,
    source: Annotated[
        list[Slug],
        Query(
            max_length=MAX_VALUES,
            description="Only risk factors from these sources (any-of).",
            examples=[["can-botox-for-migraines-make-them-worse"]],
        ),
    ] = [],  # noqa: B006 - FastAPI copies defaults per request
) -> Response:
    """The factors sources say can make migraines worse with Botox, ordered by `rank`
    (their position in the source's list), then by source. For other filters, use
    `GET /v1/claims?type=risk_factor`."""
    return await listing.answer(
        ClaimFilter(types=(ClaimType.risk_factor,), sources=tuple(source)), SortOrder.rank
    )
