"""At 100,000 claims: every query the API sends uses an index, and deep pages are right.

A synthetic knowledge base (`kb synth`) of 100,000 claims plus the article's is loaded
once per engine, exactly as `kb load` leaves it (no ANALYZE of our own: keeping the
planner's statistics is the product's job); each request's SQL is captured and
explained. A full scan of a claim table fails the test, with one documented exception:
on PostgreSQL, a facet that counts a large share of all claims may be read sequentially
when the planner finds that cheaper, which it is (docs/performance.md).
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from api.config import Settings
from api.main import create_app
from api.store.engine import has_statistics
from tests.conftest import BACKENDS, database_url, load_database, synthetic_folder
from tests.helpers import ARTICLE_CLAIMS

CLAIMS = 100_000
BIG_TABLES = ("claim", "claim_tag", "claim_relation")
"""Tables that grow with the claims; sources and tags stay small enough to read whole."""


@pytest.fixture(scope="module")
def synthetic_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_folder(tmp_path_factory, CLAIMS)


@pytest.fixture(scope="module", params=BACKENDS)
def big(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, synthetic_data: Path
) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url(request.param, tmp_path_factory.mktemp("big")))
    load_database(settings.database_url, synthetic_data)  # as `kb load` leaves it
    with TestClient(create_app(settings)) as client:
        yield client


def plans(client: TestClient, url: str) -> list[tuple[str, list[str]]]:
    """Each SELECT a request sends, with the engine's plan for it."""
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    sent: list[tuple[str, Any]] = []

    def capture(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, params))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    sqlite = engine.dialect.name == "sqlite"
    explained = []
    with engine.connect() as connection:
        for statement, params in sent:
            prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
            rows = connection.exec_driver_sql(prefix + statement, params).all()
            explained.append((statement, [str(row[-1] if sqlite else row[0]) for row in rows]))
    return explained


def full_scans(plan: list[str]) -> list[str]:
    sqlite_scan = re.compile(rf"^SCAN ({'|'.join(BIG_TABLES)})\b(?!.*\bUSING\b)")
    pg_scan = re.compile(rf"Seq Scan on ({'|'.join(BIG_TABLES)})\b")
    return [line.strip() for line in plan if sqlite_scan.search(line) or pg_scan.search(line)]


SELECTIVE = [
    "/v1/claims",
    "/v1/claims?type=mechanism",
    "/v1/claims?type=risk_factor&type=conclusion",
    "/v1/claims?tag=topic-150",
    "/v1/claims?tag=botox&tag=topic-001",
    "/v1/claims?tag_any=topic-010&tag_any=topic-200",
    "/v1/claims?source=synthetic-source-00042",
    "/v1/claims?certainty=rare",
    "/v1/claims?migraine_effect=worsens",
    "/v1/claims?rank=2",
    "/v1/claims?q=allergic+response",
    "/v1/claims?sort=rank",
    "/v1/claims?sort=updated",
    "/v1/risk-factors",
    "/v1/claims?certainty=rare&facet=tag&facet=type&facet=source",
    "/v1/claims?tag=topic-150&facet=tag&facet=certainty&facet=migraine_effect",
    "/v1/claims?q=allergic+response&facet=tag&facet=type",
    "/v1/claims/risk-factor-allergic-reactions",
    "/v1/tags",
    "/v1/sources",
]
BROAD = [
    "/v1/claims?q=migrai&sort=relevance",
    "/v1/claims?facet=tag&facet=type&facet=certainty&facet=migraine_effect&facet=source",
    "/v1/claims?migraine_effect=worsens&facet=tag&facet=type",
    "/v1/claims?q=migraine&facet=tag&facet=certainty",
]


def test_a_load_leaves_the_planner_statistics(big: TestClient) -> None:
    assert has_statistics(big.app.state.engine)  # type: ignore[attr-defined]


def test_a_page_in_article_order_is_read_in_index_order(big: TestClient) -> None:
    """Without statistics SQLite sorted all 100,000 claims to send the first 50."""
    if big.app.state.engine.dialect.name != "sqlite":  # type: ignore[attr-defined]
        pytest.skip("PostgreSQL may sort a short top-N in memory; its scans are checked above")
    for url in (
        "/v1/claims",
        "/v1/claims?certainty=rare",
        "/v1/claims?type=risk_factor",
        "/v1/risk-factors",  # one type, in rank order
    ):
        page = page_of(plans(big, url))
        assert not any("TEMP B-TREE" in line for line in page[1]), (url, page)


def page_of(explained: list[tuple[str, list[str]]]) -> tuple[str, list[str]]:
    """The statement that reads a list's page (its kept counts come before it)."""
    [page] = [(s, p) for s, p in explained if "ORDER BY" in s and "claim_count" not in s]
    return page


