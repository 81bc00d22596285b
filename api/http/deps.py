"""Every dependency the routes declare, as an Annotated alias: what a route takes is
read off its signature, and each is provided in one place."""

from collections.abc import Iterator
from typing import Annotated

from annotated_types import Ge, Le
from fastapi import Depends, Header, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlmodel import Session

from api.errors import PreconditionRequired, Unauthorized
from api.http.auth import key_owner
from api.http.negotiation import Format, negotiate
from api.http.paging import DIGITS, PageParams, cursor_param, page_params
from api.http.rate_limits import RateLimits
from api.http.streams import Streams
from api.records.fields import Certainty, ClaimStatus, ClaimType, MigraineEffect, Slug
from api.store.key_reads import KeyReader
from api.store.reads import ClaimFilter
from api.store.revision import RevisionReader
from api.store.search import Query as SearchQuery
from api.writes.preconditions import IfMatch, parse_if_match

# The database -------------------------------------------------------------------------


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
"""Closed as soon as the route returns, before the response is sent: the connection goes
back to the pool at once, and no cleanup is left pending once a client has its answer."""


async def get_engine(request: Request) -> Engine:
    return request.app.state.engine  # type: ignore[no-any-return]


EngineDep = Annotated[Engine, Depends(get_engine)]


async def get_streams(request: Request) -> Streams:
    return request.app.state.streams  # type: ignore[no-any-return]


StreamsDep = Annotated[Streams, Depends(get_streams)]


async def get_key_reader(request: Request) -> KeyReader:
    return request.app.state.key_reader  # type: ignore[no-any-return]


KeyReaderDep = Annotated[KeyReader, Depends(get_key_reader)]


async def get_revision(request: Request) -> RevisionReader | None:
    return request.app.state.revision  # type: ignore[no-any-return]


RevisionDep = Annotated[RevisionReader | None, Depends(get_revision)]
"""The latest change, read on the event loop through a connection of its own; None for an
in-memory database."""


# Who writes, and against which revision ----------------------------------------------

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    description="A curator's API key, made with `kb keys create NAME`. Only writes need one.",
)


async def get_rate_limits(request: Request) -> RateLimits:
    return request.app.state.rate_limits  # type: ignore[no-any-return]


RateLimitsDep = Annotated[RateLimits, Depends(get_rate_limits)]


async def curator(
    request: Request,
    reader: KeyReaderDep,
    limits: RateLimitsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    """The name of the key a write came with; 401 unless it is a live key, 429 when its
    address failed too often or the key wrote too often (`rate_limits`)."""
    address = request.client.host if request.client else "unknown"
    limits.refuse_if_spent(
        limits.failures,
        address,
        "Too many failed authentications from this address; wait before trying again.",
    )
    if credentials is None:
        raise Unauthorized(
            "This request changes data: send an API key as `Authorization: Bearer <key>`."
        )
    owner = await key_owner(reader, credentials.credentials)
    if owner is None:
        limits.count(limits.failures, address)
        raise Unauthorized("The API key is not valid (unknown or revoked).")
    limits.spend(limits.writes, owner, "This key has made too many changes for now; wait.")
    return owner


CuratorDep = Annotated[str, Depends(curator)]


async def if_match(
    value: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description="The ETag of the record as you last read it (from its GET). "
            "Required: without it the answer is 428; when the record has changed since, 412.",
            examples=['"r1"'],
        ),
    ] = None,
) -> IfMatch:
    if value is None:
        raise PreconditionRequired(
            "This update needs If-Match with the record's ETag (from its GET), so that it "
            "cannot overwrite a change you have not seen."
        )
    return parse_if_match(value)


IfMatchDep = Annotated[IfMatch, Depends(if_match)]


# Which record a path names ------------------------------------------------------------

ClaimId = Annotated[
    Slug, Path(description="The claim's id.", examples=["risk-factor-allergic-reactions"])
]
SourceId = Annotated[
    Slug,
    Path(description="The source's id.", examples=["can-botox-for-migraines-make-them-worse"]),
]
TagSlug = Annotated[Slug, Path(description="The tag's slug.", examples=["allergy"])]


# What a read asks for -----------------------------------------------------------------

RecordFormat = Annotated[Format, Depends(negotiate(Format.json, Format.jsonld))]
"""A record or a list of them: JSON, or JSON-LD."""
PageDep = Annotated[PageParams, Depends(page_params)]
CursorDep = Annotated[str | None, Depends(cursor_param)]

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
