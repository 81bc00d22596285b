"""Every writer keeps the article order where reads walk it: claims numbered (`seq`) in
that order, so a search reads its hits in order and stops at its page (api.store.seq_order),
and each claim_tag row carrying its claim's article keys, so a page of one tag walks
the tag's index (api.store.rows.tag_rows). Loads, curators' new claims, quotes that move:
searches and tag pages list their claims in article order afterwards."""

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from api.store import seq_order
from api.store.tables import INT_MAX
from api.writes import loader
from tests.helpers import CLAIMS_FILE, Curator, edit_yaml
from tests.test_curation import new_claim

MOVED = "concern-botox-may-worsen-migraines"  # third in the article


def numbers_in_article_order(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, seq FROM claim ORDER BY source_id, quote_start, quote_end, id")
        )
        return {row.id: row.seq for row in rows}


def assert_tag_rows_follow_their_claims(engine: Engine) -> None:
    with engine.connect() as connection:
        astray = connection.execute(
            text(
                "SELECT claim_tag.claim_id FROM claim_tag JOIN claim ON claim.id = claim_id "
                "WHERE claim_tag.source_id != claim.source_id "
                "OR claim_tag.quote_start != claim.quote_start "
                "OR claim_tag.quote_end != claim.quote_end"
            )
        ).all()
    assert astray == []


def assert_ascending(numbers: list[int]) -> None:
    assert numbers and numbers[0] > 0 and numbers[-1] <= INT_MAX
    assert all(a < b for a, b in zip(numbers, numbers[1:], strict=False)), numbers


def assert_search_in_article_order(curator: Curator, q: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = curator.client.get(f"/v1/claims?q={q}&limit=500").json()["data"]
    keys = [(c["source"], c["start"], c["end"], c["id"]) for c in found]
    assert keys == sorted(keys)
    return found


def test_a_load_numbers_claims_in_article_order_with_room_between(curator: Curator) -> None:
    numbers = list(numbers_in_article_order(curator.engine).values())

    assert numbers == [seq_order.STEP * (i + 1) for i in range(len(numbers))]


def test_claims_added_in_one_place_are_numbered_between_their_neighbours(
    curator: Curator,
) -> None:
    """Forty claims quoting one sentence: far more than the room between two loaded
    claims, so the claims around them are spread out, and stay in order."""
    before = numbers_in_article_order(curator.engine)
    for i in range(40):
        response = curator.client.post(
            "/v1/claims", json=new_claim(id=f"popularity-{i:02}"), headers=curator.auth
        )
        assert response.status_code == 201, response.text

    after = numbers_in_article_order(curator.engine)
    assert_ascending(list(after.values()))
    assert any(after[key] != number for key, number in before.items())  # made way
    found = assert_search_in_article_order(curator, "popularity")
    assert {c["id"] for c in found} >= {f"popularity-{i:02}" for i in range(40)}
    paged, url = [], "/v1/claims?q=popularity&limit=7"
    while url:
        page = curator.client.get(url).json()
        paged += page["data"]
        url = page["links"]["next"]
    assert paged == found  # a search pages by cursor through the same claims


def test_a_claim_whose_quote_moves_takes_a_number_among_its_new_neighbours(
    curator: Curator,
) -> None:
    before = numbers_in_article_order(curator.engine)
    quote = "Migraines are a common condition"  # the article's first sentence

    response = curator.client.patch(
        f"/v1/claims/{MOVED}",
        json={"quote": quote, "statement": "Migraines are a common condition.", "hedges": []},
        headers={**curator.auth, "If-Match": '"r1"'},
    )

    assert response.status_code == 200, response.text
    after = numbers_in_article_order(curator.engine)
    assert list(after)[0] == MOVED
    assert_ascending(list(after.values()))
    del before[MOVED], after[MOVED]
    assert after == before  # no other claim renumbered
    assert_search_in_article_order(curator, "migraines")
    assert_tag_rows_follow_their_claims(curator.engine)
    tagged = curator.client.get("/v1/claims?tag=worsening&limit=500").json()["data"]
    assert tagged[0]["id"] == MOVED


def test_a_load_adding_a_claim_between_others_renumbers_no_other(
    engine: Engine, data_dir: Path
) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    before = numbers_in_article_order(engine)

    def add_a_second_claim_on_the_first_sentence(document: Any) -> None:
        first = dict(document["claims"][0], id="migraine-is-common-again")
        document["claims"].append(first)  # last in the file, second in article order

    edit_yaml(data_dir, CLAIMS_FILE, add_a_second_claim_on_the_first_sentence)
    loader.load(engine=engine, data_dir=data_dir)

    after = numbers_in_article_order(engine)
    assert list(after)[1] == "migraine-is-common-again"
    assert_ascending(list(after.values()))
    assert {k: v for k, v in after.items() if k in before} == before


def test_a_load_moving_a_quote_moves_its_tag_rows_too(engine: Engine, data_dir: Path) -> None:
    loader.load(engine=engine, data_dir=data_dir)

    def quote_less_of_the_first_sentence(document: Any) -> None:
        first = document["claims"][0]
        first["quote"] = "Migraines are a common condition"
        first["end"] = first["start"] + len(first["quote"])

    edit_yaml(data_dir, CLAIMS_FILE, quote_less_of_the_first_sentence)
    loader.load(engine=engine, data_dir=data_dir)

    assert_tag_rows_follow_their_claims(engine)
    assert_ascending(list(numbers_in_article_order(engine).values()))


def test_numbering_keeps_what_fits_and_places_the_rest_between() -> None:
    step = seq_order.STEP
    assert seq_order.arrange([None, None, None]) == [step, 2 * step, 3 * step]
    assert seq_order.arrange([step, 2 * step]) == [step, 2 * step]
    assert seq_order.arrange([step, None, 2 * step]) == [step, step + step // 2, 2 * step]
    # A claim numbered out of order (added before numbers followed the article) moves.
    assert seq_order.arrange([9 * step, step, 2 * step]) == [step // 2, step, 2 * step]
    # Neighbours with no number free between them make way.
    assert seq_order.arrange([1, None, 2]) == [1, 1 + step, 1 + 2 * step]


@given(st.lists(st.one_of(st.none(), st.integers(1, INT_MAX)), max_size=60))
def test_numbering_always_ascends_within_range(current: list[int | None]) -> None:
    numbers = seq_order.arrange(current)

    assert len(numbers) == len(current)
    if numbers:
        assert_ascending(numbers)
