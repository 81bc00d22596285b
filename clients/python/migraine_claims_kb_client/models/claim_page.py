from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.administration_claim import AdministrationClaim
  from ..models.adverse_effect_claim import AdverseEffectClaim
  from ..models.background_claim import BackgroundClaim
  from ..models.benefit_claim import BenefitClaim
  from ..models.claim_page_meta import ClaimPageMeta
  from ..models.conclusion_claim import ConclusionClaim
  from ..models.definition_claim import DefinitionClaim
  from ..models.knowledge_gap_claim import KnowledgeGapClaim
  from ..models.mechanism_claim import MechanismClaim
  from ..models.page_links import PageLinks
  from ..models.recommendation_claim import RecommendationClaim
  from ..models.regulatory_claim import RegulatoryClaim
  from ..models.risk_factor_claim import RiskFactorClaim
  from ..models.safety_efficacy_claim import SafetyEfficacyClaim
  from ..models.usage_claim import UsageClaim





T = TypeVar("T", bound="ClaimPage")



@_attrs_define
class ClaimPage:
    """ Claims, in the order asked for (article order unless `sort` says otherwise).

        Attributes:
            data (list[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim |
                DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim |
                SafetyEfficacyClaim | UsageClaim]): The items of this page, in the documented order.
            meta (ClaimPageMeta):
            links (PageLinks):
     """

    data: list[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim]
    meta: ClaimPageMeta
    links: PageLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.administration_claim import AdministrationClaim # noqa: PLC0415
        from ..models.adverse_effect_claim import AdverseEffectClaim # noqa: PLC0415
        from ..models.background_claim import BackgroundClaim # noqa: PLC0415
        from ..models.benefit_claim import BenefitClaim # noqa: PLC0415
        from ..models.claim_page_meta import ClaimPageMeta # noqa: PLC0415
        from ..models.conclusion_claim import ConclusionClaim # noqa: PLC0415
        from ..models.definition_claim import DefinitionClaim # noqa: PLC0415
        from ..models.knowledge_gap_claim import KnowledgeGapClaim # noqa: PLC0415
        from ..models.mechanism_claim import MechanismClaim # noqa: PLC0415
        from ..models.page_links import PageLinks # noqa: PLC0415
        from ..models.recommendation_claim import RecommendationClaim # noqa: PLC0415
        from ..models.regulatory_claim import RegulatoryClaim # noqa: PLC0415
        from ..models.risk_factor_claim import RiskFactorClaim # noqa: PLC0415
        from ..models.safety_efficacy_claim import SafetyEfficacyClaim # noqa: PLC0415
        from ..models.usage_claim import UsageClaim # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, BackgroundClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, DefinitionClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, UsageClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, RegulatoryClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, AdministrationClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, BenefitClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, KnowledgeGapClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MechanismClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, SafetyEfficacyClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, AdverseEffectClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, RiskFactorClaim):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ConclusionClaim):
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
        from ..models.administration_claim import AdministrationClaim # noqa: PLC0415
        from ..models.adverse_effect_claim import AdverseEffectClaim # noqa: PLC0415
        from ..models.background_claim import BackgroundClaim # noqa: PLC0415
        from ..models.benefit_claim import BenefitClaim # noqa: PLC0415
        from ..models.claim_page_meta import ClaimPageMeta # noqa: PLC0415
        from ..models.conclusion_claim import ConclusionClaim # noqa: PLC0415
        from ..models.definition_claim import DefinitionClaim # noqa: PLC0415
        from ..models.knowledge_gap_claim import KnowledgeGapClaim # noqa: PLC0415
        from ..models.mechanism_claim import MechanismClaim # noqa: PLC0415
        from ..models.page_links import PageLinks # noqa: PLC0415
        from ..models.recommendation_claim import RecommendationClaim # noqa: PLC0415
        from ..models.regulatory_claim import RegulatoryClaim # noqa: PLC0415
        from ..models.risk_factor_claim import RiskFactorClaim # noqa: PLC0415
        from ..models.safety_efficacy_claim import SafetyEfficacyClaim # noqa: PLC0415
        from ..models.usage_claim import UsageClaim # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            def _parse_data_item(data: object) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_0 = BackgroundClaim.from_dict(data)



                    return componentsschemas_claim_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_1 = DefinitionClaim.from_dict(data)



                    return componentsschemas_claim_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_2 = UsageClaim.from_dict(data)



                    return componentsschemas_claim_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_3 = RegulatoryClaim.from_dict(data)



                    return componentsschemas_claim_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_4 = AdministrationClaim.from_dict(data)



                    return componentsschemas_claim_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_5 = BenefitClaim.from_dict(data)



                    return componentsschemas_claim_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_6 = KnowledgeGapClaim.from_dict(data)



                    return componentsschemas_claim_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_7 = MechanismClaim.from_dict(data)



                    return componentsschemas_claim_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_8 = SafetyEfficacyClaim.from_dict(data)



                    return componentsschemas_claim_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_9 = AdverseEffectClaim.from_dict(data)



                    return componentsschemas_claim_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_10 = RiskFactorClaim.from_dict(data)



                    return componentsschemas_claim_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_claim_type_11 = ConclusionClaim.from_dict(data)



                    return componentsschemas_claim_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_12 = RecommendationClaim.from_dict(data)



                return componentsschemas_claim_type_12

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)


        meta = ClaimPageMeta.from_dict(d.pop("meta"))




        links = PageLinks.from_dict(d.pop("links"))




        claim_page = cls(
            data=data,
            meta=meta,
            links=links,
        )


        claim_page.additional_properties = d
        return claim_page

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
