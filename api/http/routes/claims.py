from dataclasses import dataclass
from typing import Annotated

from annotated_types import Ge, Le
from fastapi import APIRouter, Depends, Path, Query, Request, Response
from sqlmodel import Session

from api.errors import InvalidParameterError, NotFoundError
from api.formats import jsonld
from api.http.negotiation import JSONLD_RESPONSE, Format, negotiate, render_stored
from api.http.paging import DIGITS, CursorDep, PageDep, PageParams, page_json, page_links
from api.http.problems import problem_responses
from api.records.claims import CLAIM_ADAPTER, Claim
from api.records.fields import (
    DISCLAIMER,
    Certainty,
    ClaimStatus,
    ClaimType,
    Facet,
    MigraineEffect,
    Slug,
    SortOrder,
)
from api.records.pages import ClaimPage, ClaimPageMeta, FacetCount, PageLinks
from api.store import reads
from api.store.cursors import decode_cursor, encode_cursor
from api.store.engine import EngineDep, read
from api.store.key_reads import KeyReaderDep
from api.store.reads import ClaimFilter
from api.store.search import Query as SearchQuery
from api.writes.preconditions import revision_etag

router = APIRouter(prefix="/v1/claims", tags=["claims"])

Rank = Annotated[int, Ge(1), Le(10_000), DIGITS]
MAX_QUERY = 500
MAX_VALUES = 20
"""Values one filter may repeat: enough for any real query, bounded for the database."""


async def claim_filter(
    type: Annotated[
        list[ClaimType],
        Query(
            max_length=MAX_VALUES,
            description="Only claims of these types; repeat for any of several (a claim has "
            "one type, so all-of would match nothing).",
            examples=[["risk_factor"]],
        ),
    ] = [],  # noqa: B006 - FastAPI copies defaults per request
    tag: Annotated[
        list[Slug],
        Query(
            max_length=MAX_VALUES,
            description="Only claims carrying every one of these tags (all-of). For any-of, "
            "use `tag_any`.",
            examples=[["dosage"]],
        ),
    ] = [],  # noqa: B006
    tag_any: Annotated[
        list[Slug],
        Query(
            max_length=MAX_VALUES,
            description="Only claims carrying at least one of these tags (any-of).",
            examples=[["allergy", "dosage"]],
        ),
    ] = [],  # noqa: B006
    source: Annotated[
        list[Slug],
        Query(
            max_length=MAX_VALUES,
            description="Only claims quoted from these sources (any-of).",
            examples=[["can-botox-for-migraines-make-them-worse"]],
        ),
    ] = [],  # noqa: B006
    certainty: Annotated[
        list[Certainty],
        Query(
            max_length=MAX_VALUES,
            description="Only claims put this strongly by their source (any-of).",
            examples=[["rare"]],
        ),
    ] = [],  # noqa: B006
    migraine_effect: Annotated[
        list[MigraineEffect],
        Query(
            max_length=MAX_VALUES,
            description="Only claims saying this about migraines (any-of).",
            examples=[["worsens"]],
        ),
    ] = [],  # noqa: B006
    rank: Annotated[
        list[Rank],
        Query(
            max_length=MAX_VALUES,
            description="Only risk factors at these ranks (any-of).",
            examples=[[1, 2]],
        ),
    ] = [],  # noqa: B006
    status: Annotated[
        list[ClaimStatus],
        Query(
            max_length=MAX_VALUES,
            description="Only claims with these statuses (any-of). Default: active claims "
            "only; `status=retracted` lists what curators withdrew.",
            examples=[["active"]],
        ),
    ] = [],  # noqa: B006
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_QUERY,
            description="Full-text search over title, statement and quote: every word must "
            "occur, each as a word prefix (`allerg` finds `allergic`), ignoring case. A word "
            "is a run of letters and digits: punctuation separates words (`it's` is `it` and "
            "`s`), and there are no operators (`OR` is searched as a word). Adds `match` "
            "(score, snippet) to each claim; scores rank within one answer and one engine.",
            examples=["allergic reaction"],
        ),
    ] = None,
) -> ClaimFilter:
    return ClaimFilter(
        types=tuple(type),
        sources=tuple(source),
        tags_all=tuple(tag),
        tags_any=tuple(tag_any),
        certainties=tuple(certainty),
        effects=tuple(migraine_effect),
        ranks=tuple(rank),
        search=SearchQuery.parse(q) if q is not None and q.strip() else None,
        statuses=tuple(dict.fromkeys(status)) or (ClaimStatus.active,),
    )


FilterDep = Annotated[ClaimFilter, Depends(claim_filter)]


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
            jsonld.claim_node,
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
        facets={
            facet: [FacetCount(value=v, count=n) for v, n in counts]
            for facet, counts in found.facets.items()
        }
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


ClaimFormat = Annotated[Format, Depends(negotiate(Format.json, Format.jsonld))]


@dataclass
class ClaimListing:
    """What every list of claims takes besides its filter and order: the request, the
    format asked for and the page. Answers in one session (one hop to a worker thread)."""

    request: Request
    response: Response
    engine: EngineDep
    fmt: ClaimFormat
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
    responses={200: JSONLD_RESPONSE, **problem_responses(406, 422)},
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
    responses={200: JSONLD_RESPONSE, **problem_responses(404, 406, 422)},
)
async def get_claim(
    claim_id: Annotated[
        Slug, Path(description="The claim's id.", examples=["risk-factor-allergic-reactions"])
    ],
    reader: KeyReaderDep,
    fmt: ClaimFormat,
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
        jsonld.claim_node,
    )
