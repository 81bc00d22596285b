"""Sources: the texts claims quote, with hashes to verify them by."""

import hashlib

from fastapi.testclient import TestClient

from api.config import REPO_ROOT
from tests.helpers import ARTICLE_CLAIMS

SOURCE = "can-botox-for-migraines-make-them-worse"


def test_list_sources_without_their_text(client: TestClient) -> None:
    body = client.get("/v1/sources").json()

    assert body["meta"]["total"] == 1
    (source,) = body["data"]
    assert "text" not in source
    assert source["id"] == SOURCE
    assert source["title"] == "Can Botox for Migraines Make Them Worse?"
    assert source["author"] is None and source["published"] is None and source["url"] is None
    assert source["claim_count"] == ARTICLE_CLAIMS
    assert source["length"] == 2689


def test_a_source_carries_its_exact_text_and_hash(client: TestClient) -> None:
    source = client.get(f"/v1/sources/{SOURCE}").json()
    reference = REPO_ROOT.parent / "shared" / "source" / "article.txt"
    stored = (REPO_ROOT / "data" / "sources" / f"{SOURCE}.txt").read_bytes()

    assert source["text"].encode("utf-8") == stored
    assert hashlib.sha256(stored).hexdigest() == source["sha256"]
    assert source["sha256"] == "1527fd68f0ca1aa8beb7a5797210854a3741c005275dd52bf9374c4f93d97040"
    if reference.exists():
        assert reference.read_bytes() == stored


def test_unknown_source_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/sources/nowhere")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
