"""FHIR R5 renderings, mapped honestly: a resource says only what its claim says.

Risk factors become ClinicalUseDefinition resources of type `undesirable-effect`, the
conclusion one of type `warning`; sources become Citation resources. Text stays text:
no codes are invented (every CodeableConcept carries only the claim's hedged sentence),
no frequency is given unless the article gives one ("In rare cases"), a medicine is
named only when the claim is tagged with it, and each resource's narrative carries the
heading, the quote and the not-medical-advice disclaimer.
"""

import html
from typing import Any

from api.records.claims import Claim, ConclusionClaim, RiskFactorClaim
from api.records.fields import DISCLAIMER, Certainty, ClaimType
from api.records.vocabulary import SourcePublic

FHIR_VERSION = "5.0.0"
MEDIA_TYPE = "application/fhir+json"
USE_TYPES = {ClaimType.risk_factor: "undesirable-effect", ClaimType.conclusion: "warning"}
"""The claim types FHIR can carry, and the ClinicalUseDefinition.type each becomes."""
CAPABILITY_DATE = "2026-11-25"
"""When this server's FHIR capabilities last changed."""


def _narrative(*paragraphs: str) -> dict[str, str]:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


SUBJECTS = {"botox": "Botox (botulinum toxin)"}
"""Tags that name the medicine a claim is about, and the name the source gives it."""


def _subjects(claim: Claim) -> list[dict[str, str]]:
    # References by name only: no product resource or code is claimed for a medicine.
    return [{"display": SUBJECTS[tag]} for tag in claim.tags if tag in SUBJECTS]


def clinical_use(claim: Claim, base: str) -> dict[str, Any]:
    """A risk factor or conclusion as a ClinicalUseDefinition."""
    resource: dict[str, Any] = {
        "resourceType": "ClinicalUseDefinition",
        "id": claim.id,
        "text": _narrative(claim.title, claim.statement, f'Source: "{claim.quote}"', DISCLAIMER),
        # The claim this resource renders; GET {system}/{value} serves it as JSON.
        "identifier": [{"system": f"{base}/v1/claims", "value": claim.id}],
        "type": USE_TYPES[claim.type],
    }
    if subjects := _subjects(claim):
        resource["subject"] = subjects
    if isinstance(claim, RiskFactorClaim):
        effect: dict[str, Any] = {
            # The claim's own hedged sentence, so a reader of the structured fields alone
            # still sees "may" and "in rare cases"; no code is attached.
            "symptomConditionEffect": {"concept": {"text": claim.statement}},
        }
        rare = [h for h in claim.hedges if "rare" in h.lower()]
        if claim.certainty is Certainty.rare and rare:
            effect["frequencyOfOccurrence"] = {"text": rare[0]}
        resource["undesirableEffect"] = effect
    elif isinstance(claim, ConclusionClaim):
        resource["warning"] = {"description": claim.quote}
    return resource


def citation(source: SourcePublic, base: str) -> dict[str, Any]:
    """A source as a Citation of the work it is; absent facts (author, date) stay absent."""
    artifact: dict[str, Any] = {"title": [{"text": source.title}]}
    if source.url:
        artifact["webLocation"] = [{"url": source.url}]
    return {
        "resourceType": "Citation",
        "id": source.id,
        "text": _narrative(f"Citation of: {source.title}", DISCLAIMER),
        "identifier": [{"system": f"{base}/v1/sources", "value": source.id}],
        "status": "active",
        "title": source.title,
        "citedArtifact": artifact,
        "url": f"{base}/fhir/Citation/{source.id}",
    }


def searchset(
    resources: list[dict[str, Any]], total: int, self_url: str, next_url: str | None, base: str
) -> dict[str, Any]:
    links = [{"relation": "self", "url": self_url}]
    if next_url:
        links.append({"relation": "next", "url": next_url})
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": total,
        "link": links,
        "entry": [
            {
                "fullUrl": f"{base}/fhir/{r['resourceType']}/{r['id']}",
                "resource": r,
                "search": {"mode": "match"},
            }
            for r in resources
        ],
    }


def capability_statement(base: str) -> dict[str, Any]:
    search_type = [{"code": "read"}, {"code": "search-type"}]
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": CAPABILITY_DATE,
        "kind": "instance",
        "implementation": {"description": "Migraine Claims KB (read-only)", "url": f"{base}/fhir"},
        "fhirVersion": FHIR_VERSION,
        "format": ["json"],
        "rest": [
            {
                "mode": "server",
                "resource": [
                    {
                        "type": "ClinicalUseDefinition",
                        "interaction": search_type,
                        "searchParam": [
                            {
                                "name": "type",
                                "type": "token",
                                "documentation": "undesirable-effect or warning",
                            }
                        ],
                    },
                    {"type": "Citation", "interaction": search_type},
                ],
            }
        ],
    }


def _resource_schema(resource_type: str, what: str) -> dict[str, Any]:
    return {
        "title": f"Fhir{resource_type}",
        "description": f"{what} A FHIR R5 {resource_type} "
        f"(https://hl7.org/fhir/R5/{resource_type.lower()}.html); its other elements "
        "follow that specification.",
        "type": "object",
        "required": ["resourceType"],
        "properties": {
            "resourceType": {"const": resource_type, "description": "The resource's type."}
        },
    }


SCHEMAS: dict[str, dict[str, Any]] = {
    "FhirCapabilityStatement": _resource_schema(
        "CapabilityStatement", "What this read-only server offers."
    ),
    "FhirBundle": _resource_schema("Bundle", "A searchset: one page of matching resources."),
    "FhirClinicalUseDefinition": _resource_schema(
        "ClinicalUseDefinition", "A risk factor (undesirable-effect) or the conclusion (warning)."
    ),
    "FhirCitation": _resource_schema("Citation", "A source."),
}
"""What the FHIR answers look like, for the OpenAPI document."""
