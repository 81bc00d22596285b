"""Risk factors: the four things the article says can make migraines worse, by rank."""

from fastapi.testclient import TestClient


def test_the_four_risk_factors_in_the_article_s_order(client: TestClient) -> None:
    body = client.get("/v1/risk-factors").json()

    assert [(rf["rank"], rf["title"]) for rf in body["data"]] == [
        (1, "Individual Reactions"),
        (2, "Allergic Reactions"),
        (3, "Inadequate Dosage"),
        (4, "Timing of Treatment"),
    ]
    assert body["meta"]["total"] == 4
    assert "not medical advice" in body["meta"]["disclaimer"].lower()


def test_each_risk_factor_says_it_may_worsen_migraines_and_how_surely(client: TestClient) -> None:
    factors = {rf["title"]: rf for rf in client.get("/v1/risk-factors").json()["data"]}

    assert {rf["migraine_effect"] for rf in factors.values()} == {"worsens"}
    assert factors["Allergic Reactions"]["certainty"] == "rare"
    assert factors["Allergic Reactions"]["hedges"][0] == "In rare cases"
    assert factors["Inadequate Dosage"]["outcome"] == "worsened migraines"
    for rf in factors.values():
        assert rf["type"] == "risk_factor"
        assert rf["outcome"] in rf["quote"]
        assert {"kind": "contributes_to", "target": "botox-may-make-migraines-worse"} in rf[
            "relations"
        ]


def test_risk_factors_page_and_filter_by_source(client: TestClient) -> None:
    page = client.get("/v1/risk-factors", params={"limit": 3, "offset": 2}).json()
    other = client.get("/v1/risk-factors", params={"source": "another-article"}).json()

    assert [rf["rank"] for rf in page["data"]] == [3, 4]
    assert page["links"]["prev"] is not None and page["links"]["next"] is None
    assert other["data"] == []


def test_bad_paging_is_a_422(client: TestClient) -> None:
    assert client.get("/v1/risk-factors", params={"limit": 0}).status_code == 422
