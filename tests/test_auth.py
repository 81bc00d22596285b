"""Reads are public; writes need a live API key, made and revoked with `kb keys`."""

import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from starlette.types import Receive, Scope, Send

from api.http import auth
from api.main import create_app
from tests.helpers import Curator, kb

TAG = {"slug": "injection", "label": "Injection", "description": "How Botox is given."}
WRITES = [
    ("POST", "/v1/claims", {}),
    ("PATCH", "/v1/claims/risk-factor-allergic-reactions", {"title": "X"}),
    ("POST", "/v1/claims/risk-factor-allergic-reactions/retraction", {"reason": "X"}),
    ("DELETE", "/v1/claims/risk-factor-allergic-reactions/retraction", None),
    ("POST", "/v1/claims/risk-factor-allergic-reactions/relations", {}),
    ("DELETE", "/v1/claims/risk-factor-allergic-reactions/relations/qualifies/x", None),
    ("POST", "/v1/tags", TAG),
    ("PATCH", "/v1/tags/botox", {"label": "X"}),
    ("POST", "/v1/sources", {}),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_every_write_without_a_key_is_a_401_problem(
    curator: Curator, method: str, path: str, body: object
) -> None:
    response = curator.client.request(method, path, json=body, headers={"If-Match": '"r1"'})

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in response.json()["detail"]


@pytest.mark.parametrize(
    "authorization",
    ["Bearer kbk_not-a-key", "Bearer ", "Basic dXNlcjpwYXNz", "kbk_no-scheme"],
)
def test_a_wrong_key_is_a_401_and_writes_nothing(curator: Curator, authorization: str) -> None:
    response = curator.client.post("/v1/tags", json=TAG, headers={"Authorization": authorization})

    assert response.status_code == 401
    assert curator.client.get("/v1/tags/injection").status_code == 404


def test_a_revoked_key_stops_working_at_once(curator: Curator) -> None:
    assert auth.revoke_key(curator.engine, "test-curator")

    response = curator.client.post("/v1/tags", json=TAG, headers=curator.auth)

    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_only_a_hash_of_a_key_is_stored(curator: Curator) -> None:
    with curator.engine.connect() as connection:
        stored = connection.execute(text("SELECT * FROM api_key")).mappings().all()

    assert len(stored) == 1
    assert curator.key not in " ".join(str(v) for row in stored for v in row.values())
    assert stored[0]["key_hash"] == auth._hash(curator.key)


def test_keys_appear_in_no_response_or_log(
    curator: Curator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    answers = [
        curator.client.post("/v1/tags", json=TAG, headers=curator.auth),
        curator.client.post("/v1/tags", json={"slug": "Bad Slug"}, headers=curator.auth),
        curator.client.get("/v1/changes"),
        curator.client.get("/v1/export"),
    ]

    for answer in answers:
        assert curator.key not in answer.text
        assert curator.key not in str(answer.headers)
    assert curator.key not in caplog.text
    changes = curator.client.get("/v1/changes", params={"limit": 1000}).json()["data"]
    assert changes[-1]["by"] == "test-curator"  # attributed by the key's name


def test_reads_stay_public(curator: Curator) -> None:
    for path in ("/v1/claims", "/v1/tags/botox", "/v1/changes", "/v1/export"):
        assert curator.client.get(path).status_code == 200, path


def test_kb_keys_create_list_and_revoke(curator: Curator) -> None:
    url = curator.settings.database_url

    created = kb("keys", "create", "mobile-app", database_url=url)
    again = kb("keys", "create", "mobile-app", database_url=url)
    key = created.stdout.strip()
    listed = kb("keys", "list", database_url=url)
    works = curator.client.post("/v1/tags", json=TAG, headers={"Authorization": f"Bearer {key}"})
    revoked = kb("keys", "revoke", "mobile-app", database_url=url)
    twice = kb("keys", "revoke", "mobile-app", database_url=url)
    refused = curator.client.patch(
        "/v1/tags/injection",
        json={"label": "Injections"},
        headers={"Authorization": f"Bearer {key}", "If-Match": '"r1"'},
    )

    assert created.returncode == 0 and key.startswith("kbk_") and len(key) > 40
    assert "cannot be shown again" in created.stderr
    assert again.returncode == 1 and "exists already" in again.stderr
    assert "mobile-app" in listed.stdout and "active" in listed.stdout
    assert key not in listed.stdout
    assert works.status_code == 201
    assert revoked.returncode == 0 and twice.returncode == 1
    assert refused.status_code == 401
    assert "revoked" in kb("keys", "list", database_url=url).stdout


def test_an_address_that_keeps_failing_to_authenticate_is_told_to_wait(
    curator: Curator,
) -> None:
    settings = curator.settings.model_copy(update={"auth_failures_per_minute": 3})
    app = create_app(settings)

    async def from_address(scope: Scope, receive: Receive, send: Send) -> None:
        """The app, seeing each request come from the address its test header names."""
        if scope["type"] == "http":
            given = dict(scope["headers"]).get(b"x-test-from", b"testclient").decode()
            scope = {**scope, "client": (given, 5000)}
        await app(scope, receive, send)

    guesser, elsewhere = {"X-Test-From": "203.0.113.7"}, {"X-Test-From": "198.51.100.2"}
    with TestClient(from_address) as client:
        guesses = [
            client.post(
                "/v1/tags", json=TAG, headers={**guesser, "Authorization": f"Bearer kbk_{n}"}
            )
            for n in range(5)
        ]
        with_the_key = client.post("/v1/tags", json=TAG, headers={**guesser, **curator.auth})
        other_address = client.post("/v1/tags", json=TAG, headers={**elsewhere, **curator.auth})

    assert [g.status_code for g in guesses] == [401, 401, 401, 429, 429]
    refused = guesses[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert 0 < int(refused.headers["retry-after"]) <= 60
    assert refused.headers["ratelimit-limit"] == "3"
    assert refused.headers["ratelimit-remaining"] == "0"
    assert with_the_key.status_code == 429  # a right guess looks like a wrong one
    assert other_address.status_code == 201


def test_a_key_that_writes_too_often_is_told_to_wait(curator: Curator) -> None:
    settings = curator.settings.model_copy(update={"writes_per_minute": 2})
    with TestClient(create_app(settings)) as client:
        answers = [
            client.post(
                "/v1/tags",
                json={**TAG, "slug": f"injection-{n}"},
                headers=curator.auth,
            )
            for n in range(3)
        ]

    assert [a.status_code for a in answers] == [201, 201, 429]
    assert "too many changes" in answers[-1].json()["detail"]
    assert int(answers[-1].headers["retry-after"]) > 0
    assert curator.client.get("/v1/tags/injection-2").status_code == 404
