from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.claim_page_meta import ClaimPageMeta
  from ..models.page_links import PageLinks
  from ..models.risk_factor_claim import RiskFactorClaim





T = TypeVar("T", bound="RiskFactorPage")



@_attrs_define
class RiskFactorPage:
    """ Risk factors only: every item has a `rank` and an `outcome`, which a typed client
    can read without narrowing a union first.

        Attributes:
            data (list[RiskFactorClaim]): The items of this page, in the documented order.
            meta (ClaimPageMeta):
            links (PageLinks):
     """

    data: list[RiskFactorClaim]
    meta: ClaimPageMeta
    links: PageLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_page_meta import ClaimPageMeta # noqa: PLC0415
        from ..models.page_links import PageLinks # noqa: PLC0415
        from ..models.risk_factor_claim import RiskFactorClaim # noqa: PLC0415
        data = []
        for data_item_data in self.data:
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
        from ..models.claim_page_meta import ClaimPageMeta # noqa: PLC0415
        from ..models.page_links import PageLinks # noqa: PLC0415
        from ..models.risk_factor_claim import RiskFactorClaim # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = RiskFactorClaim.from_dict(data_item_data)



            data.append(data_item)


        meta = ClaimPageMeta.from_dict(d.pop("meta"))




        links = PageLinks.from_dict(d.pop("links"))




        risk_factor_page = cls(
            data=data,
            meta=meta,
            links=links,
        )


        risk_factor_page.additional_properties = d
        return risk_factor_page

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
