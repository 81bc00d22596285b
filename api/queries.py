"""Reads (and the row mapping writes share), as keyword-only functions with no HTTP in them."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import exists, func, text
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from api.errors import NotFoundError
from api.models import Claim as ClaimRow
from api.models import ClaimRelation, ClaimTag, DataLoad, Source, Tag
from api.schemas import (
    CLAIM_COMMON_FIELDS,
    Claim,
    ClaimType,
    SourceDetail,
    SourcePublic,
    TagPublic,
)
from api.search import search_text

CLAIM_ADAPTER: TypeAdapter[Claim] = TypeAdapter(Claim)
ARTICLE_ORDER = (
    col(ClaimRow.source_id),
    col(ClaimRow.quote_start),
    col(ClaimRow.quote_end),
    col(ClaimRow.id),
)
"""Claims in the order their sources state them; ties broken by id so paging is stable."""


# Row mapping -------------------------------------------------------------------------


def claim_row(claim: Claim) -> dict[str, Any]:
    """The claim table's columns derived from a claim (all but `seq` and `updated_at`);
    tags and relations live in their own tables."""
    fields = claim.model_dump(mode="json")
    attributes = {k: v for k, v in fields.items() if k not in CLAIM_COMMON_FIELDS}
    rank = attributes.pop("rank", None)
    return {
        "id": claim.id,
        "source_id": claim.source,
        "type": fields["type"],
        "title": claim.title,
        "statement": claim.statement,
        "quote": claim.quote,
        "quote_start": claim.start,
        "quote_end": claim.end,
        "certainty": fields["certainty"],
        "hedges": fields["hedges"],
        "migraine_effect": fields["migraine_effect"],
        "rank": rank,
        "attributes": attributes,
        "search_text": search_text(claim.title, claim.statement, claim.quote),
    }


def _claims_from_rows(session: Session, rows: Sequence[ClaimRow]) -> list[Claim]:
    """Public claims for rows, with tags and relations fetched in one query each."""
    ids = [row.id for row in rows]
    tags: dict[str, list[str]] = defaultdict(list)
    relations: dict[str, list[dict[str, str]]] = defaultdict(list)
    if ids:
        for claim_id, slug in session.exec(
            select(ClaimTag.claim_id, ClaimTag.tag_slug)
            .where(col(ClaimTag.claim_id).in_(ids))
            .order_by(col(ClaimTag.claim_id), col(ClaimTag.tag_slug))
        ):
            tags[claim_id].append(slug)
        target = aliased(ClaimRow)
        for claim_id, kind, target_id in session.exec(
            select(ClaimRelation.claim_id, ClaimRelation.kind, ClaimRelation.target_id)
            .join(target, col(target.id) == col(ClaimRelation.target_id))
            .where(col(ClaimRelation.claim_id).in_(ids))
            .order_by(
                col(ClaimRelation.claim_id),
                col(ClaimRelation.kind),
                col(target.source_id),
                col(target.quote_start),
                col(target.id),
            )
        ):
            relations[claim_id].append({"kind": kind, "target": target_id})
    return [
        CLAIM_ADAPTER.validate_python(
            {
                "id": row.id,
                "type": row.type,
                "source": row.source_id,
                "title": row.title,
                "statement": row.statement,
                "quote": row.quote,
                "start": row.quote_start,
                "end": row.quote_end,
                "certainty": row.certainty,
                "hedges": row.hedges,
                "migraine_effect": row.migraine_effect,
                "tags": tags[row.id],
                "relations": relations[row.id],
                **({"rank": row.rank} if row.rank is not None else {}),
                **row.attributes,
            }
        )
        for row in rows
    ]


# Claims ------------------------------------------------------------------------------


def list_claims(
    *,
    session: Session,
    types: Sequence[ClaimType] = (),
    tags: Sequence[str] = (),
    source: str | None = None,
    limit: int,
    offset: int,
    order_by_rank: bool = False,
) -> tuple[list[Claim], int]:
    """One page of claims matching every filter, and how many match in all.

    `types` match any-of; `tags` must all be present on a claim.
    """
    query = select(ClaimRow)
    if types:
        query = query.where(col(ClaimRow.type).in_([t.value for t in types]))
    if source is not None:
        query = query.where(col(ClaimRow.source_id) == source)
    for slug in dict.fromkeys(tags):
        query = query.where(
            exists().where(
                col(ClaimTag.claim_id) == col(ClaimRow.id), col(ClaimTag.tag_slug) == slug
            )
        )
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    order = (col(ClaimRow.rank), *ARTICLE_ORDER) if order_by_rank else ARTICLE_ORDER
    rows = session.exec(query.order_by(*order).offset(offset).limit(limit)).all()
    return _claims_from_rows(session, rows), total


def get_claim(*, session: Session, claim_id: str) -> Claim:
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise NotFoundError("claim", claim_id)
    return _claims_from_rows(session, [row])[0]


# Tags --------------------------------------------------------------------------------


def _tag_query() -> Any:
    claim_count = (
        select(func.count()).where(col(ClaimTag.tag_slug) == col(Tag.slug)).scalar_subquery()
    )
    return select(Tag, claim_count)


def _tag_public(tag: Tag, claim_count: int) -> TagPublic:
    return TagPublic.model_validate({**tag.model_dump(), "claim_count": claim_count})


def list_tags(*, session: Session, limit: int, offset: int) -> tuple[list[TagPublic], int]:
    total = session.exec(select(func.count()).select_from(Tag)).one()
    rows = session.exec(_tag_query().order_by(col(Tag.slug)).offset(offset).limit(limit)).all()
    return [_tag_public(tag, count) for tag, count in rows], total


def get_tag(*, session: Session, slug: str) -> TagPublic:
    row = session.exec(_tag_query().where(col(Tag.slug) == slug)).first()
    if row is None:
        raise NotFoundError("tag", slug)
    return _tag_public(*row)


# Sources -----------------------------------------------------------------------------

_SOURCE_SUMMARY_COLUMNS = [
    col(Source.id),
    col(Source.title),
    col(Source.author),
    col(Source.published),
    col(Source.url),
    col(Source.language),
    col(Source.media_type),
    col(Source.sha256),
]


def _source_query(*extra: Any) -> Any:
    """Source metadata without its text, which can be long; `length` and counts instead."""
    claim_count = (
        select(func.count()).where(col(ClaimRow.source_id) == col(Source.id)).scalar_subquery()
    )
    return sa_select(
        *_SOURCE_SUMMARY_COLUMNS,
        func.length(col(Source.text)).label("length"),
        claim_count.label("claim_count"),
        *extra,
    )


def list_sources(*, session: Session, limit: int, offset: int) -> tuple[list[SourcePublic], int]:
    total = session.exec(select(func.count()).select_from(Source)).one()
    rows = session.exec(_source_query().order_by(col(Source.id)).offset(offset).limit(limit))
    return [SourcePublic.model_validate(dict(row._mapping)) for row in rows], total


def get_source(*, session: Session, source_id: str) -> SourceDetail:
    row = session.exec(_source_query(col(Source.text)).where(col(Source.id) == source_id)).first()
    if row is None:
        raise NotFoundError("source", source_id)
    return SourceDetail.model_validate(dict(row._mapping))


# Bookkeeping -------------------------------------------------------------------------


def latest_fingerprint(*, session: Session) -> str | None:
    """Fingerprint of the data folder most recently loaded, if any."""
    return session.exec(
        select(DataLoad.fingerprint).order_by(col(DataLoad.id).desc()).limit(1)
    ).first()


def ping(*, session: Session) -> None:
    """Raise if the database does not answer."""
    session.exec(select(text("1")))
