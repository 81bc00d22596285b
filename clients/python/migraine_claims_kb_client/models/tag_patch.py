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





T = TypeVar("T", bound="TagPatch")



@_attrs_define
class TagPatch:
    """ A partial update of a tag: only the fields given change (the slug never does).

        Attributes:
            label (None | str | Unset): New label.
            description (None | str | Unset): New description.
            codes (list[CodedConcept] | None | Unset): New list of codes.
     """

    label: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    codes: list[CodedConcept] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.coded_concept import CodedConcept # noqa: PLC0415
        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        codes: list[dict[str, Any]] | None | Unset
        if isinstance(self.codes, Unset):
            codes = UNSET
        elif isinstance(self.codes, list):
            codes = []
            for codes_type_0_item_data in self.codes:
                codes_type_0_item = codes_type_0_item_data.to_dict()
                codes.append(codes_type_0_item)


        else:
            codes = self.codes


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if label is not UNSET:
            field_dict["label"] = label
        if description is not UNSET:
            field_dict["description"] = description
        if codes is not UNSET:
            field_dict["codes"] = codes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coded_concept import CodedConcept # noqa: PLC0415
        d = dict(src_dict)
        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_codes(data: object) -> list[CodedConcept] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                codes_type_0 = []
                _codes_type_0 = data
                for codes_type_0_item_data in (_codes_type_0):
                    codes_type_0_item = CodedConcept.from_dict(codes_type_0_item_data)



                    codes_type_0.append(codes_type_0_item)

                return codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CodedConcept] | None | Unset, data)

        codes = _parse_codes(d.pop("codes", UNSET))


        tag_patch = cls(
            label=label,
            description=description,
            codes=codes,
        )

        return tag_patch

