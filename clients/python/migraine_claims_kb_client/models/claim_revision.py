from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_action import ChangeAction
from typing import cast
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





T = TypeVar("T", bound="ClaimRevision")



@_attrs_define
class ClaimRevision:
    """ One accepted change to a claim, with the record before and after it.

        Attributes:
            revision (int | None): The revision the change made; null for a deletion.
            action (ChangeAction):
            at (datetime.datetime): When the change was committed (UTC).
            by (str): The API key's name, or `kb load`.
            before (AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim |
                DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim |
                RiskFactorClaim | SafetyEfficacyClaim | UsageClaim): The claim before the change; null when it was created, or
                when the earlier revision predates the change log.
            after (AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim |
                DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim |
                RiskFactorClaim | SafetyEfficacyClaim | UsageClaim): The claim after the change; null when it was deleted.
     """

    revision: int | None
    action: ChangeAction
    at: datetime.datetime
    by: str
    before: AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim
    after: AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim
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
        revision: int | None
        revision = self.revision

        action = self.action.value

        at = self.at.isoformat()

        by = self.by

        before: dict[str, Any] | None
        if isinstance(self.before, BackgroundClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, DefinitionClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, UsageClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, RegulatoryClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, AdministrationClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, BenefitClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, KnowledgeGapClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, MechanismClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, SafetyEfficacyClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, AdverseEffectClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, RiskFactorClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, ConclusionClaim):
            before = self.before.to_dict()
        elif isinstance(self.before, RecommendationClaim):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, BackgroundClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, DefinitionClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, UsageClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, RegulatoryClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, AdministrationClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, BenefitClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, KnowledgeGapClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, MechanismClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, SafetyEfficacyClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, AdverseEffectClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, RiskFactorClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, ConclusionClaim):
            after = self.after.to_dict()
        elif isinstance(self.after, RecommendationClaim):
            after = self.after.to_dict()
        else:
            after = self.after


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "revision": revision,
            "action": action,
            "at": at,
            "by": by,
            "before": before,
            "after": after,
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
        def _parse_revision(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revision = _parse_revision(d.pop("revision"))


        action = ChangeAction(d.pop("action"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        by = d.pop("by")

        def _parse_before(data: object) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim:
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

        before = _parse_before(d.pop("before"))


        def _parse_after(data: object) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | None | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim:
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

        after = _parse_after(d.pop("after"))


        claim_revision = cls(
            revision=revision,
            action=action,
            at=at,
            by=by,
            before=before,
            after=after,
        )


        claim_revision.additional_properties = d
        return claim_revision

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
