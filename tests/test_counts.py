"""A list's `meta.total` is read, not counted, when the list is filtered by one field at
most: every writer of claims keeps `claim_count` in its own transaction. These tests
hold those counts to what counting the claims gives, after every kind of write."""

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text

from api.writes import loader
from tests.helpers import CLAIMS_FILE, Curator, claim, edit_yaml
from tests.test_migrations import alembic

COUNTED = """
    SELECT 'all', '', status, count(*) FROM claim GROUP BY status
    UNION ALL SELECT 'type', type, status, count(*) FROM claim GROUP BY type, status
    UNION ALL SELECT 'source', source_id, status, count(*) FROM claim GROUP BY source_id, status
    UNION ALL SELECT 'certainty', certainty, status, count(*) FROM claim
        GROUP BY certainty, status
    UNION ALL SELECT 'migraine_effect', migraine_effect, status, count(*) FROM claim
        GROUP BY migraine_effect, status
    UNION ALL SELECT 'tag', tag_slug, status, count(*) FROM claim_tag
        JOIN claim ON claim.id = claim_id GROUP BY tag_slug, status
"""


def assert_counts_kept(engine: Engine) -> None:
    """The kept counts are exactly the counted ones (no stale value, none missing)."""
    with engine.connect() as connection:
        kept = set(connection.execute(text("SELECT field, value, status, n FROM claim_count")))
        counted = set(connection.execute(text(COUNTED)))
    assert kept == counted
    assert any(field == "all" for field, *_ in kept)


def test_a_load_keeps_every_count(engine: Engine, data_dir: Path) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    assert_counts_kept(engine)

    def retag_and_drop(document: Any) -> None:
        claim(document, "risk-factor-allergic-reactions")["tags"].remove("allergy")
        claim(document, "botox-cosmetic-use")["type"] = "background"
        document["claims"].remove(claim(document, "monitor-and-adjust-dosage-or-timing"))

    edit_yaml(data_dir, CLAIMS_FILE, retag_and_drop)
    loader.load(engine=engine, data_dir=data_dir)
    assert_counts_kept(engine)


def test_every_curator_write_keeps_every_count(curator: Curator) -> None:
    client, url = curator.client, "/v1/claims/risk-factor-allergic-reactions"

    def write(method: str, path: str, body: Any = None) -> None:
        etag = client.get(url).headers["ETag"]
        answer = client.request(method, path, json=body, headers={**curator.auth, "If-Match": etag})
        assert answer.status_code == 200, answer.text
        assert_counts_kept(curator.engine)

    allergy = client.get("/v1/claims", params={"tag": "allergy"}).json()["meta"]["total"]
    write("PATCH", url, {"tags": ["botox", "risk-factor", "worsening"], "certainty": "possible"})
    after = client.get("/v1/claims", params={"tag": "allergy"}).json()["meta"]["total"]
    assert after == allergy - 1
    write("POST", f"{url}/retraction", {"reason": "A test."})
    retracted = client.get("/v1/claims", params={"status": "retracted", "type": "risk_factor"})
    assert retracted.json()["meta"]["total"] == 1
    write("DELETE", f"{url}/retraction")


def test_a_list_by_one_tag_reads_its_total_without_counting_its_matches(
    curator: Curator,
) -> None:
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = curator.client.app.state.engine  # type: ignore[attr-defined]
    event.listen(engine, "before_cursor_execute", seen)
    try:
        answer = curator.client.get("/v1/claims", params={"tag": "botox", "limit": 1})
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    every = curator.client.get("/v1/claims", params={"tag": "botox", "limit": 500}).json()
    assert answer.json()["meta"]["total"] == len(every["data"]) > len(answer.json()["data"])
    assert statements and not [s for s in statements if "count(*)" in s.lower()]


def test_a_database_migrated_with_claims_gets_its_counts(curator: Curator) -> None:
    with curator.engine.begin() as connection:
        connection.execute(text("DELETE FROM claim_count"))
    before_counts = "d360816a3c1a"  # the claim document migration
    assert alembic(curator.settings, "downgrade", before_counts).returncode == 0
    upgraded = alembic(curator.settings, "upgrade", "head")
    assert upgraded.returncode == 0, upgraded.stderr
    assert_counts_kept(curator.engine)
