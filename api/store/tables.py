"""Database tables. Public shapes live in schemas.py; these are storage only."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, MetaData, Table, Text
from sqlmodel import Field, SQLModel

# Stable constraint names, so migrations name what they create and can drop it again.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a model, for reads and writes that need no ORM objects."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


class Source(SQLModel, table=True):
    id: str = Field(primary_key=True)
    title: str
    author: str | None = None
    published: date | None = None
    url: str | None = None
    language: str
    media_type: str
    sha256: str
    text: str = Field(sa_type=Text)


class Tag(SQLModel, table=True):
    slug: str = Field(primary_key=True)
    label: str
    description: str = Field(sa_type=Text)
    codes: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    revision: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


ARTICLE_ORDER = ("source_id", "quote_start", "quote_end", "id")
ARTICLE_ORDER_OF_TAG = ("source_id", "quote_start", "quote_end", "claim_id")
"""The same order on claim_tag, where the claim's id is claim_id."""


class Claim(SQLModel, table=True):
    __table_args__ = (
        # Each filter column leads an index that continues in article order, so a filtered
        # page is read in order and stops at `limit`, instead of sorting every match. Each
        # ends in `status`, so counting the active matches reads the index alone.
        Index("ix_claim_article_order", *ARTICLE_ORDER, "status"),
        Index("ix_claim_type_order", "type", *ARTICLE_ORDER, "status"),
        Index("ix_claim_certainty_order", "certainty", *ARTICLE_ORDER, "status"),
        Index("ix_claim_migraine_effect_order", "migraine_effect", *ARTICLE_ORDER, "status"),
        Index("ix_claim_rank", "rank", "status"),
        Index("ix_claim_status", "status"),
        Index("ix_claim_id_status", "id", "status"),  # tag matches, checked for status
        Index("ix_claim_updated_at", "updated_at", "id"),
    )

    id: str = Field(primary_key=True)
    source_id: str = Field(sa_column=Column(ForeignKey("source.id"), nullable=False))
    type: str
    title: str
    statement: str = Field(sa_type=Text)
    quote: str = Field(sa_type=Text)
    quote_start: int
    quote_end: int
    certainty: str
    hedges: list[str] = Field(default_factory=list, sa_type=JSON)
    migraine_effect: str
    rank: int | None = None
    # Fields only some claim types have (a mechanism's target, a conclusion's
    # recommendations, ...); api.records.claims types and validates them per claim type.
    attributes: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    status: str = Field(default="active", sa_column_kwargs={"server_default": "active"})
    retraction_reason: str | None = Field(default=None, sa_type=Text)
    revision: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    # Search and sync support, derived by the loader; never part of the public record.
    seq: int = Field(unique=True)  # stable integer key: the FTS5 rowid on SQLite
    search_text: str = Field(sa_type=Text)  # api.store.search.search_text(title, statement, quote)
    updated_at: datetime  # when the claim, its tags or its relations last changed
    # The claim as the API serves it (JSON, with its tags, relations and revision),
    # rendered by the writer in the same transaction as the rows it is made of, so a read
    # copies it instead of assembling it. NULL until rendered (api.store.rows.document).
    document: str | None = Field(default=None, sa_type=Text)


class ClaimTag(SQLModel, table=True):
    __tablename__ = "claim_tag"
    # A tag's claims in article order: a page of one tag reads its first entries and
    # stops, however many claims carry the tag (api.store.rows.tag_rows keeps the copies).
    __table_args__ = (Index("ix_claim_tag_article", "tag_slug", *ARTICLE_ORDER_OF_TAG),)

    claim_id: str = Field(
        sa_column=Column(ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True)
    )
    tag_slug: str = Field(sa_column=Column(ForeignKey("tag.slug"), primary_key=True))
    # The claim's own article order, copied by its writer with the row.
    source_id: str
    quote_start: int
    quote_end: int


class ClaimRelation(SQLModel, table=True):
    __tablename__ = "claim_relation"
    __table_args__ = (Index("ix_claim_relation_target_id", "target_id"),)

    claim_id: str = Field(
        sa_column=Column(ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True)
    )
    kind: str = Field(primary_key=True)
    target_id: str = Field(
        sa_column=Column(ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True)
    )


class ClaimCount(SQLModel, table=True):
    """How many claims have each value of a counted field, per status: kept by every
    writer of claims in its own transaction (api.store.counts), read as a list's total."""

    __tablename__ = "claim_count"

    field: str = Field(primary_key=True)  # type, source, certainty, ..., tag; "all"
    value: str = Field(primary_key=True)  # "" for "all"
    status: str = Field(primary_key=True)
    n: int


class DataLoad(SQLModel, table=True):
    """One row per `kb load` that changed something: lets `kb serve` skip unchanged data."""

    __tablename__ = "data_load"

    id: int | None = Field(default=None, primary_key=True)
    fingerprint: str
    loaded_at: datetime


class ApiKey(SQLModel, table=True):
    """A curator's key. Only its SHA-256 is kept: the key itself is shown once, at creation."""

    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    key_hash: str = Field(unique=True)
    created_at: datetime
    revoked_at: datetime | None = None


class RecordChange(SQLModel, table=True):
    """The change log: one row per accepted change, in commit order (writers take a lock,
    so ids are committed in the order they are given). Feeds the change feed and history."""

    __tablename__ = "record_change"
    __table_args__ = (Index("ix_record_change_record", "kind", "record_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # claim, tag or source
    record_id: str
    action: str  # created, updated, retracted, restored, deleted
    revision: int | None = None
    actor: str  # an API key's name, or "kb load"
    at: datetime
    record: dict[str, Any] | None = Field(default=None, sa_type=JSON)  # the record after


class LoadedEdit(SQLModel, table=True):
    """An edit made through the API that a later load found already in data/ (exported):
    loads may change that record again without overwriting anything unsaved."""

    __tablename__ = "loaded_edit"

    kind: str = Field(primary_key=True)
    record_id: str = Field(primary_key=True)
    change_id: int  # the API change the load found in data/


# The Core tables, for reads and writes that need no ORM objects.
SOURCES = table_of(Source)
TAGS = table_of(Tag)
CLAIMS = table_of(Claim)
CLAIM_TAGS = table_of(ClaimTag)
CLAIM_RELATIONS = table_of(ClaimRelation)
CLAIM_COUNTS = table_of(ClaimCount)
API_KEYS = table_of(ApiKey)

ARTICLE_COLUMNS = tuple(CLAIMS.c[name] for name in ARTICLE_ORDER)
"""ARTICLE_ORDER as the claim table's columns: claims in the order their sources state
them, ties broken by id so paging is stable."""
INT_MAX = 2**31 - 1
"""The largest value of a 32-bit integer column (PostgreSQL's `integer`): what seq
numbers, ranks and the offsets in a cursor stay within."""
