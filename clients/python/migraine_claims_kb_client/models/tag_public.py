from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.coded_concept import CodedConcept





T = TypeVar("T", bound="TagPublic")



@_attrs_define
class TagPublic:
    """ 
        Attributes:
            slug (str): Stable id of the tag.
            label (str): Human-readable name.
            description (str): What claims with this tag are about.
            claim_count (int): How many active claims carry this tag.
            revision (int): Counts the changes to this tag (1 when created); send the tag's ETag back in If-Match to update
                it.
            codes (list[CodedConcept] | Unset): Verified codes for the concept (MeSH, SNOMED CT, ...); empty when none has
                been verified.
     """

    slug: str
    label: str
    description: str
    claim_count: int
    revision: int
    codes: list[CodedConcept] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.coded_concept import CodedConcept # noqa: PLC0415
        slug = self.slug

        label = self.label

        description = self.description

        claim_count = self.claim_count

        revision = self.revision

        codes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.codes, Unset):
            codes = []
            for codes_item_data in self.codes:
                codes_item = codes_item_data.to_dict()
                codes.append(codes_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "slug": slug,
            "label": label,
            "description": description,
            "claim_count": claim_count,
            "revision": revision,
        })
        if codes is not UNSET:
            field_dict["codes"] = codes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coded_concept import CodedConcept # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        label = d.pop("label")

        description = d.pop("description")

        claim_count = d.pop("claim_count")

        revision = d.pop("revision")

        _codes = d.pop("codes", UNSET)
        codes: list[CodedConcept] | Unset = UNSET
        if _codes is not UNSET:
            codes = []
            for codes_item_data in _codes:
                codes_item = CodedConcept.from_dict(codes_item_data)



                codes.append(codes_item)


        tag_public = cls(
            slug=slug,
            label=label,
            description=description,
            claim_count=claim_count,
            revision=revision,
            codes=codes,
        )

        return tag_public

