"""The change feed: one entry per write to any record."""

from enum import StrEnum

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
    JsonValue,
)

from api.records.fields import DISCLAIMER


class ChangeAction(StrEnum):
    created = "created"
    updated = "updated"
    retracted = "retracted"
    restored = "restored"
    deleted = "deleted"


class RecordKind(StrEnum):
    claim = "claim"
    tag = "tag"
    source = "source"


class Change(BaseModel):
    """One accepted change to one record."""

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
    record: dict[str, JsonValue] | None = Field(
        description="The record after the change, as its GET endpoint serves it (a source "
        "without its text); null when it was deleted."
    )


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
