"""Tags: the controlled vocabulary, with how many claims use each tag."""

from fastapi.testclient import TestClient


def test_list_tags_by_slug_with_claim_counts(client: TestClient) -> None:
    body = client.get("/v1/tags", params={"limit": 500}).json()
    tags = {tag["slug"]: tag for tag in body["data"]}

    assert [tag["slug"] for tag in body["data"]] == sorted(tags)
    assert body["meta"]["total"] == len(tags) == 22
    assert tags["allergy"]["claim_count"] == 1
    assert tags["risk-factor"]["claim_count"] == 5
    assert tags["dosage"]["claim_count"] == 2
    assert tags["allergy"]["codes"] == []


def test_claim_counts_agree_with_the_claims_filter(client: TestClient) -> None:
    for tag in client.get("/v1/tags", params={"limit": 500}).json()["data"]:
        total = client.get("/v1/claims", params={"tag": tag["slug"]}).json()["meta"]["total"]
        assert total == tag["claim_count"], tag["slug"]


def test_get_one_tag(client: TestClient) -> None:
    tag = client.get("/v1/tags/timing").json()

    assert tag == {
        "slug": "timing",
        "label": "Timing",
        "description": "When a treatment is given, relative to migraine attacks.",
        "codes": [],
        "claim_count": 2,
        "revision": 1,
    }


def test_unknown_tag_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/tags/no-such-tag")

    assert response.status_code == 404
    assert response.json()["detail"] == "No tag with id 'no-such-tag'."


def test_tags_page(client: TestClient) -> None:
    first = client.get("/v1/tags", params={"limit": 20}).json()
    second = client.get(first["links"]["next"]).json()

    assert len(first["data"]) == 20 and len(second["data"]) == 2
