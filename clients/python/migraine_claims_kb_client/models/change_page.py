from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.change_links import ChangeLinks
  from ..models.change_meta import ChangeMeta
  from ..models.claim_change import ClaimChange
  from ..models.source_change import SourceChange
  from ..models.tag_change import TagChange





T = TypeVar("T", bound="ChangePage")



@_attrs_define
class ChangePage:
    """ Changes in commit order, oldest first.

        Attributes:
            data (list[ClaimChange | SourceChange | TagChange]): The changes on this page, oldest first.
            meta (ChangeMeta):
            links (ChangeLinks):
     """

    data: list[ClaimChange | SourceChange | TagChange]
    meta: ChangeMeta
    links: ChangeLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_links import ChangeLinks # noqa: PLC0415
        from ..models.change_meta import ChangeMeta # noqa: PLC0415
        from ..models.claim_change import ClaimChange # noqa: PLC0415
        from ..models.source_change import SourceChange # noqa: PLC0415
        from ..models.tag_change import TagChange # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, ClaimChange):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, TagChange):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)



        meta = self.meta.to_dict()

        links = self.links.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "meta": meta,
            "links": links,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_links import ChangeLinks # noqa: PLC0415
        from ..models.change_meta import ChangeMeta # noqa: PLC0415
        from ..models.claim_change import ClaimChange # noqa: PLC0415
        from ..models.source_change import SourceChange # noqa: PLC0415
        from ..models.tag_change import TagChange # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            def _parse_data_item(data: object) -> ClaimChange | SourceChange | TagChange:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_0 = ClaimChange.from_dict(data)



                    return componentsschemas_change_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_1 = TagChange.from_dict(data)



                    return componentsschemas_change_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_change_type_2 = SourceChange.from_dict(data)



                return componentsschemas_change_type_2

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)


        meta = ChangeMeta.from_dict(d.pop("meta"))




        links = ChangeLinks.from_dict(d.pop("links"))




        change_page = cls(
            data=data,
            meta=meta,
            links=links,
        )


        change_page.additional_properties = d
        return change_page

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
