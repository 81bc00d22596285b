from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sort_order import SortOrder
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.facet_counts import FacetCounts





T = TypeVar("T", bound="ClaimPageMeta")



@_attrs_define
class ClaimPageMeta:
    """ 
        Attributes:
            total (int): How many items match, across all pages.
            limit (int): Page size asked for.
            offset (int): Items skipped before this page.
            disclaimer (str): Carried on every list: this is not medical advice.
            sort (SortOrder): How a list of claims is ordered.
            facets (FacetCounts | None | Unset): Only when asked for with `facet`: counts of the claims matching every
                filter (on all pages), per value, most frequent first (at most 100 values).
     """

    total: int
    limit: int
    offset: int
    disclaimer: str
    sort: SortOrder
    facets: FacetCounts | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.facet_counts import FacetCounts # noqa: PLC0415
        total = self.total

        limit = self.limit

        offset = self.offset

        disclaimer = self.disclaimer

        sort = self.sort.value

        facets: dict[str, Any] | None | Unset
        if isinstance(self.facets, Unset):
            facets = UNSET
        elif isinstance(self.facets, FacetCounts):
            facets = self.facets.to_dict()
        else:
            facets = self.facets


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total": total,
            "limit": limit,
            "offset": offset,
            "disclaimer": disclaimer,
            "sort": sort,
        })
        if facets is not UNSET:
            field_dict["facets"] = facets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facet_counts import FacetCounts # noqa: PLC0415
        d = dict(src_dict)
        total = d.pop("total")

        limit = d.pop("limit")

        offset = d.pop("offset")

        disclaimer = d.pop("disclaimer")

        sort = SortOrder(d.pop("sort"))




        def _parse_facets(data: object) -> FacetCounts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                facets_type_0 = FacetCounts.from_dict(data)



                return facets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FacetCounts | None | Unset, data)

        facets = _parse_facets(d.pop("facets", UNSET))


        claim_page_meta = cls(
            total=total,
            limit=limit,
            offset=offset,
            disclaimer=disclaimer,
            sort=sort,
            facets=facets,
        )


        claim_page_meta.additional_properties = d
        return claim_page_meta

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
