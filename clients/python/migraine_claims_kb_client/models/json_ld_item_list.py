from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.json_ld_item_list_item_list_element_item import JsonLdItemListItemListElementItem





T = TypeVar("T", bound="JsonLdItemList")



@_attrs_define
class JsonLdItemList:
    """ One page of a list as JSON-LD: an `ItemList` whose description is the disclaimer and whose elements are the page's
    records, in order.

        Attributes:
            context (str): URL of the @context document.
            id (str): This page's URL.
            type_ (Literal['ItemList']): schema:ItemList.
            description (str): This is not medical advice.
            item_list_element (list[JsonLdItemListItemListElementItem]): The records of this page, as nodes without their
                own @context.
     """

    context: str
    id: str
    type_: Literal['ItemList']
    description: str
    item_list_element: list[JsonLdItemListItemListElementItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.json_ld_item_list_item_list_element_item import JsonLdItemListItemListElementItem # noqa: PLC0415
        context = self.context

        id = self.id

        type_ = self.type_

        description = self.description

        item_list_element = []
        for item_list_element_item_data in self.item_list_element:
            item_list_element_item = item_list_element_item_data.to_dict()
            item_list_element.append(item_list_element_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "@context": context,
            "@id": id,
            "@type": type_,
            "description": description,
            "itemListElement": item_list_element,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_ld_item_list_item_list_element_item import JsonLdItemListItemListElementItem # noqa: PLC0415
        d = dict(src_dict)
        context = d.pop("@context")

        id = d.pop("@id")

        type_ = cast(Literal['ItemList'] , d.pop("@type"))
        if type_ != 'ItemList':
            raise ValueError(f"@type must match const 'ItemList', got '{type_}'")

        description = d.pop("description")

        item_list_element = []
        _item_list_element = d.pop("itemListElement")
        for item_list_element_item_data in (_item_list_element):
            item_list_element_item = JsonLdItemListItemListElementItem.from_dict(item_list_element_item_data)



            item_list_element.append(item_list_element_item)


        json_ld_item_list = cls(
            context=context,
            id=id,
            type_=type_,
            description=description,
            item_list_element=item_list_element,
        )


        json_ld_item_list.additional_properties = d
        return json_ld_item_list

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
