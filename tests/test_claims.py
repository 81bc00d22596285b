"""Claims: list, filter, page through and fetch the article's claims."""

from fastapi.testclient import TestClient

from tests.helpers import ARTICLE_CLAIMS

SOURCE = "can-botox-for-migraines-make-them-worse"


def ids(response_json: dict) -> list[str]:  # type: ignore[type-arg]
    return [claim["id"] for claim in response_json["data"]]


def test_list_claims_returns_every_claim_in_article_order(client: TestClient) -> None:
    body = client.get("/v1/claims").json()

    assert body["meta"]["total"] == ARTICLE_CLAIMS
    assert body["meta"]["limit"] == 50 and body["meta"]["offset"] == 0
    assert "not medical advice" in body["meta"]["disclaimer"].lower()
    starts = [claim["start"] for claim in body["data"]]
    assert starts == sorted(starts)
    assert ids(body)[0] == "migraine-is-a-common-condition"
    assert ids(body)[-1] == "monitor-and-adjust-dosage-or-timing"
    assert body["links"]["next"] is None and body["links"]["prev"] is None


def test_the_article_s_main_claims_are_there_with_their_types(client: TestClient) -> None:
    by_type: dict[str, list[str]] = {}
    for claim in client.get("/v1/claims", params={"limit": 500}).json()["data"]:
        by_type.setdefault(claim["type"], []).append(claim["id"])

    assert by_type["mechanism"] == ["botox-may-block-neurotransmitter-release"]
    assert by_type["knowledge_gap"] == ["botox-mechanism-not-entirely-understood"]
    assert by_type["regulatory"] == ["botox-fda-approved-for-chronic-migraine"]
    assert by_type["adverse_effect"] == [
        "botox-may-make-migraines-worse",
        "some-factors-can-contribute-to-worsening",
    ]
    assert len(by_type["risk_factor"]) == 4
    assert by_type["conclusion"] == ["conclusion-botox-can-make-migraines-worse-in-some-cases"]
    assert len(by_type["recommendation"]) == 2


def test_every_quote_is_the_exact_text_at_its_offsets(client: TestClient) -> None:
    """What an app does to verify a citation: fetch the source and slice it."""
    text = client.get(f"/v1/sources/{SOURCE}").json()["text"]
    for claim in client.get("/v1/claims", params={"limit": 500}).json()["data"]:
        assert text[claim["start"] : claim["end"]] == claim["quote"], claim["id"]
        for hedge in claim["hedges"]:
            assert hedge in claim["quote"]


def test_get_one_claim_by_id(client: TestClient) -> None:
    response = client.get("/v1/claims/botox-may-block-neurotransmitter-release")

    assert response.status_code == 200
    claim = response.json()
    assert claim["type"] == "mechanism"
    assert claim["action"] == "blocking the release"
    assert claim["target"].startswith("neurotransmitters")
    assert claim["certainty"] == "hypothesized"
    assert claim["hedges"] == ["it is believed", "may"]
    assert claim["source"] == SOURCE


def test_the_conclusion_keeps_its_hedges_and_advice(client: TestClient) -> None:
    claim = client.get("/v1/claims/conclusion-botox-can-make-migraines-worse-in-some-cases").json()

    assert claim["migraine_effect"] == "worsens"
    assert claim["certainty"] == "possible"
    assert "in some cases" in claim["hedges"]
    assert len(claim["recommendations"]) == 2
    assert {r["kind"] for r in claim["relations"]} == {"rests_on"}
    assert [r["target"] for r in claim["relations"]] == [  # by kind, then target id
        "risk-factor-allergic-reactions",
        "risk-factor-inadequate-dosage",
        "risk-factor-individual-reactions",
        "risk-factor-timing-of-treatment",
    ]


def test_monitoring_mitigates_dosage_and_timing(client: TestClient) -> None:
    claim = client.get("/v1/claims/monitor-and-adjust-dosage-or-timing").json()

    assert claim["relations"] == [
        {"kind": "mitigates", "target": "risk-factor-inadequate-dosage"},
        {"kind": "mitigates", "target": "risk-factor-timing-of-treatment"},
    ]


def test_a_malformed_id_is_a_422_naming_the_pattern(client: TestClient) -> None:
    response = client.get("/v1/claims/Risk Factor!")

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "path.claim_id"
    assert "^[a-z0-9]+(?:-[a-z0-9]+)*$" in response.json()["errors"][0]["message"]


