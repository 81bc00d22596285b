"""The health check answers ok only when the database answers."""

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
