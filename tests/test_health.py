"""The health check answers ok only when the database answers."""

import time
from pathlib import Path

from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app


def test_healthy_when_the_database_answers(client: TestClient) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_503_problem_when_the_database_does_not(tmp_path: Path) -> None:
    unreachable = Settings(database_url=f"sqlite:///{tmp_path}/no/such/dir/kb.sqlite3")

    response = TestClient(create_app(unreachable)).get("/healthz")

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "The database is not answering."
    assert int(response.headers["retry-after"]) > 0  # a monitor or client knows when to ask again


def test_a_claim_by_id_while_postgresql_does_not_answer_is_a_prompt_503() -> None:
    """Reads by key wait for a connection of their own pool at most `queue_wait_seconds`;
    then they are a 503 like every other read, never a 500 or a hang."""
    nobody = Settings(
        database_url="postgresql+psycopg://postgres@127.0.0.1:9/test", queue_wait_seconds=0.3
    )
    with TestClient(create_app(nobody)) as client:
        started = time.monotonic()
        response = client.get("/v1/claims/risk-factor-allergic-reactions")
        waited = time.monotonic() - started

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "retry-after" in response.headers
    assert response.json()["detail"] == "The database is busy or unreachable; retry shortly."
    assert waited < 2
