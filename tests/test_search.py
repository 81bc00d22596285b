"""Searching claims with `q`: every word must match (as a word prefix), on both engines."""

import pytest
from fastapi.testclient import TestClient

from api.store.search import Query, snippet, tokens
from tests.helpers import ARTICLE_CLAIMS, Curator
from tests.test_claims import ids


def expected_hits(client: TestClient, q: str) -> list[str]:
    """The claims a search must find, worked out independently of either engine."""
    terms = Query.parse(q).terms
    found = []
    for claim in client.get("/v1/claims", params={"limit": 500}).json()["data"]:
        words = tokens(" ".join((claim["title"], claim["statement"], claim["quote"])))
        if terms and all(any(w.startswith(t) for w in words) for t in terms):
            found.append(claim["id"])
    return found


def search(client: TestClient, q: str, **params: str) -> dict:  # type: ignore[type-arg]
    response = client.get("/v1/claims", params={"q": q, "limit": 500, **params})
    assert response.status_code == 200, response.text
    body: dict = response.json()  # type: ignore[type-arg]
    return body


def test_a_search_finds_the_claims_with_those_words(client: TestClient) -> None:
    body = search(client, "allergic reaction")

    assert ids(body) == ["risk-factor-allergic-reactions"]
    match = body["data"][0]["match"]
    assert match["score"] > 0
    assert "<mark>allergic</mark> <mark>reaction</mark>" in match["snippet"]


def test_words_match_as_prefixes_and_ignore_case(client: TestClient) -> None:
    assert ids(search(client, "ALLERG")) == ["risk-factor-allergic-reactions"]
    assert ids(search(client, "fda")) == ["botox-fda-approved-for-chronic-migraine"]
    assert len(ids(search(client, "migrain"))) == len(expected_hits(client, "migrain")) > 10


def test_every_word_must_match(client: TestClient) -> None:
    assert ids(search(client, "allergic dosage")) == []
    assert ids(search(client, "dosage timing")) == [
        "conclusion-botox-can-make-migraines-worse-in-some-cases",
        "monitor-and-adjust-dosage-or-timing",
    ]


QUERIES = [
    "botox",
    "migraines worse",
    "neurotransmitters",
    "head neck",
    "well-tolerated",
    "the",
    "in rare cases",
    "injections timing",
    "provider",
    "FDA approved chronic",
    "pain signals",
    "monitoring",
    "xylophone",
]


@pytest.mark.parametrize("q", QUERIES)
def test_hits_are_exactly_the_claims_containing_every_word(client: TestClient, q: str) -> None:
    """Run on SQLite and on PostgreSQL, this proves both engines give the same hits."""
    assert sorted(ids(search(client, q))) == sorted(expected_hits(client, q))


def test_a_snippet_marks_the_words_a_search_matches_in_its_best_field() -> None:
    """Words fold as tokens() folds them (case, NFKC) and `_` separates them, in ASCII
    text and in any other; the field with the most hits wins, the first on a tie."""
    assert (
        snippet(Query.parse("migr botox"), "No hits", "Botox & <MIGRAINES>: x_migr", "botox")
        == "<mark>Botox</mark> &amp; &lt;<mark>MIGRAINES</mark>&gt;: x_<mark>migr</mark>"
    )
    assert (
        snippet(Query.parse("ﬁn strasse"), "Final word", "Ｆｉｎａｌ, ﬁnal & Straße")
        == "<mark>Ｆｉｎａｌ</mark>, <mark>ﬁnal</mark> &amp; <mark>Straße</mark>"
    )
    assert snippet(Query.parse("straße café"), "STRASSE cafe", "Straße Café") == (
        "<mark>Straße</mark> <mark>Café</mark>"
    )
    many = " ".join(f"w{i}" for i in range(40))
    assert snippet(Query.parse("w9"), many, words=6) == "…w7 w8 <mark>w9</mark> w10 w11 w12…"


def test_relevance_sort_puts_the_best_match_first(client: TestClient) -> None:
    body = search(client, "dosage", sort="relevance")
    scores = [claim["match"]["score"] for claim in body["data"]]

    assert scores == sorted(scores, reverse=True)
    assert body["meta"]["sort"] == "relevance"
    assert set(ids(body)) == set(expected_hits(client, "dosage"))


