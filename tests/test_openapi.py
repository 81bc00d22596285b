"""The OpenAPI document is how integrators learn the API: it must be complete."""

import json
import re
from typing import Any

from fastapi.testclient import TestClient

from api.config import REPO_ROOT
from api.records.fields import ClaimType


def document(client: TestClient) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/openapi.json").json()
    return body


def test_claims_are_a_discriminated_union_on_type(client: TestClient) -> None:
    doc = document(client)
    served = doc["paths"]["/v1/claims/{claim_id}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    assert served == {"$ref": "#/components/schemas/Claim"}
    claim = doc["components"]["schemas"]["Claim"]

    assert claim["discriminator"]["propertyName"] == "type"
    mapping = claim["discriminator"]["mapping"]
    assert set(mapping) == {t.value for t in ClaimType}
    assert mapping["risk_factor"] == "#/components/schemas/RiskFactorClaim"
    schemas = doc["components"]["schemas"]
    assert {"rank", "outcome"} <= set(schemas["RiskFactorClaim"]["properties"])
    assert {"target", "action"} <= set(schemas["MechanismClaim"]["properties"])
    assert "recommendations" in schemas["ConclusionClaim"]["properties"]
    assert "rank" not in schemas["MechanismClaim"]["properties"]


def test_the_risk_factor_list_is_typed_as_risk_factors_not_every_claim(
    client: TestClient,
) -> None:
    """So that `data[0].rank` type-checks in a generated client without a cast."""
    doc = document(client)
    page = doc["paths"]["/v1/risk-factors"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    schemas = doc["components"]["schemas"]
    items = schemas[page["$ref"].rsplit("/", 1)[-1]]["properties"]["data"]["items"]

    assert items == {"$ref": "#/components/schemas/RiskFactorClaim"}
    assert {"rank", "outcome"} <= set(schemas["RiskFactorClaim"]["required"])
    served = client.get("/v1/risk-factors").json()["data"]
    assert served and all(claim["type"] == "risk_factor" for claim in served)


def test_every_field_of_every_public_schema_is_described(client: TestClient) -> None:
    schemas = document(client)["components"]["schemas"]
    undescribed = [
        f"{name}.{field}"
        for name, schema in schemas.items()
        for field, spec in schema.get("properties", {}).items()
        if not spec.get("description") and "$ref" not in spec and "allOf" not in spec
    ]

    assert undescribed == []


def test_claim_schemas_carry_examples(client: TestClient) -> None:
    schemas = document(client)["components"]["schemas"]

    assert schemas["RiskFactorClaim"]["examples"][0]["title"] == "Allergic Reactions"
    assert schemas["MechanismClaim"]["examples"][0]["type"] == "mechanism"
    assert schemas["RiskFactorClaim"]["properties"]["rank"]["examples"] == [2]


def test_operations_have_ids_summaries_and_tags(client: TestClient) -> None:
    operations = [op for path in document(client)["paths"].values() for op in path.values()]

    assert sorted(op["operationId"] for op in operations) == [
        "changes-list_changes",
        "changes-stream_changes",
        "claims-add_relation",
        "claims-create_claim",
        "claims-get_claim",
        "claims-list_claims",
        "claims-list_revisions",
        "claims-remove_relation",
        "claims-restore_claim",
        "claims-retract_claim",
        "claims-update_claim",
        "export-export_all",
        "fhir-metadata",
        "fhir-read_citation",
        "fhir-read_clinical_use",
        "fhir-search_citations",
        "fhir-search_clinical_use",
        "health-healthz",
        "json-ld-get_context",
        "risk-factors-list_risk_factors",
        "sources-create_source",
        "sources-get_source",
        "sources-list_sources",
        "tags-create_tag",
        "tags-get_tag",
        "tags-list_tags",
        "tags-update_tag",
    ]
    assert all(op.get("summary") and op.get("tags") and op.get("description") for op in operations)


def test_every_error_response_is_documented_as_problem_details(client: TestClient) -> None:
    doc = document(client)
    for path, item in doc["paths"].items():
        for operation in item.values():
            for status, response in operation["responses"].items():
                if status.startswith("4") or status.startswith("5"):
                    assert list(response["content"]) == ["application/problem+json"], path
    assert "HTTPValidationError" not in doc["components"]["schemas"]


def test_the_description_says_where_data_comes_from_and_that_it_is_not_advice(
    client: TestClient,
) -> None:
    description = document(client)["info"]["description"]

    assert "Not medical advice" in description
    assert "Can Botox for Migraines Make Them Worse?" in description
    assert "text[start:end]" in description


def test_swagger_ui_and_redoc_load_everything_from_this_server(client: TestClient) -> None:
    """The docs must work on a machine with no internet: no CDN, no web fonts."""
    for page in ("/docs", "/redoc"):
        response = client.get(page)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
        assert assets, page
        for asset in assets:
            assert asset.startswith("/"), f"{page} loads {asset} from elsewhere"
            assert client.get(asset).status_code == 200, asset
        assert "http://" not in response.text and "https://" not in response.text


def test_the_served_contract_is_the_committed_one(client: TestClient) -> None:
    """openapi.json in the repo is the v1 contract; a change to it is a reviewed diff."""
    committed = json.loads((REPO_ROOT / "openapi.json").read_text())

    assert client.get("/openapi.json").json() == committed, (
        "The API's OpenAPI document changed: run `make openapi` and review the diff of "
        "openapi.json (v1 takes additive changes only)."
    )


def test_claim_examples_are_real_claims_exactly_as_served(client: TestClient) -> None:
    schemas = document(client)["components"]["schemas"]
    examples = [
        example
        for name, schema in schemas.items()
        if name.endswith("Claim")
        for example in schema.get("examples", [])
    ]

    assert examples
    for example in examples:
        assert client.get(f"/v1/claims/{example['id']}").json() == example


def test_every_parameter_is_described_with_an_example(client: TestClient) -> None:
    missing = []
    for path, item in document(client)["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                has_example = (
                    "example" in parameter or "examples" in parameter or ("examples" in schema)
                )
                if not (parameter.get("description") and has_example):
                    missing.append(f"{method.upper()} {path} {parameter['name']}")

    assert missing == []


def test_the_docs_pages_forbid_loading_from_other_origins(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        policy = client.get(page).headers["content-security-policy"]
        assert "default-src 'self'" in policy and "img-src 'self' data:" in policy


def test_every_reference_in_the_document_resolves(client: TestClient) -> None:
    """A dangling $ref breaks ReDoc entirely (the browser test found one)."""
    doc = document(client)
    refs: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                refs.append(node["$ref"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    schemas = doc["components"]["schemas"]
    assert refs
    assert [r for r in refs if r.removeprefix("#/components/schemas/") not in schemas] == []


V1_ENUMS = {
    "Certainty": ["asserted", "typical", "hypothesized", "possible", "rare"],
    "ChangeAction": ["created", "updated", "retracted", "restored", "deleted"],
    "ClaimStatus": ["active", "retracted"],
    "ClaimType": [
        "background",
        "definition",
        "usage",
        "regulatory",
        "administration",
        "benefit",
        "knowledge_gap",
        "mechanism",
        "safety_efficacy",
        "adverse_effect",
        "risk_factor",
        "conclusion",
        "recommendation",
    ],
    "Facet": ["type", "tag", "certainty", "migraine_effect", "source"],
    "MigraineEffect": ["worsens", "relieves", "neither"],
    "RelationKind": ["rests_on", "mitigates", "contributes_to", "follows_from", "qualifies"],
    "SortOrder": ["article", "rank", "relevance", "updated"],
}


def test_the_values_answers_carry_are_the_v1_sets(client: TestClient) -> None:
    """A generated client refuses an enum value it does not know, so v1 adds none to what
    answers carry (README, "The contract"): a new one comes as a new field, or in /v2.
    Only the formats a request may ask for can grow."""
    doc = document(client)
    enums = {
        name: schema["enum"]
        for name, schema in doc["components"]["schemas"].items()
        if "enum" in schema and not name.startswith("Format")
    }
    kinds = doc["components"]["schemas"]["Change"]["discriminator"]["mapping"]

    assert enums == V1_ENUMS
    assert sorted(kinds) == ["claim", "source", "tag"]
