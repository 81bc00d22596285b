"""Reads are public; writes need a live API key, made and revoked with `kb keys`."""

import logging

import pytest
from sqlalchemy import text

from api.http import auth
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
