"""Mirroring the knowledge base: GET /v1/export streams it all as NDJSON."""

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.config import Settings
from api.main import create_app
from api.store import reads
from api.writes import loader
from tests.helpers import ARTICLE_CLAIMS, CLAIMS_FILE, claim, edit_yaml


def export(client: TestClient, **headers: str) -> list[dict[str, Any]]:
    response = client.get("/v1/export", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    return [json.loads(line) for line in response.text.splitlines()]


def test_every_line_is_one_typed_json_object(client: TestClient) -> None:
    lines = export(client)

    assert lines[0]["kind"] == "header"
    assert lines[0]["format"] == "migraine-claims-kb/export-v1"
    assert "not medical advice" in lines[0]["disclaimer"].lower()
    assert Counter(line["kind"] for line in lines) == {
        "header": 1,
        "source": 1,
        "tag": 22,
        "claim": ARTICLE_CLAIMS,
        "relation": 16,
    }


def test_records_are_the_ones_the_api_serves(client: TestClient) -> None:
    lines = export(client)
    claims = [
        {k: v for k, v in line.items() if k != "kind"} for line in lines if line["kind"] == "claim"
    ]
    (source,) = [line for line in lines if line["kind"] == "source"]

    assert claims == client.get("/v1/claims", params={"limit": 500}).json()["data"]
    assert {k: v for k, v in source.items() if k != "kind"} == client.get(
        f"/v1/sources/{source['id']}"
    ).json()
    relations = [line for line in lines if line["kind"] == "relation"]
    assert {
        "kind": "relation",
        "claim": "monitor-and-adjust-dosage-or-timing",
        "relation": "mitigates",
        "target": "risk-factor-inadequate-dosage",
    } in relations


def test_an_unchanged_knowledge_base_answers_304(client: TestClient) -> None:
    etag = client.get("/v1/export").headers["etag"]

    again = client.get("/v1/export", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.head("/v1/export").headers["etag"] == etag


def test_the_etag_changes_after_a_load_that_changes_data(
    engine: Engine, settings: Settings, data_dir: Path
) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    with TestClient(create_app(settings)) as client:
        before = client.get("/v1/export").headers["etag"]
        loader.load(engine=engine, data_dir=data_dir)
        assert client.get("/v1/export").headers["etag"] == before

        def retitle(document: Any) -> None:
            claim(document, "botox-cosmetic-use")["title"] = "Botox in cosmetics"

        edit_yaml(data_dir, CLAIMS_FILE, retitle)
        loader.load(engine=engine, data_dir=data_dir)
        response = client.get("/v1/export", headers={"If-None-Match": before})
    assert response.status_code == 200
    assert response.headers["etag"] != before
    assert '"title":"Botox in cosmetics"' in response.text


def test_it_streams_in_batches_without_holding_everything(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reads, "EXPORT_BATCH", 4)
    batches: list[int] = []
    real = reads.claims_from_rows

    def counting(session: Any, rows: Any) -> Any:
        batches.append(len(rows))
        return real(session, rows)

    monkeypatch.setattr(reads, "claims_from_rows", counting)
    with client.stream("GET", "/v1/export") as response:
        chunks = sum(1 for _ in response.iter_lines())

    assert chunks == 1 + 1 + 22 + ARTICLE_CLAIMS + 16
    assert batches == [4] * (ARTICLE_CLAIMS // 4) + [ARTICLE_CLAIMS % 4]


def test_a_load_that_changes_nothing_keeps_the_revision(
    engine: Engine, settings: Settings, data_dir: Path
) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    tags = data_dir / "tags.yaml"
    tags.write_text(tags.read_text() + "# a comment changes no record\n")
    with TestClient(create_app(settings)) as client:
        before = client.get("/v1/export").headers["etag"]
        loader.load(engine=engine, data_dir=data_dir)
        assert client.get("/v1/export").headers["etag"] == before


def test_the_export_is_offered_as_ndjson_only(client: TestClient) -> None:
    assert client.get("/v1/export", params={"format": "xml"}).status_code == 406
    assert client.get("/v1/export", headers={"Accept": "application/json"}).status_code == 406
    assert client.get("/v1/context.jsonld", headers={"Accept": "text/html"}).status_code == 406
