"""A read copies each claim's stored document rather than assembling it from rows, so the
document must always say exactly what the claim's rows say: after a load, after a reload
that only moves tags or relations, after every kind of curator write, and for claims
migrated from before documents were stored."""

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, text, update
from sqlmodel import Session, select

from api.config import Settings
from api.main import create_app
from api.store import reads
from api.store.rows import document
from api.store.tables import Claim as ClaimRow
from api.writes import loader
from tests.helpers import ARTICLE_CLAIMS, CLAIMS_FILE, Curator, claim, edit_yaml

ALLERGY = "risk-factor-allergic-reactions"


def stored_and_assembled(engine: Engine) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every claim's stored document, and the claim as its rows assemble it."""
    with Session(engine) as session:
        rows = session.exec(select(ClaimRow)).all()
        stored = {row.id: json.loads(row.document or "null") for row in rows}
        assembled = {
            claim.id: json.loads(document(claim)) for claim in reads.claims_from_rows(session, rows)
        }
    return stored, assembled


def assert_documents_match_rows(engine: Engine) -> None:
    stored, assembled = stored_and_assembled(engine)
    assert stored == assembled
    assert len(stored) >= ARTICLE_CLAIMS


def test_a_load_stores_each_claim_as_its_rows_say(engine: Engine, data_dir: Path) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    assert_documents_match_rows(engine)


def test_a_reload_that_moves_only_tags_or_relations_renders_the_claim_anew(
    engine: Engine, data_dir: Path
) -> None:
    loader.load(engine=engine, data_dir=data_dir)

    def untag_and_unrelate(document: Any) -> None:
        claim(document, ALLERGY)["tags"].remove("allergy")
        claim(document, ALLERGY)["relations"] = []

    edit_yaml(data_dir, CLAIMS_FILE, untag_and_unrelate)
    loader.load(engine=engine, data_dir=data_dir)

    stored, _ = stored_and_assembled(engine)
    assert "allergy" not in stored[ALLERGY]["tags"]
    assert stored[ALLERGY]["relations"] == []
    assert stored[ALLERGY]["revision"] == 2
    assert_documents_match_rows(engine)


def test_every_kind_of_curator_write_renders_the_document_anew(curator: Curator) -> None:
    client, url = curator.client, f"/v1/claims/{ALLERGY}"

    def write(method: str, path: str, body: Any = None) -> dict[str, Any]:
        etag = client.get(url).headers["ETag"]
        answer = client.request(method, path, json=body, headers={**curator.auth, "If-Match": etag})
        assert answer.status_code == 200, answer.text
        assert client.get(url).json() == answer.json()  # what the next read copies
        assert_documents_match_rows(curator.engine)
        return dict(answer.json())

    write("PATCH", url, {"title": "Allergic reactions to Botox"})
    relation = {"kind": "rests_on", "target": "botox-fda-approved-for-chronic-migraine"}
    assert relation in write("POST", f"{url}/relations", relation)["relations"]
    removed = write("DELETE", f"{url}/relations/rests_on/{relation['target']}")
    assert relation not in removed["relations"]
    assert write("POST", f"{url}/retraction", {"reason": "A test."})["status"] == "retracted"
    assert write("DELETE", f"{url}/retraction")["revision"] == 6


def test_claims_migrated_without_documents_read_the_same_until_a_load_renders_them(
    engine: Engine, data_dir: Path, settings: Settings
) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    paths = [
        f"/v1/claims/{ALLERGY}",
        "/v1/claims?limit=5",
        "/v1/claims?q=allergic&facet=tag",
        "/v1/risk-factors",
        "/v1/export",
    ]
    with TestClient(create_app(settings)) as client:
        before = [client.get(path).content for path in paths]
    with engine.begin() as connection:  # as the migration leaves a database loaded before
        connection.execute(update(ClaimRow).values(document=None))

    with TestClient(create_app(settings)) as client:
        assert [client.get(path).content for path in paths] == before

    assert loader.load(engine=engine, data_dir=data_dir, only_if_changed=True).skipped
    with engine.connect() as connection:
        missing = connection.execute(text("SELECT count(*) FROM claim WHERE document IS NULL"))
        assert missing.scalar() == 0
    assert_documents_match_rows(engine)