@pytest.mark.parametrize("tag", ["allergy", "topic-150", "topic-018"])
def test_a_page_of_one_tag_is_read_from_the_tags_index_in_article_order(
    big: TestClient, tag: str
) -> None:
    """However many claims carry the tag (one in seven, or about a thousand), its page
    walks the tag's index entries in article order and sorts nothing, on both engines."""
    statement, plan = page_of(plans(big, f"/v1/claims?tag={tag}&limit=37"))

    assert any("ix_claim_tag_article" in line for line in plan), (statement, plan)
    assert not any("TEMP B-TREE" in line or "Sort" in line for line in plan), (statement, plan)


@pytest.mark.parametrize(
    "url",
    [
        "/v1/claims?q=involves+milder",  # matches nothing: was 48 s on a fresh load
        "/v1/claims?q=allergic+response&type=risk_factor&facet=tag&facet=type",
        "/v1/claims?q=migrai&sort=relevance&facet=tag",
    ],
)
def test_a_search_starts_from_its_matches(big: TestClient, url: str) -> None:
    """Every query of a search reads the full-text index once, then the matching claims;
    the other way round probes the index once per claim (seconds to minutes at 100k)."""
    if big.app.state.engine.dialect.name != "sqlite":  # type: ignore[attr-defined]
        pytest.skip("PostgreSQL's GIN index is read as a bitmap, never per claim")
    for statement, plan in plans(big, url):
        if "MATCH" in statement:
            assert plan[0].startswith("SCAN claim_search VIRTUAL TABLE"), (statement, plan)


def test_a_search_page_reads_its_hits_in_article_order_and_counts_them_in_fts5(
    big: TestClient,
) -> None:
    """Claims are numbered in article order (api.store.seq_order), so a search page reads its
    hits from FTS5 in that order, looks up only the claims it lists, and sorts nothing;
    with no other condition, FTS5 counts the matches alone."""
    if big.app.state.engine.dialect.name != "sqlite":  # type: ignore[attr-defined]
        pytest.skip("PostgreSQL's GIN index is read as a bitmap, never per claim")
    searched = [(s, p) for s, p in plans(big, "/v1/claims?q=migraine+botox") if "MATCH" in s]
    [total] = [(s, p) for s, p in searched if "count(" in s]
    [page] = [(s, p) for s, p in searched if "count(" not in s]
    assert page[1][0].startswith("SCAN claim_search VIRTUAL TABLE"), page
    assert any("(seq=?)" in line for line in page[1]), page
    assert not any("TEMP B-TREE" in line for line in page[1]), page
    assert " claim " not in total[0].replace("\n", " ") and "JOIN" not in total[0], total


@pytest.mark.parametrize("url", SELECTIVE)
def test_every_query_uses_an_index(big: TestClient, url: str) -> None:
    for statement, plan in plans(big, url):
        assert not full_scans(plan), f"{url}\n{statement}\n" + "\n".join(plan)


@pytest.mark.parametrize("url", BROAD)
def test_broad_queries_scan_only_on_postgresql_where_it_is_cheaper(
    big: TestClient, url: str
) -> None:
    """A search or facet that reads a large share of all claims: SQLite still reads them
    through indexes; PostgreSQL's planner may rightly prefer a sequential scan."""
    if big.app.state.engine.dialect.name != "sqlite":  # type: ignore[attr-defined]
        pytest.skip("PostgreSQL chooses by cost here; its selective queries are checked above")
    for statement, plan in plans(big, url):
        assert not full_scans(plan), f"{url}\n{statement}\n" + "\n".join(plan)


def test_the_knowledge_base_holds_them_all(big: TestClient) -> None:
    total = big.get("/v1/claims", params={"limit": 1}).json()["meta"]["total"]

    assert total == CLAIMS + ARTICLE_CLAIMS


def test_a_deep_cursor_page_matches_the_same_page_by_offset(big: TestClient) -> None:
    offset = CLAIMS + ARTICLE_CLAIMS - 37  # the last page, deep in the list
    by_offset = big.get("/v1/claims", params={"limit": 50, "offset": offset}).json()
    before = big.get("/v1/claims", params={"limit": 1, "offset": offset - 1}).json()
    cursor = big.get(before["links"]["next"].replace("limit=1&", "limit=50&")).json()

    assert [c["id"] for c in cursor["data"]] == [c["id"] for c in by_offset["data"]]
    assert cursor["meta"]["offset"] == offset
    assert by_offset["links"]["next"] is None and len(by_offset["data"]) == 37


def test_search_and_facets_agree_with_the_filters_at_scale(big: TestClient) -> None:
    body = big.get("/v1/claims", params={"q": "allergic response", "facet": "type"}).json()
    counted = sum(f["count"] for f in body["meta"]["facets"]["type"])

    assert counted == body["meta"]["total"] > 0
    for value in body["meta"]["facets"]["type"]:
        typed = big.get("/v1/claims", params={"q": "allergic response", "type": value["value"]})
        assert typed.json()["meta"]["total"] == value["count"]
