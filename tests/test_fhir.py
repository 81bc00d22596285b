"""FHIR R5: risk factors and the conclusion as ClinicalUseDefinition, sources as Citation.

Every resource is parsed by the fhir.resources R5 models, which refuse anything the
specification does not allow; the assertions then read the JSON a client receives.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from fhir.resources.bundle import Bundle
from fhir.resources.capabilitystatement import CapabilityStatement
from fhir.resources.citation import Citation
from fhir.resources.clinicalusedefinition import ClinicalUseDefinition

FHIR_JSON = "application/fhir+json"


def get(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == FHIR_JSON
    body: dict[str, Any] = response.json()
    return body


def bundle(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    """A searchset, each of its resources validated by the R5 models."""
    body = get(client, path, **params)
    Bundle.model_validate(body)
    for entry in body.get("entry", []):
        resource = entry["resource"]
        if resource["resourceType"] == "Citation":
            Citation.model_validate(resource)
        else:
            ClinicalUseDefinition.model_validate(resource)
    return body


def test_the_risk_factors_are_undesirable_effects_in_rank_order(client: TestClient) -> None:
    body = bundle(client, "/fhir/ClinicalUseDefinition", type="undesirable-effect")
    resources = [entry["resource"] for entry in body["entry"]]

    assert body["type"] == "searchset" and body["total"] == 4
    assert [r["identifier"][0]["value"] for r in resources] == [
        "risk-factor-individual-reactions",
        "risk-factor-allergic-reactions",
        "risk-factor-inadequate-dosage",
        "risk-factor-timing-of-treatment",
    ]
    assert {r["type"] for r in resources} == {"undesirable-effect"}


def test_frequency_only_where_the_article_gives_one(client: TestClient) -> None:
    allergic = get(client, "/fhir/ClinicalUseDefinition/risk-factor-allergic-reactions")
    dosage = get(client, "/fhir/ClinicalUseDefinition/risk-factor-inadequate-dosage")
    ClinicalUseDefinition.model_validate(allergic)
    ClinicalUseDefinition.model_validate(dosage)

    effect = allergic["undesirableEffect"]
    assert effect["frequencyOfOccurrence"] == {"text": "In rare cases"}
    statement = effect["symptomConditionEffect"]["concept"]["text"]
    assert statement.startswith("In rare cases, a person may have an allergic reaction")
    assert "Allergic Reactions" in allergic["text"]["div"]
    assert "frequencyOfOccurrence" not in dosage["undesirableEffect"]


def test_no_codes_are_invented(client: TestClient) -> None:
    body = bundle(client, "/fhir/ClinicalUseDefinition")

    assert "coding" not in str(body)
    for entry in body["entry"]:
        assert entry["resource"]["subject"] == [{"display": "Botox (botulinum toxin)"}]


def test_the_conclusion_is_a_warning_in_the_article_s_words(client: TestClient) -> None:
    body = bundle(client, "/fhir/ClinicalUseDefinition", type="warning")
    (entry,) = body["entry"]
    warning = entry["resource"]
    claim = client.get("/v1/claims/conclusion-botox-can-make-migraines-worse-in-some-cases")

    assert warning["type"] == "warning"
    assert warning["warning"]["description"] == claim.json()["quote"]
    assert "Not medical advice" in warning["text"]["div"]


def test_search_pages_with_next_links(client: TestClient) -> None:
    first = bundle(client, "/fhir/ClinicalUseDefinition", _count=3)
    links = {link["relation"]: link["url"] for link in first["link"]}
    second = client.get(links["next"]).json()

    assert first["total"] == 5 and len(first["entry"]) == 3
    assert len(second["entry"]) == 2
    assert all(link["relation"] != "next" for link in second["link"])


def test_an_unknown_type_finds_nothing(client: TestClient) -> None:
    body = bundle(client, "/fhir/ClinicalUseDefinition", type="contraindication")

    assert body["total"] == 0 and body["entry"] == []


def test_the_article_is_a_citation(client: TestClient) -> None:
    body = get(client, "/fhir/Citation/can-botox-for-migraines-make-them-worse")
    Citation.model_validate(body)

    assert body["title"] == "Can Botox for Migraines Make Them Worse?"
    assert body["citedArtifact"]["title"] == [{"text": body["title"]}]
    assert "author" not in body and "webLocation" not in body["citedArtifact"]
    assert bundle(client, "/fhir/Citation")["total"] == 1


def test_the_capability_statement_lists_what_is_served(client: TestClient) -> None:
    statement = get(client, "/fhir/metadata")
    CapabilityStatement.model_validate(statement)

    assert statement["fhirVersion"] == "5.0.0"
    resources = statement["rest"][0]["resource"]
    assert {r["type"] for r in resources} == {"ClinicalUseDefinition", "Citation"}


def test_each_resource_names_the_claim_it_renders(client: TestClient) -> None:
    body = get(client, "/fhir/ClinicalUseDefinition/risk-factor-timing-of-treatment")
    ClinicalUseDefinition.model_validate(body)
    (identifier,) = body["identifier"]

    path = f"{identifier['system']}/{identifier['value']}".removeprefix("http://testserver")
    assert client.get(path).json()["title"] == "Timing of Treatment"


@pytest.mark.parametrize(
    "path",
    [
        "/fhir/ClinicalUseDefinition/botox-is-botulinum-toxin",
        "/fhir/Citation/nowhere",
        "/fhir/ClinicalUseDefinition/no-such-claim",
    ],
)
def test_what_fhir_does_not_carry_is_a_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_fhir_token_forms_any_of_and_system(client: TestClient) -> None:
    both = bundle(client, "/fhir/ClinicalUseDefinition", type="undesirable-effect,warning")
    system = bundle(
        client,
        "/fhir/ClinicalUseDefinition",
        type="http://hl7.org/fhir/clinical-use-definition-type|warning",
    )

    assert both["total"] == 5
    assert system["total"] == 1


def test_fhir_answers_plain_json_requests_and_refuses_other_formats(client: TestClient) -> None:
    assert client.get("/fhir/metadata", headers={"Accept": "application/json"}).status_code == 200
    assert client.get("/fhir/metadata", headers={"Accept": "text/html"}).status_code == 406
    assert client.get("/fhir/metadata", params={"format": "xml"}).status_code == 406
