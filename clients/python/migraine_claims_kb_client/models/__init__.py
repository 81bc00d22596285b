""" Contains all the data models used in inputs/outputs """

from .administration_claim import AdministrationClaim
from .adverse_effect_claim import AdverseEffectClaim
from .background_claim import BackgroundClaim
from .benefit_claim import BenefitClaim
from .certainty import Certainty
from .change_action import ChangeAction
from .change_links import ChangeLinks
from .change_meta import ChangeMeta
from .change_page import ChangePage
from .claim_change import ClaimChange
from .claim_page import ClaimPage
from .claim_page_meta import ClaimPageMeta
from .claim_patch import ClaimPatch
from .claim_revision import ClaimRevision
from .claim_status import ClaimStatus
from .claim_type import ClaimType
from .coded_concept import CodedConcept
from .conclusion_claim import ConclusionClaim
from .definition_claim import DefinitionClaim
from .facet import Facet
from .facet_count import FacetCount
from .facet_counts import FacetCounts
from .fhir_bundle import FhirBundle
from .fhir_capability_statement import FhirCapabilityStatement
from .fhir_citation import FhirCitation
from .fhir_clinical_use_definition import FhirClinicalUseDefinition
from .field_error import FieldError
from .format_fhir import FormatFhir
from .format_json import FormatJson
from .format_json_jsonld import FormatJsonJsonld
from .format_jsonld import FormatJsonld
from .format_ndjson import FormatNdjson
from .health import Health
from .json_ld_context import JsonLdContext
from .json_ld_context_context import JsonLdContextContext
from .json_ld_item_list import JsonLdItemList
from .json_ld_item_list_item_list_element_item import JsonLdItemListItemListElementItem
from .json_ld_node import JsonLdNode
from .knowledge_gap_claim import KnowledgeGapClaim
from .mechanism_claim import MechanismClaim
from .migraine_effect import MigraineEffect
from .page_links import PageLinks
from .page_meta import PageMeta
from .problem import Problem
from .recommendation_claim import RecommendationClaim
from .regulatory_claim import RegulatoryClaim
from .relation import Relation
from .relation_kind import RelationKind
from .retraction import Retraction
from .revision_page import RevisionPage
from .risk_factor_claim import RiskFactorClaim
from .risk_factor_page import RiskFactorPage
from .safety_efficacy_claim import SafetyEfficacyClaim
from .search_match import SearchMatch
from .sort_order import SortOrder
from .source_change import SourceChange
from .source_create import SourceCreate
from .source_detail import SourceDetail
from .source_page import SourcePage
from .source_public import SourcePublic
from .source_state import SourceState
from .tag_change import TagChange
from .tag_page import TagPage
from .tag_patch import TagPatch
from .tag_public import TagPublic
from .tag_record import TagRecord
from .tag_state import TagState
from .usage_claim import UsageClaim

__all__ = (
    "AdministrationClaim",
    "AdverseEffectClaim",
    "BackgroundClaim",
    "BenefitClaim",
    "Certainty",
    "ChangeAction",
    "ChangeLinks",
    "ChangeMeta",
    "ChangePage",
    "ClaimChange",
    "ClaimPage",
    "ClaimPageMeta",
    "ClaimPatch",
    "ClaimRevision",
    "ClaimStatus",
    "ClaimType",
    "CodedConcept",
    "ConclusionClaim",
    "DefinitionClaim",
    "Facet",
    "FacetCount",
    "FacetCounts",
    "FhirBundle",
    "FhirCapabilityStatement",
    "FhirCitation",
    "FhirClinicalUseDefinition",
    "FieldError",
    "FormatFhir",
    "FormatJson",
    "FormatJsonJsonld",
    "FormatJsonld",
    "FormatNdjson",
    "Health",
    "JsonLdContext",
    "JsonLdContextContext",
    "JsonLdItemList",
    "JsonLdItemListItemListElementItem",
    "JsonLdNode",
    "KnowledgeGapClaim",
    "MechanismClaim",
    "MigraineEffect",
    "PageLinks",
    "PageMeta",
    "Problem",
    "RecommendationClaim",
    "RegulatoryClaim",
    "Relation",
    "RelationKind",
    "Retraction",
    "RevisionPage",
    "RiskFactorClaim",
    "RiskFactorPage",
    "SafetyEfficacyClaim",
    "SearchMatch",
    "SortOrder",
    "SourceChange",
    "SourceCreate",
    "SourceDetail",
    "SourcePage",
    "SourcePublic",
    "SourceState",
    "TagChange",
    "TagPage",
    "TagPatch",
    "TagPublic",
    "TagRecord",
    "TagState",
    "UsageClaim",
)