def test_unknown_claim_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/claims/no-such-claim")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "No claim with id 'no-such-claim'.",
    }


def test_filter_by_one_type(client: TestClient) -> None:
    body = client.get("/v1/claims", params={"type": "recommendation"}).json()

    assert body["meta"]["total"] == 2
    assert {claim["type"] for claim in body["data"]} == {"recommendation"}


def test_repeating_type_matches_any_of_them(client: TestClient) -> None:
    body = client.get("/v1/claims", params=[("type", "mechanism"), ("type", "conclusion")]).json()

    assert ids(body) == [
        "botox-may-block-neurotransmitter-release",
        "conclusion-botox-can-make-migraines-worse-in-some-cases",
    ]


def test_repeating_tag_matches_claims_with_all_of_them(client: TestClient) -> None:
    dosage = ids(client.get("/v1/claims", params={"tag": "dosage"}).json())
    both = ids(client.get("/v1/claims", params=[("tag", "dosage"), ("tag", "timing")]).json())

    assert dosage == ["risk-factor-inadequate-dosage", "monitor-and-adjust-dosage-or-timing"]
    assert both == ["monitor-and-adjust-dosage-or-timing"]


def test_filter_by_source(client: TestClient) -> None:
    assert (
        client.get("/v1/claims", params={"source": SOURCE}).json()["meta"]["total"]
        == ARTICLE_CLAIMS
    )
    assert (
        client.get("/v1/claims", params={"source": "another-article"}).json()["meta"]["total"] == 0
    )


def test_unknown_tag_matches_nothing(client: TestClient) -> None:
    body = client.get("/v1/claims", params={"tag": "no-such-tag"}).json()

    assert body["data"] == [] and body["meta"]["total"] == 0


def test_filters_combine(client: TestClient) -> None:
    body = client.get(
        "/v1/claims", params={"type": "risk_factor", "tag": "allergy", "source": SOURCE}
    ).json()

    assert ids(body) == ["risk-factor-allergic-reactions"]


def test_pages_link_to_each_other_with_full_urls(client: TestClient) -> None:
    first = client.get("/v1/claims", params={"limit": 8}).json()
    assert first["links"]["prev"] is None
    second = client.get(first["links"]["next"]).json()
    third = client.get(second["links"]["next"]).json()

    assert first["links"]["next"].startswith("http://testserver/v1/claims?")
    assert second["meta"]["offset"] == 8
    assert third["links"]["next"] is None
    assert len(third["data"]) == ARTICLE_CLAIMS - 16
    by_offset = client.get(third["links"]["prev"]).json()
    assert (by_offset["data"], by_offset["meta"]) == (second["data"], second["meta"])
    assert by_offset["links"]["next"] == second["links"]["next"]
    all_ids = ids(first) + ids(second) + ids(third)
    assert all_ids == ids(client.get("/v1/claims").json())


def test_paging_keeps_the_filters(client: TestClient) -> None:
    first = client.get(
        "/v1/claims", params=[("type", "risk_factor"), ("type", "conclusion"), ("limit", "2")]
    ).json()
    second = client.get(first["links"]["next"]).json()
    third = client.get(second["links"]["next"]).json()

    assert ids(second) == ["risk-factor-inadequate-dosage", "risk-factor-timing-of-treatment"]
    assert ids(third) == ["conclusion-botox-can-make-migraines-worse-in-some-cases"]


def test_offset_past_the_end_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/v1/claims", params={"offset": 1000}).json()

    assert body["data"] == [] and body["meta"]["total"] == ARTICLE_CLAIMS
    assert body["links"]["next"] is None
    assert body["links"]["prev"].endswith("limit=50&offset=0")


def test_bad_parameters_are_422_problems_naming_each_field(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"limit": 501, "offset": -1, "type": "rumour"})

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Unprocessable Entity" and body["status"] == 422
    assert {e["location"] for e in body["errors"]} == {
        "query.limit",
        "query.offset",
        "query.type.0",
    }
    assert "query.limit" in body["detail"]


def test_limit_must_be_a_number_from_1_to_500(client: TestClient) -> None:
    for bad in ("0", "501", "ten", ""):
        assert client.get("/v1/claims", params={"limit": bad}).status_code == 422, bad
    assert client.get("/v1/claims", params={"offset": 10**30}).status_code == 422
    assert len(client.get("/v1/claims", params={"limit": 1}).json()["data"]) == 1
