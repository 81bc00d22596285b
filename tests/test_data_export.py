"""data/ stays the source of truth: `kb export DIR` writes the database back as a data
folder, and loading that folder into an empty database gives the same records."""

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from api.records.claims import Claim
from api.store import migrate, reads
from api.store.engine import make_engine
from api.writes import data_folder
from api.writes.data_files import write_data
from api.writes.validation import DataError
from tests.conftest import DATA_DIR, database_url
from tests.helpers import CLAIMS_FILE, Curator, claim, edit_yaml, kb

SOURCE = "can-botox-for-migraines-make-them-worse"


def records(client: TestClient) -> list[dict[str, Any]]:
    """Every record of the export, without revision numbers (they count one database's
    changes) or the header (it names the revision)."""
    lines = [json.loads(line) for line in client.get("/v1/export").text.splitlines()]
    return [{k: v for k, v in r.items() if k != "revision"} for r in lines[1:]]


def normal(claims: list[Claim]) -> list[dict[str, Any]]:
    """Claims with their tags and relations in one order (a tag list is a set)."""
    dumped = [c.model_dump(mode="json") for c in claims]
    for record in dumped:
        record["tags"].sort()
        record["relations"].sort(key=lambda r: (r["kind"], r["target"]))
    return dumped


def curate(curator: Curator) -> None:
    """Edits of every kind, through the API."""
    client, auth = curator.client, curator.auth

    def match(path: str) -> dict[str, str]:
        return {**auth, "If-Match": client.get(path).headers["etag"]}

    allergy = "/v1/claims/risk-factor-allergic-reactions"
    assert client.patch(
        allergy, json={"title": "Allergic reactions to Botox"}, headers=match(allergy)
    ).is_success
    timing = "/v1/claims/risk-factor-timing-of-treatment"
    assert client.post(
        f"{timing}/retraction", json={"reason": "Under review."}, headers=match(timing)
    ).is_success
    assert client.post(
        "/v1/tags",
        json={"slug": "injection", "label": "Injection", "description": "How it is given."},
        headers=auth,
    ).is_success
    assert client.patch(
        "/v1/tags/botox", json={"label": "Botox®"}, headers=match("/v1/tags/botox")
    ).is_success
    text = "Second article.\r\nBotox may help some people — not all.\n"
    assert client.post(
        "/v1/sources",
        json={
            "id": "second-article",
            "title": "Second article",
            "language": "en",
            "media_type": "text/plain",
            "published": "2024-05-01",
            "text": text,
        },
        headers=auth,
    ).is_success
    assert client.post(
        "/v1/claims",
        json={
            "id": "botox-may-help-some",
            "type": "benefit",
            "source": "second-article",
            "title": "Botox may help some people",
            "statement": "Botox may help some people, not all.",
            "quote": "Botox may help some people — not all.",
            "certainty": "possible",
            "hedges": ["may", "some"],
            "migraine_effect": "relieves",
            "tags": ["botox", "injection"],
            "relations": [{"kind": "qualifies", "target": "botox-may-make-migraines-worse"}],
        },
        headers=auth,
    ).is_success


def test_an_untouched_knowledge_base_exports_as_the_data_it_was_loaded_from(
    curator: Curator, tmp_path: Path
) -> None:
    write_data(curator.engine, tmp_path / "out")

    exported = data_folder.read_data(tmp_path / "out")
    original = data_folder.read_data(DATA_DIR)

    assert normal(exported.claims) == normal(original.claims)
    assert sorted(exported.tags, key=lambda t: t.slug) == sorted(
        original.tags, key=lambda t: t.slug
    )
    assert exported.sources == original.sources
    assert exported.texts == original.texts


def test_api_edits_round_trip_through_kb_export_and_kb_load(
    curator: Curator, tmp_path: Path
) -> None:
    curate(curator)
    out = tmp_path / "exported"

    exported = kb("export", str(out), database_url=curator.settings.database_url)
    backend = "sqlite" if curator.engine.dialect.name == "sqlite" else "postgresql"
    fresh = Settings(database_url=database_url(backend, tmp_path), data_dir=out)
    loaded = kb("load", str(out), database_url=fresh.database_url)

    assert exported.returncode == 0, exported.stderr
    assert "2 sources, 23 tags, 22 claims" in exported.stdout
    assert loaded.returncode == 0, loaded.stderr
    with TestClient(create_app(fresh)) as reloaded:
        assert records(reloaded) == records(curator.client)
        retracted = reloaded.get("/v1/claims/risk-factor-timing-of-treatment").json()
        assert retracted["status"] == "retracted"
        assert retracted["retraction_reason"] == "Under review."
    raw = (out / "sources" / "second-article.txt").read_bytes()
    assert raw == "Second article.\r\nBotox may help some people — not all.\n".encode()


def test_an_export_replaces_the_records_and_keeps_other_files(
    curator: Curator, tmp_path: Path
) -> None:
    out = tmp_path / "data"
    (out / "claims").mkdir(parents=True)
    (out / "README.md").write_text("notes")
    (out / "claims" / "stale.yaml").write_text("source: gone\nclaims: []\n")

    write_data(curator.engine, out)

    assert (out / "README.md").read_text() == "notes"
    assert sorted(p.name for p in (out / "claims").iterdir()) == [f"{SOURCE}.yaml"]
    assert not [p for p in out.iterdir() if p.name.startswith(".export-")]


