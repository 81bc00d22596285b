"""Formats: Accept picks JSON or JSON-LD, `format` overrides it, anything else is a 406.

JSON-LD answers are checked the way a linked-data client reads them: expanded by a
JSON-LD processor (pyld) whose only way to fetch a context is this API.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pyld import jsonld

SCHEMA, OA = "https://schema.org/", "http://www.w3.org/ns/oa#"
CLAIM = "/v1/claims/risk-factor-allergic-reactions"


def expand(client: TestClient, document: dict[str, Any]) -> list[dict[str, Any]]:
    def loader(url: str, _options: Any = None) -> dict[str, Any]:
        assert url.startswith("http://testserver/"), f"tried to fetch {url}"
        return {
            "contextUrl": None,
            "documentUrl": url,
            "document": client.get(url.removeprefix("http://testserver")).json(),
        }

    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": loader})
    return expanded


@pytest.mark.parametrize(
    ("headers", "params", "media"),
    [
        ({}, {}, "application/json"),
        ({"Accept": "application/ld+json"}, {}, "application/ld+json"),
        ({"Accept": "application/json"}, {"format": "jsonld"}, "application/ld+json"),
        ({"Accept": "application/ld+json"}, {"format": "json"}, "application/json"),
        ({"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, {}, "application/json"),
        ({"Accept": "application/ld+json;q=0.5, application/json"}, {}, "application/json"),
        ({"Accept": "application/json;q=0.1, application/ld+json"}, {}, "application/ld+json"),
        ({"Accept": "application/*"}, {}, "application/json"),
    ],
)
def test_accept_picks_and_format_overrides(
    client: TestClient, headers: dict[str, str], params: dict[str, str], media: str
) -> None:
    response = client.get(CLAIM, headers=headers, params=params)

    assert response.status_code == 200
    assert response.headers["content-type"] == media
    assert "Accept" in response.headers["vary"]


@pytest.mark.parametrize(
    ("path", "headers", "params"),
    [
        (CLAIM, {}, {"format": "xml"}),
        (CLAIM, {"Accept": "text/csv"}, {}),
        (CLAIM, {"Accept": "application/json;q=0, application/ld+json;q=0"}, {}),
        ("/v1/claims", {}, {"format": "fhir"}),
        ("/v1/tags", {"Accept": "application/ld+json"}, {}),
        ("/v1/tags/allergy", {}, {"format": "jsonld"}),
    ],
)
def test_a_format_not_offered_is_a_406_problem(
    client: TestClient, path: str, headers: dict[str, str], params: dict[str, str]
) -> None:
    response = client.get(path, headers=headers, params=params)

    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    assert "offered as application/json" in response.json()["detail"]


def test_a_claim_as_json_ld_expands_to_a_schema_org_claim_anchored_in_its_source(
    client: TestClient,
) -> None:
    plain = client.get(CLAIM).json()
    (node,) = expand(client, client.get(CLAIM, params={"format": "jsonld"}).json())

    assert node["@id"] == f"http://testserver{CLAIM}"
    assert node["@type"] == [f"{SCHEMA}Claim"]
    assert node[f"{SCHEMA}name"] == [{"@value": "Allergic Reactions"}]
    assert node[f"{SCHEMA}about"][0]["@type"] == [f"{SCHEMA}Drug"]
    (appearance,) = node[f"{SCHEMA}appearance"]
    assert appearance["@type"] == [f"{OA}SpecificResource"]
    assert appearance[f"{OA}hasSource"] == [
        {"@id": f"http://testserver/v1/sources/{plain['source']}"}
    ]
    selectors = {s["@type"][0]: s for s in appearance[f"{OA}hasSelector"]}
    quote = selectors[f"{OA}TextQuoteSelector"]
    position = selectors[f"{OA}TextPositionSelector"]
    assert quote[f"{OA}exact"] == [{"@value": plain["quote"]}]
    integer = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    assert position[f"{OA}start"] == [{"@value": plain["start"], "@type": integer}]
    assert position[f"{OA}end"] == [{"@value": plain["end"], "@type": integer}]


def test_a_list_as_json_ld_keeps_its_order_paging_and_disclaimer(client: TestClient) -> None:
    response = client.get("/v1/risk-factors", params={"format": "jsonld", "limit": 3})
    (page,) = expand(client, response.json())

    assert page["@type"] == [f"{SCHEMA}ItemList"]
    assert "Not medical advice" in page[f"{SCHEMA}description"][0]["@value"]
    items = page[f"{SCHEMA}itemListElement"][0]["@list"]
    assert [item[f"{SCHEMA}name"][0]["@value"] for item in items] == [
        "Individual Reactions",
        "Allergic Reactions",
        "Inadequate Dosage",
    ]
    assert 'rel="next"' in response.headers["link"]


def test_a_source_as_json_ld_is_a_creative_work_with_its_text(client: TestClient) -> None:
    source = client.get("/v1/sources/can-botox-for-migraines-make-them-worse").json()
    (node,) = expand(
        client, client.get(f"/v1/sources/{source['id']}", params={"format": "jsonld"}).json()
    )

    assert set(node["@type"]) == {f"{SCHEMA}CreativeWork", f"{SCHEMA}MedicalWebPage"}
    assert node[f"{SCHEMA}text"] == [{"@value": source["text"]}]
    assert node[f"{SCHEMA}name"] == [{"@value": source["title"]}]


def test_the_context_is_served_here(client: TestClient) -> None:
    response = client.get("/v1/context.jsonld")

    assert response.headers["content-type"] == "application/ld+json"
    assert response.json()["@context"]["schema"] == SCHEMA
