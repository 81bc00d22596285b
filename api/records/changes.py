"""The change feed: one entry per write to any record, typed by the kind of record."""

from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
    TypeAdapter,
)
from typing_extensions import TypeAliasType

from api.records.claims import Claim
from api.records.fields import DISCLAIMER, ChangeAction, RecordKind
from api.records.vocabulary import SourceBase, TagRecord


class TagState(TagRecord):
    """A tag as the feed records it: as served, without its claim count (which changes
    with claims, not with the tag)."""

    revision: int = Field(ge=1, description="The tag's revision after the change.", examples=[1])


class SourceState(SourceBase):
    """A source's metadata as the feed records it; its text is at GET /v1/sources/{id}
    (`sha256` names it)."""


class ChangeBase(BaseModel):
    kind: RecordKind = Field(description="What kind of record changed.")
    id: str = Field(description="The record's id (a tag's slug).", examples=["botox"])
    action: ChangeAction = Field(description="What happened to it.")
    revision: int | None = Field(
        description="The record's revision after the change (claims and tags).", examples=[2]
    )
    at: AwareDatetime = Field(description="When the change was committed (UTC).")
    by: str = Field(
        description="Who made it: the name of the API key, or `kb load` for a load of data/.",
        examples=["kb load"],
    )


class ClaimChange(ChangeBase):
    """A change to a claim."""

    kind: Literal[RecordKind.claim] = Field(description="What kind of record changed.")
    record: Claim | None = Field(
        description="The claim after the change, as GET /v1/claims/{id} serves it; null when "
        "it was deleted."
    )


class TagChange(ChangeBase):
    """A change to a tag."""

    kind: Literal[RecordKind.tag] = Field(description="What kind of record changed.")
    record: TagState | None = Field(
        description="The tag after the change; null when it was deleted."
    )


class SourceChange(ChangeBase):
    """A change to a source."""

    kind: Literal[RecordKind.source] = Field(description="What kind of record changed.")
    record: SourceState | None = Field(
        description="The source after the change, without its text; null when it was deleted."
    )


Change = TypeAliasType(
    "Change",
    Annotated[ClaimChange | TagChange | SourceChange, Field(discriminator="kind")],
)
"""One accepted change to one record; its `kind` says which record type `record` holds."""

CHANGE_ADAPTER: TypeAdapter[Change] = TypeAdapter(Change)


class ChangeMeta(BaseModel):
    limit: int = Field(ge=1, description="Page size asked for.", examples=[100])
    disclaimer: str = Field(description="This is not medical advice.", examples=[DISCLAIMER])


class ChangeLinks(BaseModel):
    self: str = Field(description="This page's URL.")
    next: str = Field(
        description="Where to continue: the changes after this page. Always present; on the "
        "last page it returns nothing new until the next change, so poll it."
    )


class ChangePage(BaseModel):
    """Changes in commit order, oldest first."""

    data: list[Change] = Field(description="The changes on this page, oldest first.")
    meta: ChangeMeta
    links: ChangeLinks