@pytest.mark.parametrize("filters", [{}, {"type": "risk_factor"}])
def test_a_search_counts_all_its_matches_on_every_page_and_past_the_last(
    client: TestClient, filters: dict[str, str]
) -> None:
    """However the total is counted (by the search index, beside the page, or apart),
    it is the number of matches, even where a page lists none of them."""
    total = search(client, "migraines", limit="500", **filters)["meta"]["total"]
    assert total > 2

    for offset in (0, 2, total - 1, total, total + 5):
        body = search(client, "migraines", limit="2", offset=str(offset), **filters)
        assert body["meta"]["total"] == total, offset


@pytest.mark.parametrize("sort", ["article", "rank", "updated"])
def test_a_search_paged_by_its_links_keeps_its_total_and_lists_every_match_once(
    client: TestClient, sort: str
) -> None:
    """A cursor page counts every match, not only those after the cursor."""
    url: str | None = f"/v1/claims?q=migraines&limit=2&sort={sort}"
    seen, totals = [], set()
    while url is not None:
        body = client.get(url).json()
        seen += ids(body)
        totals.add(body["meta"]["total"])
        url = body["links"]["next"]

    assert totals == {len(seen)} and sorted(seen) == sorted(expected_hits(client, "migraines"))


def test_search_combines_with_filters_and_pages(client: TestClient) -> None:
    body = search(client, "migraines", type="risk_factor", limit="2")

    assert body["meta"]["total"] == 3
    assert all(claim["type"] == "risk_factor" for claim in body["data"])
    assert body["links"]["next"] is not None


@pytest.mark.parametrize(
    "q",
    [
        "' OR 1=1 --",
        '"unbalanced',
        "NEAR(botox migraine)",
        "botox AND NOT migraine",
        "migraine*",
        "col:botox",
        "\\x00; DROP TABLE claim;",
        "😀 botox",
        "ﬁnal Ünïcödé",
        "a" * 500,
    ],
)
def test_any_text_is_safe_in_q(client: TestClient, q: str) -> None:
    body = search(client, q)

    assert sorted(ids(body)) == sorted(expected_hits(client, q))


def test_a_search_with_no_words_finds_nothing_and_a_blank_one_is_ignored(
    client: TestClient,
) -> None:
    assert search(client, "!!! --- ***")["meta"]["total"] == 0
    assert search(client, "   ")["meta"]["total"] == ARTICLE_CLAIMS
    assert "match" not in search(client, "")["data"][0]


def test_an_overlong_query_is_a_422(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"q": "a" * 501})

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "query.q"


def test_relevance_needs_a_search(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"sort": "relevance"})

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"location": "query.sort", "message": "sort=relevance needs a search: add q"}
    ]


def test_claims_outside_a_search_carry_no_match(client: TestClient) -> None:
    assert "match" not in client.get("/v1/claims/risk-factor-allergic-reactions").json()


def test_a_search_counts_only_the_claims_it_lists_once_some_are_retracted(
    curator: Curator,
) -> None:
    """With every claim active, a search is counted by the search index alone; once one
    is retracted, the count must leave it out, as the list does, until it is asked for."""
    client, q = curator.client, "botox"
    before = search(client, q)
    assert before["meta"]["total"] == len(before["data"]) > 1
    retracted = before["data"][0]["id"]
    url = f"/v1/claims/{retracted}/retraction"
    etag = client.get(f"/v1/claims/{retracted}").headers["ETag"]
    answer = client.post(
        url, json={"reason": "A test."}, headers={**curator.auth, "If-Match": etag}
    )
    assert answer.status_code == 200, answer.text

    after = search(client, q)
    only_retracted = search(client, q, status="retracted")
    both = search(client, q, status=["active", "retracted"])  # type: ignore[arg-type]

    assert after["meta"]["total"] == before["meta"]["total"] - 1 == len(after["data"])
    assert retracted not in ids(after)
    assert ids(only_retracted) == [retracted] and only_retracted["meta"]["total"] == 1
    assert both["meta"]["total"] == before["meta"]["total"]
