from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.json_ld_context_context import JsonLdContextContext





T = TypeVar("T", bound="JsonLdContext")



@_attrs_define
class JsonLdContext:
    """ A JSON-LD context document.

        Attributes:
            context (JsonLdContextContext): Terms and their IRIs.
     """

    context: JsonLdContextContext
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.json_ld_context_context import JsonLdContextContext # noqa: PLC0415
        context = self.context.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "@context": context,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_ld_context_context import JsonLdContextContext # noqa: PLC0415
        d = dict(src_dict)
        context = JsonLdContextContext.from_dict(d.pop("@context"))




        json_ld_context = cls(
            context=context,
        )


        json_ld_context.additional_properties = d
        return json_ld_context

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
