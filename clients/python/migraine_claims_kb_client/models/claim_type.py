from enum import StrEnum

class ClaimType(StrEnum):
    ADMINISTRATION = "administration"
    ADVERSE_EFFECT = "adverse_effect"
    BACKGROUND = "background"
    BENEFIT = "benefit"
    CONCLUSION = "conclusion"
    DEFINITION = "definition"
    KNOWLEDGE_GAP = "knowledge_gap"
    MECHANISM = "mechanism"
    RECOMMENDATION = "recommendation"
    REGULATORY = "regulatory"
    RISK_FACTOR = "risk_factor"
    SAFETY_EFFICACY = "safety_efficacy"
    USAGE = "usage"

    def __str__(self) -> str:
        return str(self.value)
