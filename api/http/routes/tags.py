from typing import Annotated

from fastapi import APIRouter, Body, Depends, Request, Response

from api.http.deps import CuratorDep, EngineDep, IfMatchDep, PageDep, SessionDep, TagSlug
from api.http.negotiation import Format, negotiate
from api.http.paging import envelope, location
from api.http.problems import WRITE_PROBLEMS, problem_responses
from api.http.strict_json import StrictJsonRoute
from api.records.pages import TagPage
from api.records.vocabulary import TagPatch, TagPublic, TagRecord
from api.store import reads
from api.writes import curation
from api.writes.preconditions import revision_etag

router = APIRouter(route_class=StrictJsonRoute, prefix="/v1/tags", tags=["tags"])


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
    items, total = reads.list_tags(session=session, limit=page.limit, offset=page.offset)
    return envelope(TagPage, request, response, items, total, page)


@router.get(
    "/{slug}",
    summary="Get one tag",
    response_model=TagPublic,
    responses=problem_responses(404, 406, 422),
    dependencies=JSON_ONLY,
)
def get_tag(slug: TagSlug, session: SessionDep, response: Response) -> TagPublic:
    """One tag; list its claims with `GET /v1/claims?tag={slug}`. Its ETag names its
    revision: send it back in If-Match to update the tag."""
    return _with_etag(response, reads.get_tag(session=session, slug=slug))


def _with_etag(response: Response, tag: TagPublic) -> TagPublic:
    response.headers["ETag"] = revision_etag(tag.revision, f"n{tag.claim_count}")
    return tag


@router.post(
    "",
    summary="Create a tag",
    status_code=201,
    response_model=TagPublic,
    responses=problem_responses(*WRITE_PROBLEMS, 409),
)
def create_tag(
    tag: TagRecord,
    request: Request,
    response: Response,
    engine: EngineDep,
    curator: CuratorDep,
) -> TagPublic:
    """Add a tag to the vocabulary. Give `codes` only when verified at an authoritative
    source, cited in `cited_from`."""
    created = curation.create_tag(engine=engine, tag=tag, actor=curator)
    response.headers["Location"] = location(request, "get_tag", slug=tag.slug)
    return _with_etag(response, created)


@router.patch(
    "/{slug}",
    summary="Update a tag",
    response_model=TagPublic,
    responses=problem_responses(*WRITE_PROBLEMS, 404, 412, 428),
)
def update_tag(
    slug: TagSlug,
    patch: Annotated[TagPatch, Body(media_type="application/merge-patch+json")],
    response: Response,
    engine: EngineDep,
    curator: CuratorDep,
    expected: IfMatchDep,
) -> TagPublic:
    """Change a tag's label, description or codes; its slug never changes."""
    updated = curation.update_tag(
        engine=engine, slug=slug, patch=patch, expected=expected, actor=curator
    )
    return _with_etag(response, updated)
