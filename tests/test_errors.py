"""Every error is RFC 9457 problem details with the right status; none is a 500."""

from pathlib import Path

from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app


def test_an_unknown_path_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/nothing-here")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "Not Found",
    }


def test_a_wrong_method_is_a_405_problem_saying_what_is_allowed(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE"):
        response = client.request(method, "/v1/claims/risk-factor-allergic-reactions")

        assert response.status_code == 405, method
        assert response.headers["allow"] == "GET, HEAD, PATCH"
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == "This resource answers only GET, HEAD, PATCH."

    read_only = client.request("PUT", "/v1/risk-factors")
    assert read_only.headers["allow"] == "GET, HEAD"


def test_a_422_lists_each_bad_field_with_what_was_sent(client: TestClient) -> None:
    response = client.get("/v1/tags", params={"limit": "many"})

    assert response.json()["errors"] == [
        {
            "location": "query.limit",
            "message": "must be a whole number written in digits (got 'many')",
        }
    ]


def test_hostile_input_is_answered_not_crashed_on(client: TestClient) -> None:
    for path in (
        "/v1/claims/' OR 1=1 --",
        "/v1/claims/%00",
        "/v1/claims/" + "x" * 5000,
        "/v1/tags/😀",
    ):
        response = client.get(path)
        assert response.status_code == 422, path
        assert response.json()["errors"][0]["message"].startswith("String should"), path
    assert client.get("/v1/sources/..%2F..%2Fetc%2Fpasswd").status_code == 404
    for params in ({"tag": "' OR 1=1 --"}, {"source": "😀"}, {"type": "risk_factor'"}):
        assert client.get("/v1/claims", params=params).status_code == 422, params


def test_an_unexpected_failure_is_a_500_problem_without_a_trace(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/kb.sqlite3"))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    response = TestClient(app, raise_server_exceptions=False).get("/boom")

    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret internals" not in response.text
    assert response.json()["title"] == "Internal Server Error"
