from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="JsonLdItemListItemListElementItem")



@_attrs_define
class JsonLdItemListItemListElementItem:
    """ 
        Attributes:
            id (str):
            type_ (list[str] | str): The node's type(s), terms of the @context.
     """

    id: str
    type_: list[str] | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: list[str] | str
        if isinstance(self.type_, list):
            type_ = self.type_


        else:
            type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "@id": id,
            "@type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("@id")

        def _parse_type_(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                type_type_1 = cast(list[str], data)

                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        type_ = _parse_type_(d.pop("@type"))


        json_ld_item_list_item_list_element_item = cls(
            id=id,
            type_=type_,
        )


        json_ld_item_list_item_list_element_item.additional_properties = d
        return json_ld_item_list_item_list_element_item

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