def test_an_empty_database_exports_an_empty_folder_that_a_load_refuses(tmp_path: Path) -> None:
    settings = Settings(database_url=database_url("sqlite", tmp_path))
    engine = make_engine(settings)
    migrate.upgrade(engine)

    counts = write_data(engine, tmp_path / "out")
    engine.dispose()

    assert counts == {"sources": 0, "tags": 0, "claims": 0}
    with pytest.raises(DataError, match="holds no"):
        data_folder.read_data(tmp_path / "out")


def test_a_load_will_not_silently_undo_curators_edits(curator: Curator, data_dir: Path) -> None:
    """An edit made through the API reaches data/ by `kb export`; a load of data/ that
    does not hold it yet is refused, naming the record, unless forced."""
    curate(curator)
    url = curator.settings.database_url

    refused = kb("load", str(data_dir), database_url=url)
    before_export = curator.client.get("/v1/claims/risk-factor-allergic-reactions").json()
    kb("export", str(data_dir), database_url=url)
    after_export = kb("load", str(data_dir), database_url=url)
    forced = kb("load", str(DATA_DIR), "--force", database_url=url)

    assert refused.returncode == 1
    assert "claim 'risk-factor-allergic-reactions': was changed through the API" in (refused.stderr)
    assert "source 'second-article'" in refused.stderr  # it would be deleted
    assert before_export["title"] == "Allergic reactions to Botox"  # the edit survived
    assert after_export.returncode == 0
    assert "nothing changed" in after_export.stdout
    assert forced.returncode == 0
    reverted = curator.client.get("/v1/claims/risk-factor-allergic-reactions").json()
    assert reverted["title"] == "Allergic Reactions"
    history = curator.client.get("/v1/claims/risk-factor-allergic-reactions/revisions").json()
    assert history["data"][0]["by"] == "kb load"
    assert history["data"][0]["before"]["title"] == "Allergic reactions to Botox"  # kept


def test_text_that_yaml_would_mangle_still_round_trips(curator: Curator, tmp_path: Path) -> None:
    """PyYAML writes NEL (U+0085) raw, and reads it back as a line break: such text is
    written escaped instead. (A source's text and a quote hold whatever the source does;
    a curator's own text refuses control characters, so the statement carries U+2028.)"""
    text = "Intro.\x85Botox may help\u2028some — not all.\n"
    source = {
        "id": "odd-text",
        "title": "Odd text",
        "language": "en",
        "media_type": "text/plain",
    }
    assert curator.client.post(
        "/v1/sources", json={**source, "text": text}, headers=curator.auth
    ).is_success
    claim = {
        "id": "odd-claim",
        "type": "benefit",
        "source": "odd-text",
        "title": "Odd title",
        "statement": "Botox may help\u2028some.",
        "quote": "Intro.\x85Botox may help",
        "certainty": "possible",
        "hedges": ["may"],
        "migraine_effect": "relieves",
    }
    assert curator.client.post("/v1/claims", json=claim, headers=curator.auth).is_success

    write_data(curator.engine, tmp_path / "out")
    data = data_folder.read_data(tmp_path / "out")

    [odd] = [c for c in data.claims if c.id == "odd-claim"]
    assert (odd.statement, odd.quote) == ("Botox may help\u2028some.", "Intro.\x85Botox may help")
    assert data.texts["odd-text"] == text


def test_an_export_is_one_snapshot_even_while_curators_write(
    curator: Curator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A claim moved to a later place while the export is half-way must appear once,
    as it was when the export began."""
    monkeypatch.setattr(reads, "EXPORT_BATCH", 4)
    real = reads.claims_from_rows
    written: list[int] = []
    text = curator.client.get(f"/v1/sources/{SOURCE}").json()["text"]
    later = text[2300:2340]
    assert text.count(later) == 1

    def write_midway(session: Any, rows: Any) -> Any:
        if not written:  # after the first batch is read, a curator moves an early claim
            written.append(0)
            written[0] = curator.client.patch(
                "/v1/claims/migraine-is-a-common-condition",
                json={"quote": later},
                headers={**curator.auth, "If-Match": '"r1"'},
            ).status_code
        return real(session, rows)

    monkeypatch.setattr(reads, "claims_from_rows", write_midway)
    counts = write_data(curator.engine, tmp_path / "out")

    assert written == [200]
    assert counts["claims"] == 21
    exported = data_folder.read_data(tmp_path / "out")  # no id twice
    [early] = [c for c in exported.claims if c.id == "migraine-is-a-common-condition"]
    assert early.start == 41  # as before the write


def test_once_exported_an_edit_may_be_changed_again_in_data(
    curator: Curator, data_dir: Path
) -> None:
    """The load of an export finds the API's edits in data/; a later hand edit of the
    same record loads without --force."""
    curate(curator)
    url = curator.settings.database_url
    assert kb("export", str(data_dir), database_url=url).returncode == 0
    assert kb("load", str(data_dir), database_url=url).returncode == 0

    def retitle(document: Any) -> None:
        claim(document, "risk-factor-allergic-reactions")["title"] = "Allergy to Botox"

    edit_yaml(data_dir, CLAIMS_FILE, retitle)
    loaded = kb("load", str(data_dir), database_url=url)

    assert loaded.returncode == 0, loaded.stderr
    served = curator.client.get("/v1/claims/risk-factor-allergic-reactions").json()
    assert served["title"] == "Allergy to Botox"
