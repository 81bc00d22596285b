from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlmodel import Session

from api.errors import InvalidParameterError, NotFoundError
from api.http.deps import (
    ClaimId,
    CursorDep,
    EngineDep,
    FilterDep,
    KeyReaderDep,
    PageDep,
    RecordFormat,
)
from api.http.negotiation import Format, jsonld_alternative, render_stored
from api.http.paging import PageParams, page_json, page_links
from api.http.problems import problem_responses
from api.records.claims import CLAIM_ADAPTER, Claim
from api.records.fields import (
    DISCLAIMER,
    Facet,
    SortOrder,
)
from api.records.pages import ClaimPage, ClaimPageMeta, FacetCount, FacetCounts, PageLinks
from api.store import reads
from api.store.cursors import decode_cursor, encode_cursor
from api.store.engine import read
from api.store.reads import ClaimFilter
from api.writes.preconditions import revision_etag

router = APIRouter(prefix="/v1/claims", tags=["claims"])


@dataclass(frozen=True)
class StoredPage:
    """A page of claims as read: their stored documents, and the envelope around them."""

    found: reads.ClaimList
    meta: ClaimPageMeta
    links: PageLinks

    def answer(self, fmt: Format, request: Request, response: Response) -> Response:
        return render_stored(
            page_json(self.found.documents, self.meta, self.links),
            fmt,
            request,
            response,
            lambda: ClaimPage(data=self.found.claims, meta=self.meta, links=self.links),
        )


def list_page(
    *,
    request: Request,
    response: Response,
    session: Session,
    page: PageParams,
    cursor: str | None,
    where: ClaimFilter,
    sort: SortOrder,
    facets: list[Facet],
) -> StoredPage:
    """One page of claims as every claim list answers it: filtered, sorted, faceted, linked."""
    after, offset = None, page.offset
    if cursor is not None:
        if page.offset:
            raise InvalidParameterError("query.offset", "give either offset or cursor, not both")
        if sort is SortOrder.relevance:
            raise InvalidParameterError("query.cursor", "sort=relevance pages by offset only")
        key, offset = decode_cursor(cursor, sort.value, reads.KEY_SHAPES[sort])
        after = reads.decode_key(sort, key)
    found = reads.list_claims(
        session=session,
        where=where,
        sort=sort,
        limit=page.limit,
        offset=0 if after is not None else offset,
        after=after,
        facets=list(dict.fromkeys(facets)),
    )
    next_cursor = (
        encode_cursor(sort.value, found.next_key, offset + len(found.documents))
        if found.next_key is not None
        else None
    )
    meta = ClaimPageMeta(
        total=found.total,
        limit=page.limit,
        offset=offset,
        disclaimer=DISCLAIMER,
        sort=sort,
        facets=FacetCounts(
            **{
                facet.value: [FacetCount(value=v, count=n) for v, n in counts]
                for facet, counts in found.facets.items()
            }
        )
        if facets
        else None,
    )
    links = page_links(
        request,
        response,
        total=found.total,
        limit=page.limit,
        offset=offset,
        next_cursor=next_cursor,
    )
    return StoredPage(found, meta, links)


@dataclass
class ClaimListing:
    """What every list of claims takes besides its filter and order: the request, the
    format asked for and the page. Answers in one session (one hop to a worker thread)."""

    request: Request
    response: Response
    engine: EngineDep
    fmt: RecordFormat
    page: PageDep
    cursor: CursorDep

    async def answer(
        self, where: ClaimFilter, sort: SortOrder, facets: list[Facet] | None = None
    ) -> Response:
        def work(session: Session) -> Response:
            found = list_page(
                request=self.request,
                response=self.response,
                session=session,
                page=self.page,
                cursor=self.cursor,
                where=where,
                sort=sort,
                facets=facets or [],
            )
            return found.answer(self.fmt, self.request, self.response)

        return await read(self.engine, work)


ListingDep = Annotated[ClaimListing, Depends()]


@router.get(
    "",
    summary="List, filter and search claims",
    response_model=ClaimPage,
    responses={**jsonld_alternative("JsonLdItemList"), **problem_responses(406, 422)},
)
async def list_claims(
    listing: ListingDep,
    where: FilterDep,
    sort: Annotated[
        SortOrder,
        Query(
            description="Order of the list: `article` (as the sources state them), "
            "`rank`, `relevance` (with `q`) or `updated` (latest change first).",
            examples=["article"],
        ),
    ] = SortOrder.article,
    facet: Annotated[
        list[Facet],
        Query(
            description="Count the matching claims by these fields, in `meta.facets`.",
            examples=[["tag", "type"]],
        ),
    ] = [],  # noqa: B006
) -> Response:
    """Claims matching every filter given, across all sources.

    Filters combine with AND; within one filter, repeated values are any-of, except
    `tag`, which is all-of (`tag_any` is its any-of twin). An unknown tag or source
    matches nothing. Follow `links.next` to page: it carries a cursor, so deep pages
    cost what the first does.
    """
    return await listing.answer(where, sort, facet)


@router.get(
    "/{claim_id}",
    summary="Get one claim",
    response_model=Claim,
    responses={**jsonld_alternative("JsonLdNode"), **problem_responses(404, 406, 422)},
)
async def get_claim(
    claim_id: ClaimId,
    reader: KeyReaderDep,
    fmt: RecordFormat,
    request: Request,
    response: Response,
) -> Response:
    """One claim by its stable id, retracted or not; its `type` says which fields it has.

    Its ETag names its revision: send it back in If-Match to change the claim.
    """
    row = await reader.first(reads.CLAIM_BY_ID, {"claim_id": claim_id})
    if row is None:
        raise NotFoundError("claim", claim_id)
    found = row.document
    if found is None:  # migrated, not rendered yet
        found = await read(reader.engine, lambda session: reads.rendered(session, [row])[0])
    variant = ("jsonld",) if fmt is Format.jsonld else ()
    response.headers["ETag"] = revision_etag(row.revision, *variant)
    return render_stored(
        found.encode(),
        fmt,
        request,
        response,
        lambda: CLAIM_ADAPTER.validate_json(found),
    )
