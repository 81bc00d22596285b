from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.facet_count import FacetCount





T = TypeVar("T", bound="FacetCounts")



@_attrs_define
class FacetCounts:
    """ Per field asked for with `facet` (only those appear): how many matching claims have each value, most frequent first.

        Attributes:
            type_ (list[FacetCount] | Unset): Counts of each `type` among the matching claims.
            tag (list[FacetCount] | Unset): Counts of each `tag` among the matching claims.
            certainty (list[FacetCount] | Unset): Counts of each `certainty` among the matching claims.
            migraine_effect (list[FacetCount] | Unset): Counts of each `migraine_effect` among the matching claims.
            source (list[FacetCount] | Unset): Counts of each `source` among the matching claims.
     """

    type_: list[FacetCount] | Unset = UNSET
    tag: list[FacetCount] | Unset = UNSET
    certainty: list[FacetCount] | Unset = UNSET
    migraine_effect: list[FacetCount] | Unset = UNSET
    source: list[FacetCount] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.facet_count import FacetCount # noqa: PLC0415
        type_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = []
            for type_item_data in self.type_:
                type_item = type_item_data.to_dict()
                type_.append(type_item)



        tag: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tag, Unset):
            tag = []
            for tag_item_data in self.tag:
                tag_item = tag_item_data.to_dict()
                tag.append(tag_item)



        certainty: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.certainty, Unset):
            certainty = []
            for certainty_item_data in self.certainty:
                certainty_item = certainty_item_data.to_dict()
                certainty.append(certainty_item)



        migraine_effect: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.migraine_effect, Unset):
            migraine_effect = []
            for migraine_effect_item_data in self.migraine_effect:
                migraine_effect_item = migraine_effect_item_data.to_dict()
                migraine_effect.append(migraine_effect_item)



        source: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = []
            for source_item_data in self.source:
                source_item = source_item_data.to_dict()
                source.append(source_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if type_ is not UNSET:
            field_dict["type"] = type_
        if tag is not UNSET:
            field_dict["tag"] = tag
        if certainty is not UNSET:
            field_dict["certainty"] = certainty
        if migraine_effect is not UNSET:
            field_dict["migraine_effect"] = migraine_effect
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facet_count import FacetCount # noqa: PLC0415
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: list[FacetCount] | Unset = UNSET
        if _type_ is not UNSET:
            type_ = []
            for type_item_data in _type_:
                type_item = FacetCount.from_dict(type_item_data)



                type_.append(type_item)


        _tag = d.pop("tag", UNSET)
        tag: list[FacetCount] | Unset = UNSET
        if _tag is not UNSET:
            tag = []
            for tag_item_data in _tag:
                tag_item = FacetCount.from_dict(tag_item_data)



                tag.append(tag_item)


        _certainty = d.pop("certainty", UNSET)
        certainty: list[FacetCount] | Unset = UNSET
        if _certainty is not UNSET:
            certainty = []
            for certainty_item_data in _certainty:
                certainty_item = FacetCount.from_dict(certainty_item_data)



                certainty.append(certainty_item)


        _migraine_effect = d.pop("migraine_effect", UNSET)
        migraine_effect: list[FacetCount] | Unset = UNSET
        if _migraine_effect is not UNSET:
            migraine_effect = []
            for migraine_effect_item_data in _migraine_effect:
                migraine_effect_item = FacetCount.from_dict(migraine_effect_item_data)



                migraine_effect.append(migraine_effect_item)


        _source = d.pop("source", UNSET)
        source: list[FacetCount] | Unset = UNSET
        if _source is not UNSET:
            source = []
            for source_item_data in _source:
                source_item = FacetCount.from_dict(source_item_data)



                source.append(source_item)


        facet_counts = cls(
            type_=type_,
            tag=tag,
            certainty=certainty,
            migraine_effect=migraine_effect,
            source=source,
        )


        facet_counts.additional_properties = d
        return facet_counts

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
