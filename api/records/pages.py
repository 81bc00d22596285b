"""The envelope of every list: its items, counts and links."""

from typing import Any, Generic, TypeVar

from pydantic import (
    BaseModel,
    Field,
    create_model,
)
from pydantic.json_schema import SkipJsonSchema

from api.records.claims import Claim, ClaimRevision, RiskFactorClaim
from api.records.fields import DISCLAIMER, Facet, SortOrder
from api.records.vocabulary import SourcePublic, TagPublic


class PageMeta(BaseModel):
    total: int = Field(ge=0, description="How many items match, across all pages.", examples=[4])
    limit: int = Field(ge=1, description="Page size asked for.", examples=[50])
    offset: int = Field(ge=0, description="Items skipped before this page.", examples=[0])
    disclaimer: str = Field(
        description="Carried on every list: this is not medical advice.", examples=[DISCLAIMER]
    )


class PageLinks(BaseModel):
    self: str = Field(description="This page's URL.")
    next: str | None = Field(description="The next page's URL; null on the last page.")
    prev: str | None = Field(description="The previous page's URL; null on the first page.")


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    data: list[T] = Field(description="The items of this page, in the documented order.")
    meta: PageMeta
    links: PageLinks


class FacetCount(BaseModel):
    value: str = Field(description="A value of the field.", examples=["risk_factor"])
    count: int = Field(ge=1, description="How many matching claims have it.", examples=[4])


FacetValues = list[FacetCount] | SkipJsonSchema[None]
"""Counts of one field's values; never null when present (null only as the default)."""
_FACET_FIELDS: dict[str, Any] = {
    facet.value: (
        FacetValues,
        Field(
            default=None,
            exclude_if=lambda value: value is None,
            description=f"Counts of each `{facet.value}` among the matching claims.",
        ),
    )
    for facet in Facet
}
FacetCounts = create_model(
    "FacetCounts",
    __doc__="Per field asked for with `facet` (only those appear): how many matching "
    "claims have each value, most frequent first.",
    **_FACET_FIELDS,
)


class ClaimPageMeta(PageMeta):
    sort: SortOrder = Field(description="The order of `data`.")
    facets: FacetCounts | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="Only when asked for with `facet`: counts of the claims matching every "
        "filter (on all pages), per value, most frequent first (at most 100 values).",
        examples=[{"tag": [{"value": "dosage", "count": 2}, {"value": "allergy", "count": 1}]}],
    )


class ClaimPage(Page[Claim]):
    """Claims, in the order asked for (article order unless `sort` says otherwise)."""

    meta: ClaimPageMeta


class RiskFactorPage(Page[RiskFactorClaim]):
    """Risk factors only: every item has a `rank` and an `outcome`, which a typed client
    can read without narrowing a union first."""

    meta: ClaimPageMeta


class TagPage(Page[TagPublic]):
    """Tags, by slug."""


class SourcePage(Page[SourcePublic]):
    """Sources, by id."""


class RevisionPage(Page[ClaimRevision]):
    """A claim's revisions, newest first."""
