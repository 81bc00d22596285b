"""Read-only FHIR R5 endpoints over the same records (see api/formats/fhir.py for the mapping)."""

from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from annotated_types import Ge, Le
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from api.errors import GoneError, NotFoundError
from api.formats import fhir
from api.http.deps import ClaimId, SessionDep, SourceId
from api.http.negotiation import Format, negotiate
from api.http.paging import DIGITS, MAX_LIMIT, public_base, public_url
from api.http.problems import problem_responses
from api.records.fields import ClaimStatus, SortOrder
from api.store import reads
from api.store.cursors import MAX_OFFSET
from api.store.reads import ClaimFilter

router = APIRouter(
    prefix="/fhir",
    tags=["fhir"],
    dependencies=[Depends(negotiate(Format.fhir))],
    responses=problem_responses(406),
)


class FhirResponse(JSONResponse):
    media_type = fhir.MEDIA_TYPE


def _answers(schema: str) -> dict[int | str, dict[str, Any]]:
    """The 200 of a FHIR route: one resource type, in FHIR's own media type only."""
    return {
        200: {
            "description": "A FHIR R5 resource (application/fhir+json).",
            "content": {fhir.MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        }
    }


T = TypeVar("T")
USE_TYPE_CLAIMS = {use: claim for claim, use in fhir.USE_TYPES.items()}

Count = Annotated[
    int,
    Ge(1),
    Le(MAX_LIMIT),
    DIGITS,
    Query(alias="_count", description="Entries per page.", examples=[50]),
]
Offset = Annotated[
    int,
    Ge(0),
    Le(MAX_OFFSET),
    DIGITS,
    Query(alias="_offset", description="Entries to skip.", examples=[0]),
]


def _fhir(resource: dict[str, Any]) -> FhirResponse:
    return FhirResponse(resource)


def _searchset(
    request: Request,
    items: Sequence[T],
    resource: Callable[[T, str], dict[str, Any]],
    *,
    total: int,
    offset: int,
    count: int,
) -> FhirResponse:
    """A searchset Bundle of one page of items, each as `resource` renders it."""
    base, url = public_base(request), public_url(request)
    more = offset + count < total
    following = str(url.include_query_params(_offset=offset + count, _count=count))
    return _fhir(
        fhir.searchset(
            [resource(item, base) for item in items],
            total,
            str(url),
            following if more else None,
            base,
        )
    )


@router.get(
    "/metadata",
    summary="Get the CapabilityStatement",
    response_class=FhirResponse,
    responses=_answers("FhirCapabilityStatement"),
)
def metadata(request: Request) -> FhirResponse:
    """What this FHIR server offers: read and search of ClinicalUseDefinition and Citation."""
    return _fhir(fhir.capability_statement(public_base(request)))


@router.get(
    "/ClinicalUseDefinition",
    summary="Search ClinicalUseDefinition",
    response_class=FhirResponse,
    responses={**_answers("FhirBundle"), **problem_responses(422)},
)
def search_clinical_use(
    request: Request,
    session: SessionDep,
    count: Count = 50,
    offset: Offset = 0,
    type: Annotated[
        list[str],
        Query(
            max_length=2,
            description="`undesirable-effect` (the risk factors) and/or `warning` (the "
            "conclusion). Without it, both.",
            examples=[["undesirable-effect"]],
        ),
    ] = [],  # noqa: B006 - FastAPI copies defaults per request
) -> FhirResponse:
    """A searchset Bundle of the claims FHIR can carry, risk factors first by rank."""
    # FHIR tokens: a comma means any of, and `system|code` may name the code system.
    codes = [token.rsplit("|", 1)[-1] for value in type for token in value.split(",")]
    wanted = [USE_TYPE_CLAIMS[code] for code in codes if code in USE_TYPE_CLAIMS]
    if type and not wanted:
        found_claims, total = [], 0
    else:
        found = reads.list_claims(
            session=session,
            where=ClaimFilter(types=tuple(wanted or fhir.USE_TYPES)),
            sort=SortOrder.rank,
            limit=count,
            offset=offset,
        )
        found_claims, total = found.claims, found.total
    return _searchset(
        request, found_claims, fhir.clinical_use, total=total, offset=offset, count=count
    )


@router.get(
    "/ClinicalUseDefinition/{resource_id}",
    summary="Read a ClinicalUseDefinition",
    response_class=FhirResponse,
    responses={**_answers("FhirClinicalUseDefinition"), **problem_responses(404, 410, 422)},
)
def read_clinical_use(
    request: Request,
    session: SessionDep,
    resource_id: ClaimId,
) -> FhirResponse:
    """One risk factor or the conclusion, by the id of its claim; 410 once retracted
    (the claim itself, with the reason, stays at GET /v1/claims/{id})."""
    claim = reads.get_claim(session=session, claim_id=resource_id)
    if claim.type not in fhir.USE_TYPES:
        raise NotFoundError("ClinicalUseDefinition", resource_id)
    if claim.status is ClaimStatus.retracted:
        raise GoneError(
            f"ClinicalUseDefinition {resource_id!r} was withdrawn: its claim is retracted "
            f"({claim.retraction_reason}). See GET /v1/claims/{resource_id}."
        )
    return _fhir(fhir.clinical_use(claim, public_base(request)))


@router.get(
    "/Citation",
    summary="Search Citation",
    response_class=FhirResponse,
    responses={**_answers("FhirBundle"), **problem_responses(422)},
)
def search_citations(
    request: Request, session: SessionDep, count: Count = 50, offset: Offset = 0
) -> FhirResponse:
    """A searchset Bundle of the sources, as Citations."""
    sources, total = reads.list_sources(session=session, limit=count, offset=offset)
    return _searchset(request, sources, fhir.citation, total=total, offset=offset, count=count)


@router.get(
    "/Citation/{resource_id}",
    summary="Read a Citation",
    response_class=FhirResponse,
    responses={**_answers("FhirCitation"), **problem_responses(404, 422)},
)
def read_citation(
    request: Request,
    session: SessionDep,
    resource_id: SourceId,
) -> FhirResponse:
    """One source, as the Citation of the work it is."""
    source = reads.get_source(session=session, source_id=resource_id)
    return _fhir(fhir.citation(source, public_base(request)))
