"""Filtering, sorting, cursor paging and facets on GET /v1/claims."""

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.config import Settings
from api.main import create_app
from api.store.cursors import encode_cursor
from api.writes import loader
from tests.helpers import ARTICLE_CLAIMS, CLAIMS_FILE, claim, edit_yaml
from tests.test_claims import ids


def get(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/claims", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_tag_any_matches_claims_with_at_least_one(client: TestClient) -> None:
    body = get(client, tag_any=["allergy", "timing"])

    assert ids(body) == [
        "risk-factor-allergic-reactions",
        "risk-factor-timing-of-treatment",
        "monitor-and-adjust-dosage-or-timing",
    ]


def test_tag_and_tag_any_combine(client: TestClient) -> None:
    body = get(client, tag="risk-factor", tag_any=["allergy", "timing"])

    assert ids(body) == ["risk-factor-allergic-reactions", "risk-factor-timing-of-treatment"]


def test_filter_by_certainty_and_effect(client: TestClient) -> None:
    assert ids(get(client, certainty="rare")) == ["risk-factor-allergic-reactions"]
    hypothesized_or_rare = get(client, certainty=["hypothesized", "rare"])
    assert ids(hypothesized_or_rare) == [
        "botox-may-block-neurotransmitter-release",
        "risk-factor-allergic-reactions",
    ]
    relieves = get(client, migraine_effect="relieves")
    assert {c["migraine_effect"] for c in relieves["data"]} == {"relieves"}
    assert relieves["meta"]["total"] == 3


def test_filter_by_rank(client: TestClient) -> None:
    assert ids(get(client, rank=[2, 4])) == [
        "risk-factor-allergic-reactions",
        "risk-factor-timing-of-treatment",
    ]


def test_sources_are_any_of(client: TestClient) -> None:
    body = get(client, source=["can-botox-for-migraines-make-them-worse", "another"])

    assert body["meta"]["total"] == ARTICLE_CLAIMS


def test_bad_filter_values_are_422(client: TestClient) -> None:
    for params in (
        {"certainty": "certain"},
        {"migraine_effect": "cures"},
        {"rank": 0},
        {"rank": "first"},
        {"tag_any": "Not A Slug"},
        {"sort": "random"},
        {"facet": "colour"},
    ):
        response = client.get("/v1/claims", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"


def test_sort_by_rank_puts_risk_factors_first_in_rank_order(client: TestClient) -> None:
    body = get(client, sort="rank", limit=5)

    assert [c.get("rank") for c in body["data"]] == [1, 2, 3, 4, None]
    assert body["meta"]["sort"] == "rank"


def test_a_cursor_walks_the_same_list_as_offsets(client: TestClient) -> None:
    for sort in ("article", "rank", "updated"):
        by_offset = ids(get(client, sort=sort, limit=500))
        walked, url = [], f"/v1/claims?sort={sort}&limit=3"
        while url:
            page = client.get(url).json()
            walked += ids(page)
            url = page["links"]["next"]
            assert page["meta"]["offset"] == len(walked) - len(page["data"])
        assert walked == by_offset, sort


def test_next_links_carry_a_cursor_and_keep_filters(client: TestClient) -> None:
    first = get(client, type="risk_factor", limit=2)

    assert "cursor=" in first["links"]["next"] and "offset=" not in first["links"]["next"]
    assert "type=risk_factor" in first["links"]["next"]
    second = client.get(first["links"]["next"]).json()
    assert ids(second) == ["risk-factor-inadequate-dosage", "risk-factor-timing-of-treatment"]
    assert second["links"]["prev"].endswith("limit=2&offset=0")


def test_relevance_pages_by_offset(client: TestClient) -> None:
    first = get(client, q="migraines", sort="relevance", limit=2)

    assert "offset=2" in first["links"]["next"]


@pytest.mark.parametrize(
    "params",
    [
        {"cursor": "not-a-cursor"},
        {"cursor": "e30"},  # {}
        {"cursor": encode_cursor("rank", [1, "s", 0, 1, "x"], 1)},  # made for another sort
        {"cursor": encode_cursor("article", ["s", "0", 1, "x"], 1)},  # wrong key types
        {"cursor": encode_cursor("article", ["s", 0, 1, "x"], -5)},
        {"cursor": encode_cursor("updated", ["yesterday", "x"], 1), "sort": "updated"},
        {"cursor": encode_cursor("updated", ["0001-01-01", "x"], 1), "sort": "updated"},
        {"cursor": encode_cursor("article", ["s", 10**23, 1, "x"], 1)},
        {"cursor": encode_cursor("article", ["s\ud800", 0, 1, "x"], 1)},  # no UTF-8 form
        {"cursor": encode_cursor("article", ["s\x00", 0, 1, "x"], 1)},  # NUL: not storable
        {"cursor": encode_cursor("rank", [10**20, "s", 0, 1, "x"], 1), "sort": "rank"},
        {"cursor": encode_cursor("article", ["s", 0, 1, "x"], 1), "offset": 3},
        {"cursor": encode_cursor("article", ["s", 0, 1, "x"], 1), "sort": "relevance", "q": "x"},
    ],
)
def test_a_bad_cursor_is_a_422_naming_it(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/v1/claims", params=params)

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] in {"query.cursor", "query.offset"}


def test_facets_count_the_claims_matching_the_filter(client: TestClient) -> None:
    body = get(client, type="risk_factor", facet=["tag", "certainty", "type", "migraine_effect"])
    facets = body["meta"]["facets"]

    assert facets["type"] == [{"value": "risk_factor", "count": 4}]
    assert facets["certainty"] == [
        {"value": "possible", "count": 3},
        {"value": "rare", "count": 1},
    ]
    assert facets["migraine_effect"] == [{"value": "worsens", "count": 4}]
    tags = {f["value"]: f["count"] for f in facets["tag"]}
    assert tags == {
        "botox": 4,
        "risk-factor": 4,
        "worsening": 4,
        "allergy": 1,
        "dosage": 1,
        "individual-variation": 1,
        "timing": 1,
    }
    assert [f["count"] for f in facets["tag"]] == sorted(tags.values(), reverse=True)


def test_facets_follow_search_and_cover_every_page(client: TestClient) -> None:
    body = get(client, q="dosage", facet="type", limit=1)

    assert len(body["data"]) == 1
    assert {f["value"]: f["count"] for f in body["meta"]["facets"]["type"]} == {
        "risk_factor": 1,
        "conclusion": 1,
        "recommendation": 1,
    }


def test_facets_only_when_asked(client: TestClient) -> None:
    assert "facets" not in get(client)["meta"]
    assert get(client, facet="source")["meta"]["facets"]["source"] == [
        {"value": "can-botox-for-migraines-make-them-worse", "count": ARTICLE_CLAIMS}
    ]


def test_sort_by_updated_shows_the_latest_change_first(
    engine: Engine, settings: Settings, data_dir: Path
) -> None:
    loader.load(engine=engine, data_dir=data_dir)

    def retitle(document: Any) -> None:
        claim(document, "botox-cosmetic-use")["title"] = "Botox in cosmetics"

    edit_yaml(data_dir, CLAIMS_FILE, retitle)
    loader.load(engine=engine, data_dir=data_dir)

    def retag(document: Any) -> None:
        claim(document, "migraine-is-a-common-condition")["tags"].append("botox")

    edit_yaml(data_dir, CLAIMS_FILE, retag)
    loader.load(engine=engine, data_dir=data_dir)

    with TestClient(create_app(settings)) as client:
        latest = ids(get(client, sort="updated", limit=2))
    assert latest == ["migraine-is-a-common-condition", "botox-cosmetic-use"]


def test_a_filter_takes_at_most_20_values(client: TestClient) -> None:
    tags = [f"tag-{i}" for i in range(21)]

    assert client.get("/v1/claims", params={"tag": tags[:20]}).status_code == 200
    response = client.get("/v1/claims", params={"tag": tags})
    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "query.tag"


def test_several_tags_all_of_in_one_lookup(client: TestClient) -> None:
    body = get(client, tag=["botox", "risk-factor", "worsening", "allergy"])

    assert ids(body) == ["risk-factor-allergic-reactions"]
