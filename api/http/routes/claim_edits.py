"""Curators' writes to claims, and each claim's history. Every write needs an API key;
every change to an existing claim needs If-Match with its current ETag."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request, Response

from api.errors import NotFoundError
from api.http.deps import ClaimId, CuratorDep, EngineDep, IfMatchDep, PageDep, SessionDep
from api.http.paging import envelope, location
from api.http.problems import WRITE_PROBLEMS, problem_responses
from api.http.strict_json import StrictJsonRoute
from api.records.claims import Claim, ClaimPatch, ClaimRevision, Relation, Retraction
from api.records.fields import ChangeAction, RecordKind, RelationKind, Slug
from api.records.pages import RevisionPage
from api.store import changelog
from api.writes import curation
from api.writes.preconditions import revision_etag

router = APIRouter(route_class=StrictJsonRoute, prefix="/v1/claims", tags=["claims"])

WRITE_ERRORS = problem_responses(*WRITE_PROBLEMS)
CHANGE_ERRORS = problem_responses(*WRITE_PROBLEMS, 404, 409, 412, 428)
MERGE_PATCH = "application/merge-patch+json"


def _with_etag(response: Response, claim: Claim) -> Claim:
    response.headers["ETag"] = revision_etag(claim.revision or 1)
    return claim


@router.post(
    "",
    summary="Create a claim",
    status_code=201,
    response_model=Claim,
    responses={**WRITE_ERRORS, **problem_responses(409)},
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "A claim of any type, without `revision`. `start` and `end` may be "
            "left out when the quote occurs exactly once in its source.",
        }
    },
)
def create_claim(
    request: Request,
    engine: EngineDep,
    response: Response,
    curator: CuratorDep,
    body: Annotated[dict[str, Any], Body()],
) -> Claim:
    """Add a claim, checked exactly as `kb load` checks data/: its quote must stand
    verbatim at its offsets in its source, its tags and relation targets must exist,
    its id must be new. A refused claim changes nothing; the 422 names each bad field."""
    claim = curation.create_claim(engine=engine, body=body, actor=curator)
    response.headers["Location"] = location(request, "get_claim", claim_id=claim.id)
    return _with_etag(response, claim)


@router.patch(
    "/{claim_id}",
    summary="Update a claim",
    response_model=Claim,
    responses=CHANGE_ERRORS,
)
def update_claim(
    claim_id: ClaimId,
    engine: EngineDep,
    response: Response,
    curator: CuratorDep,
    expected: IfMatchDep,
    patch: Annotated[ClaimPatch, Body(media_type=MERGE_PATCH)],
) -> Claim:
    """Change some fields of a claim (JSON merge patch, RFC 7396: `null` removes an
    optional field). The whole result is checked as a new claim would be; its revision
    goes up by one and the change is recorded in its history."""
    fields = patch.model_dump(mode="json", exclude_unset=True)
    claim = curation.update_claim(
        engine=engine, claim_id=claim_id, patch=fields, expected=expected, actor=curator
    )
    return _with_etag(response, claim)


@router.post(
    "/{claim_id}/retraction",
    summary="Retract a claim",
    response_model=Claim,
    responses=CHANGE_ERRORS,
)
def retract_claim(
    claim_id: ClaimId,
    engine: EngineDep,
    response: Response,
    curator: CuratorDep,
    expected: IfMatchDep,
    retraction: Retraction,
) -> Claim:
    """Withdraw a claim, saying why. It keeps its id and record, with `status: retracted`
    and the reason; lists leave it out unless asked (`status=retracted`), and apps that
    stored its id learn what happened from it and from the change feed."""
    claim = curation.retract_claim(
        engine=engine,
        claim_id=claim_id,
        reason=retraction.reason,
        expected=expected,
        actor=curator,
    )
    return _with_etag(response, claim)


@router.delete(
    "/{claim_id}/retraction",
    summary="Restore a retracted claim",
    response_model=Claim,
    responses=CHANGE_ERRORS,
)
def restore_claim(
    claim_id: ClaimId,
    engine: EngineDep,
    response: Response,
    curator: CuratorDep,
    expected: IfMatchDep,
) -> Claim:
    """Undo a retraction: the claim is active again (a new revision; history keeps both)."""
    claim = curation.restore_claim(
        engine=engine, claim_id=claim_id, expected=expected, actor=curator
    )
    return _with_etag(response, claim)


@router.post(
    "/{claim_id}/relations",
    summary="Relate a claim to another",
    response_model=Claim,
    responses=CHANGE_ERRORS,
)
def add_relation(
    claim_id: ClaimId,
    engine: EngineDep,
    response: Response,
    curator: CuratorDep,
    expected: IfMatchDep,
    relation: Relation,
) -> Claim:
    """Add a relation from this claim to another: the target must exist, and relations
    that must not loop (all but `qualifies`) may not lead back to this claim."""
    claim = curation.add_relation(
        engine=engine, claim_id=claim_id, relation=relation, expected=expected, actor=curator
    )
    return _with_etag(response, claim)


@router.delete(
    "/{claim_id}/relations/{kind}/{target}",
    summary="Remove a relation",
    response_model=Claim,
    responses=CHANGE_ERRORS,
)
def remove_relation(
    claim_id: ClaimId,
    kind: Annotated[RelationKind, Path(description="The relation's kind.", examples=["rests_on"])],
    target: Annotated[
        Slug,
        Path(
            description="The id of the claim it points at.",
            examples=["botox-may-block-neurotransmitter-release"],
        ),
    ],
    engine: EngineDep,
    response: Response,
    curator: CuratorDep,
    expected: IfMatchDep,
) -> Claim:
    """Remove one relation from this claim; 404 when it has no such relation."""
    claim = curation.remove_relation(
        engine=engine,
        claim_id=claim_id,
        relation=Relation(kind=kind, target=target),
        expected=expected,
        actor=curator,
    )
    return _with_etag(response, claim)


@router.get(
    "/{claim_id}/revisions",
    summary="A claim's history",
    response_model=RevisionPage,
    responses=problem_responses(404, 422),
)
def list_revisions(
    claim_id: ClaimId,
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
) -> RevisionPage:
    """Every recorded change to the claim, newest first: which key (or `kb load`) made
    it, when, and the claim before and after. History starts with the first change
    recorded; revisions made before the change log existed have none."""
    # One row more than the page: the change before each one holds its `before`.
    rows, total = changelog.history(
        session, RecordKind.claim, claim_id, limit=page.limit + 1, offset=page.offset
    )
    if not total:
        raise NotFoundError("claim history", claim_id)
    items = [
        ClaimRevision.model_validate(
            {
                "revision": row.revision,
                "action": ChangeAction(row.action),
                "at": row.at,
                "by": row.actor,
                "before": rows[i + 1].record if i + 1 < len(rows) else None,
                "after": row.record,
            },
            context=changelog.AS_STORED,
        )
        for i, row in enumerate(rows[: page.limit])
    ]
    return envelope(RevisionPage, request, response, items, total, page)
