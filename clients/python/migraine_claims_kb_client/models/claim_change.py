from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_action import ChangeAction
from typing import cast
from typing import Literal, cast
import datetime

if TYPE_CHECKING:
  from ..models.administration_claim import AdministrationClaim
  from ..models.adverse_effect_claim import AdverseEffectClaim
  from ..models.background_claim import BackgroundClaim
  from ..models.benefit_claim import BenefitClaim
  from ..models.conclusion_claim import ConclusionClaim
  from ..models.definition_claim import DefinitionClaim
  from ..models.knowledge_gap_claim import KnowledgeGapClaim
  from ..models.mechanism_claim import MechanismClaim
  from ..models.recommendation_claim import RecommendationClaim
  from ..models.regulatory_claim import RegulatoryClaim
  from ..models.risk_factor_claim import RiskFactorClaim
  from ..models.safety_efficacy_claim import SafetyEfficacyClaim
  from ..models.usage_claim import UsageClaim





T = TypeVar("T", bound="ClaimChange")



@_attrs_define
class ClaimChange:
    """ A change to a claim.

        Attributes:
            kind (Literal['claim']): What kind of record changed.
            id (str): The record's id (a tag's slug).
            action (ChangeAction):
            revision (int | None): The record's revision after the change (claims and tags).
            at (datetime.datetime): When the change was committed (UTC).
            by (str): Who made it: the name of the API key, or `kb load` for a load of data/.
            record (AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim |
                DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim |
                RiskFactorClaim | SafetyEfficacyClaim | UsageClaim): The claim after the change, as GET /v1/claims/{id} serves
                it; null when it was deleted.
     """

    kind: Literal['claim']
    id: str
    action: ChangeAction
    revision: int | None
    at: datetime.datetime
    by: str
    record: AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.administration_claim import AdministrationClaim # noqa: PLC0415
        from ..models.adverse_effect_claim import AdverseEffectClaim # noqa: PLC0415
        from ..models.background_claim import BackgroundClaim # noqa: PLC0415
        from ..models.benefit_claim import BenefitClaim # noqa: PLC0415
        from ..models.conclusion_claim import ConclusionClaim # noqa: PLC0415
        from ..models.definition_claim import DefinitionClaim # noqa: PLC0415
        from ..models.knowledge_gap_claim import KnowledgeGapClaim # noqa: PLC0415
        from ..models.mechanism_claim import MechanismClaim # noqa: PLC0415
        from ..models.recommendation_claim import RecommendationClaim # noqa: PLC0415
        from ..models.regulatory_claim import RegulatoryClaim # noqa: PLC0415
        from ..models.risk_factor_claim import RiskFactorClaim # noqa: PLC0415
        from ..models.safety_efficacy_claim import SafetyEfficacyClaim # noqa: PLC0415
        from ..models.usage_claim import UsageClaim # noqa: PLC0415
        kind = self.kind

        id = self.id

        action = self.action.value

        revision: int | None
        revision = self.revision

        at = self.at.isoformat()

        by = self.by

        record: dict[str, Any] | None
        if isinstance(self.record, BackgroundClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, DefinitionClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, UsageClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, RegulatoryClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, AdministrationClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, BenefitClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, KnowledgeGapClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, MechanismClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, SafetyEfficacyClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, AdverseEffectClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, RiskFactorClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, ConclusionClaim):
            record = self.record.to_dict()
        elif isinstance(self.record, RecommendationClaim):
            record = self.record.to_dict()
        else:
            record = self.record


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "id": id,
            "action": action,
            "revision": revision,
            "at": at,
            "by": by,
            "record": record,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.administration_claim import AdministrationClaim # noqa: PLC0415
        from ..models.adverse_effect_claim import AdverseEffectClaim # noqa: PLC0415
        from ..models.background_claim import BackgroundClaim # noqa: PLC0415
        from ..models.benefit_claim import BenefitClaim # noqa: PLC0415
        from ..models.conclusion_claim import ConclusionClaim # noqa: PLC0415
        from ..models.definition_claim import DefinitionClaim # noqa: PLC0415
        from ..models.knowledge_gap_claim import KnowledgeGapClaim # noqa: PLC0415
        from ..models.mechanism_claim import MechanismClaim # noqa: PLC0415
        from ..models.recommendation_claim import RecommendationClaim # noqa: PLC0415
        from ..models.regulatory_claim import RegulatoryClaim # noqa: PLC0415
        from ..models.risk_factor_claim import RiskFactorClaim # noqa: PLC0415
        from ..models.safety_efficacy_claim import SafetyEfficacyClaim # noqa: PLC0415
        from ..models.usage_claim import UsageClaim # noqa: PLC0415
        d = dict(src_dict)
        kind = cast(Literal['claim'] , d.pop("kind"))
        if kind != 'claim':
            raise ValueError(f"kind must match const 'claim', got '{kind}'")

        id = d.pop("id")

        action = ChangeAction(d.pop("action"))




        def _parse_revision(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revision = _parse_revision(d.pop("revision"))


        at = datetime.datetime.fromisoformat(d.pop("at"))




        by = d.pop("by")

        def _parse_record(data: object) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim:
            if data is None:
                return data
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
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_12 = RecommendationClaim.from_dict(data)



                return componentsschemas_claim_type_12
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim, data)

        record = _parse_record(d.pop("record"))


        claim_change = cls(
            kind=kind,
            id=id,
            action=action,
            revision=revision,
            at=at,
            by=by,
            record=record,
        )


        claim_change.additional_properties = d
        return claim_change

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
