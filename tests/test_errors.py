"""Every error is RFC 9457 problem details with the right status; none is a 500."""

import json
import socket
import sqlite3
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, make_url

from api.config import Settings
from api.main import create_app
from tests.conftest import DATA_DIR, free_port, serving_process
from tests.helpers import Curator, snapshot


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


def test_an_unexpected_failure_is_a_500_problem_logged_once_without_a_trace_to_the_client(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/kb.sqlite3"))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    # The test client raises what reaches the server: nothing does.
    response = TestClient(app).get("/boom")

    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret internals" not in response.text
    assert response.json()["title"] == "Internal Server Error"
    assert response.headers["x-content-type-options"] == "nosniff"
    traced = [record for record in caplog.records if record.exc_info]
    assert len(traced) == 1 and "GET /boom" in traced[0].getMessage()


def test_a_url_or_headers_past_their_limits_are_problems_too(client: TestClient) -> None:
    client.get("/v1/tags")  # kept now: a kept answer is no way around the limits
    long_url = client.get("/v1/claims", params={"q": "a" * 9000})
    big_headers = client.get("/v1/tags", headers={"X-Padding": "b" * 20_000})

    assert long_url.status_code == 414
    assert big_headers.status_code == 431
    for answer in (long_url, big_headers):
        assert answer.headers["content-type"] == "application/problem+json"
        assert "limit" in answer.json()["detail"]


def test_kb_serve_answers_endless_or_unreadable_requests_with_problems(tmp_path: Path) -> None:
    """A client trickling its headers (or sending none) holds a connection only so long:
    then a 408 problem, and the connection is closed. A URL too long for the server to
    read is a 400 problem. Whole requests are unaffected."""
    port = free_port()
    command = [sys.executable, "-m", "api.cli", "serve", "--port", str(port)]
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kb.sqlite3'}",
        "KB_DATA_DIR": str(DATA_DIR),
        "KB_HEADER_TIMEOUT_SECONDS": "1",
    }
    with serving_process(command, port, env=env):
        started = time.monotonic()
        slow = answer_to(port, b"GET /v1/tags HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        took = time.monotonic() - started
        silent = answer_to(port, b"")
        unreadable = answer_to(port, b"GET /v1/claims?q=" + b"a" * 100_000 + b" HTTP/1.1\r\n\r\n")
        whole = httpx.get(f"http://127.0.0.1:{port}/v1/tags")

    for status, answer in ((408, slow), (408, silent), (400, unreadable)):
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(f"HTTP/1.1 {status} ".encode()), head
        assert b"content-type: application/problem+json" in head
        assert json.loads(body)["status"] == status
    assert 0.9 < took < 3
    assert b"could not be read" in unreadable
    assert whole.status_code == 200


def answer_to(port: int, sent: bytes) -> bytes:
    """What the server answers to `sent` on a connection of its own, until it closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(sent)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
        return answer


# Bodies: JSON, and nothing looser -----------------------------------------------------

CLAIM = "/v1/claims/risk-factor-inadequate-dosage"


def test_a_body_that_is_not_json_is_a_415(curator: Curator) -> None:
    answers = [
        curator.client.post(
            "/v1/tags", content=b'{"slug": "x"}', headers={**curator.auth, "Content-Type": sent}
        )
        for sent in ("text/plain", "application/x-www-form-urlencoded", "application/xml")
    ]
    answers.append(curator.client.post("/v1/tags", data={"slug": "x"}, headers=curator.auth))

    assert [answer.status_code for answer in answers] == [415] * 4
    assert all(a.headers["content-type"] == "application/problem+json" for a in answers)
    assert "JSON" in answers[0].json()["detail"]


def test_json_that_names_a_key_twice_or_holds_nan_is_refused(curator: Curator) -> None:
    etag = curator.client.get(CLAIM).headers["etag"]
    headers = {**curator.auth, "If-Match": etag, "Content-Type": "application/merge-patch+json"}
    bodies = [
        b'{"title": "Shown to a proxy", "title": "Stored"}',
        b'{"title": "A", "rank": NaN}',
        b'{"title": "A", "rank": Infinity}',
    ]
    answers = [curator.client.patch(CLAIM, content=body, headers=headers) for body in bodies]

    assert [answer.status_code for answer in answers] == [422, 422, 422]
    messages = [answer.json()["errors"][0]["message"] for answer in answers]
    assert "'title' is given twice" in messages[0]
    assert "NaN" in messages[1] and "Infinity" in messages[2]
    assert curator.client.get(CLAIM).json()["title"] == "Inadequate Dosage"


@pytest.mark.parametrize(
    ("title", "why"),
    [
        ("   ", "blank"),
        ("Dosage \u202egnorw", "U+202E"),  # a right-to-left override: reads "wrong"
        ("Dos\u200bage", "U+200B"),  # a zero-width space
        ("Dosage\nand more", "one line"),
        ("Dosage\u2028and more", "one line"),  # a line separator breaks a line too
        ("x" * 201, "at most 200"),
    ],
)
def test_text_a_reader_cannot_see_as_written_is_refused(
    curator: Curator, title: str, why: str
) -> None:
    etag = curator.client.get(CLAIM).headers["etag"]
    answer = curator.client.patch(
        CLAIM, json={"title": title}, headers={**curator.auth, "If-Match": etag}
    )

    assert answer.status_code == 422
    assert why in answer.json()["errors"][0]["message"], answer.json()


def test_scripts_that_need_joiners_and_direction_marks_keep_them(curator: Curator) -> None:
    title = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u200f(Botox)"  # Persian ZWNJ, RLM
    etag = curator.client.get(CLAIM).headers["etag"]
    answer = curator.client.patch(
        CLAIM, json={"title": title}, headers={**curator.auth, "If-Match": etag}
    )

    assert answer.status_code == 200 and answer.json()["title"] == title


# The database not as expected ----------------------------------------------------------


def test_a_database_without_tables_is_a_503_saying_it_is_not_ready(settings: Settings) -> None:
    if settings.database_url.startswith("sqlite"):
        path = Path(settings.database_url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()  # an empty file; PostgreSQL: an empty schema
    with TestClient(create_app(settings)) as client:
        answers = [client.get(path) for path in ("/v1/claims", "/v1/tags", "/v1/claims/x")]
        health = client.get("/healthz")

    for answer in answers:
        assert answer.status_code == 503, answer.text
        assert "not ready" in answer.json()["detail"]
        assert int(answer.headers["retry-after"]) > 0
    assert health.status_code == 503


def test_a_read_only_postgresql_refuses_writes_clearly_and_keeps_reading(
    curator: Curator,
) -> None:
    if not curator.settings.database_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL replica or default_transaction_read_only")
    url = make_url(curator.settings.database_url)
    options = f"{url.query.get('options', '')} -c default_transaction_read_only=on"
    read_only = url.update_query_dict({"options": options.strip()})
    settings = curator.settings.model_copy(
        update={"database_url": read_only.render_as_string(hide_password=False)}
    )
    with TestClient(create_app(settings)) as client:
        etag = client.get(CLAIM).headers["etag"]
        refused = client.patch(
            CLAIM, json={"title": "Not now"}, headers={**curator.auth, "If-Match": etag}
        )
        read = client.get(CLAIM)

    assert refused.status_code == 503
    assert "read-only" in refused.json()["detail"]
    assert read.status_code == 200 and read.json()["title"] == "Inadequate Dosage"


def test_a_full_sqlite_database_refuses_a_write_clearly_and_keeps_it_whole(
    curator: Curator,
) -> None:
    """SQLite's `max_page_count` makes the file as full as a full disk would: a write
    that needs room fails whole, says why, and reads go on."""
    if not curator.settings.database_url.startswith("sqlite"):
        pytest.skip("a full PostgreSQL disk cannot be made on a shared server")
    app = create_app(curator.settings)

    @event.listens_for(app.state.engine, "connect")
    def _full(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    before = snapshot(curator.engine)
    source = {
        "id": "a-long-article",
        "title": "A long article",
        "language": "en",
        "media_type": "text/plain",
        "text": "Botox may help some people with chronic migraine.\n" * 20_000,
    }
    with TestClient(app) as client:
        refused = client.post("/v1/sources", json=source, headers=curator.auth)
        read = client.get("/v1/sources")

    assert refused.status_code == 503, refused.text
    assert "no room" in refused.json()["detail"]
    assert int(refused.headers["retry-after"]) > 0
    assert read.status_code == 200
    assert snapshot(curator.engine) == before  # nothing half-written
