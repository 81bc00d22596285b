"""HTTP behaviour apps rely on: validators and 304s, caching, gzip, CORS, HEAD, Link."""

import gzip
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.config import Settings
from api.main import create_app
from api.writes import loader
from tests.helpers import CLAIMS_FILE, Curator, claim, edit_yaml


def test_every_get_answers_with_an_etag_and_cache_control(client: TestClient) -> None:
    for path in (
        "/v1/claims",
        "/v1/risk-factors",
        "/v1/tags",
        "/v1/sources",
        "/healthz",
        "/openapi.json",
    ):
        response = client.get(path)
        assert response.headers["etag"].startswith('W/"'), path
        assert response.headers["cache-control"] == "public, no-cache", path


def test_records_that_can_be_edited_carry_their_revision_as_a_strong_etag(
    client: TestClient,
) -> None:
    """If-Match needs a strong validator; the revision is one, and 304s work with it too."""
    claim = client.get("/v1/claims/risk-factor-allergic-reactions")
    tag = client.get("/v1/tags/allergy")

    assert claim.headers["etag"] == '"r1"'
    assert tag.headers["etag"] == '"r1.n1"'  # revision 1, one claim carries it
    for response in (claim, tag):
        assert response.headers["cache-control"] == "public, no-cache"
        again = client.get(response.url, headers={"If-None-Match": response.headers["etag"]})
        assert again.status_code == 304 and again.content == b""
    as_jsonld = client.get(claim.url, headers={"Accept": "application/ld+json"})
    assert as_jsonld.headers["etag"] == '"r1.jsonld"'


def test_a_matching_if_none_match_gets_304_with_no_body(client: TestClient) -> None:
    first = client.get("/v1/risk-factors")

    again = client.get("/v1/risk-factors", headers={"If-None-Match": first.headers["etag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    assert "content-type" not in again.headers


def test_if_none_match_accepts_lists_strong_forms_and_star(client: TestClient) -> None:
    etag = client.get("/v1/tags/allergy").headers["etag"]
    strong = etag.removeprefix("W/")

    for header in (f'"nope", {etag}', strong, "*"):
        response = client.get("/v1/tags/allergy", headers={"If-None-Match": header})
        assert response.status_code == 304, header
    assert client.get("/v1/tags/allergy", headers={"If-None-Match": '"nope"'}).status_code == 200


def test_different_answers_have_different_etags(client: TestClient) -> None:
    one = client.get("/v1/claims", params={"limit": 1}).headers["etag"]
    two = client.get("/v1/claims", params={"limit": 2}).headers["etag"]

    assert one != two


def test_errors_carry_no_etag(client: TestClient) -> None:
    assert "etag" not in client.get("/v1/claims/no-such-claim").headers


def test_the_etag_changes_exactly_when_a_load_changes_the_answer(
    engine: Engine, settings: Settings, data_dir: Path
) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    with TestClient(create_app(settings)) as client:
        _etag_follows_loads(client, engine, data_dir)


def _etag_follows_loads(client: TestClient, engine: Engine, data_dir: Path) -> None:
    claim_url, tag_url = "/v1/claims/botox-cosmetic-use", "/v1/tags/allergy"
    before = {url: client.get(url).headers["etag"] for url in (claim_url, tag_url)}

    loader.load(engine=engine, data_dir=data_dir)  # same data: nothing changes
    assert {url: client.get(url).headers["etag"] for url in before} == before

    def retitle(document: Any) -> None:
        claim(document, "botox-cosmetic-use")["title"] = "Botox in cosmetics"

    edit_yaml(data_dir, CLAIMS_FILE, retitle)
    loader.load(engine=engine, data_dir=data_dir)

    stale = client.get(claim_url, headers={"If-None-Match": before[claim_url]})
    assert stale.status_code == 200
    assert stale.json()["title"] == "Botox in cosmetics"
    assert stale.headers["etag"] != before[claim_url]
    untouched = client.get(tag_url, headers={"If-None-Match": before[tag_url]})
    assert untouched.status_code == 304


def test_gzip_for_clients_that_ask(client: TestClient) -> None:
    response = client.get("/v1/claims", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/v1/claims", headers={"Accept-Encoding": "identity"})

    assert response.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in response.headers["vary"].lower()
    assert "content-encoding" not in plain.headers
    assert response.json() == plain.json()
    assert int(response.headers["content-length"]) < len(gzip.compress(plain.content)) + 100
    assert response.headers["etag"] == plain.headers["etag"]


def test_cors_is_open_for_reads_from_any_origin(client: TestClient) -> None:
    simple = client.get("/v1/risk-factors", headers={"Origin": "https://app.example"})
    preflight = client.options(
        "/v1/claims",
        headers={
            "Origin": "https://app.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )

    assert simple.headers["access-control-allow-origin"] == "*"
    assert "ETag" in simple.headers["access-control-expose-headers"]
    assert preflight.status_code == 200
    assert "GET" in preflight.headers["access-control-allow-methods"]


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    for path in (
        "/v1/claims",
        "/v1/claims/risk-factor-allergic-reactions",
        "/healthz",
        "/v1/claims/no-such-claim",
    ):
        get = client.get(path)
        head = client.head(path)

        assert head.status_code == get.status_code, path
        assert head.content == b"", path
        assert head.headers.get("etag") == get.headers.get("etag"), path
        assert head.headers["content-length"] == get.headers["content-length"], path


def test_lists_send_an_rfc_8288_link_header(client: TestClient) -> None:
    first = client.get("/v1/claims", params={"limit": 5})
    middle = client.get("/v1/claims", params={"limit": 5, "offset": 5})

    assert first.headers["link"] == f'<{first.json()["links"]["next"]}>; rel="next"'
    assert middle.headers["link"] == (
        f'<{middle.json()["links"]["next"]}>; rel="next", '
        f'<{middle.json()["links"]["prev"]}>; rel="prev"'
    )


def test_links_use_the_configured_public_url_not_the_host_header(
    loaded_settings: Settings,
) -> None:
    settings = loaded_settings.model_copy(
        update={"public_url": "https://kb.example.org/api", "allowed_hosts": None}
    )
    with TestClient(create_app(settings)) as client:
        body = client.get(
            "/v1/claims", params={"limit": 5}, headers={"Host": "evil.example"}
        ).json()

    assert body["links"]["self"] == "https://kb.example.org/api/v1/claims?limit=5"
    assert body["links"]["next"].startswith("https://kb.example.org/api/v1/claims?limit=5&cursor=")


def test_no_link_ever_names_the_host_a_client_sent_when_a_public_url_is_set(
    curator: Curator,
) -> None:
    settings = curator.settings.model_copy(
        update={"public_url": "https://kb.example.org", "allowed_hosts": None}
    )
    evil = {"Host": "evil.example"}
    with TestClient(create_app(settings)) as client:
        answers = [
            client.get(path, headers={**evil, "Accept": accept})
            for path, accept in [
                ("/v1/claims?limit=2", "application/json"),
                ("/v1/claims/risk-factor-inadequate-dosage", "application/ld+json"),
                ("/v1/changes?limit=2", "application/json"),
                ("/fhir/ClinicalUseDefinition", "application/fhir+json"),
            ]
        ]
        answers.append(
            client.post(
                "/v1/tags",
                json={"slug": "host-test", "label": "Host test", "description": "A test."},
                headers={**evil, **curator.auth},
            )
        )

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 201]
    assert answers[-1].headers["location"] == "https://kb.example.org/v1/tags/host-test"
    for answer in answers:
        assert "evil" not in answer.text and "evil" not in str(answer.headers)
    assert "https://kb.example.org" in answers[0].text + answers[1].text + answers[3].text


def test_without_a_public_url_only_this_machines_names_are_answered(
    loaded_settings: Settings,
) -> None:
    settings = loaded_settings.model_copy(update={"public_url": None, "allowed_hosts": None})
    with TestClient(create_app(settings)) as client:
        refused = client.get("/v1/claims", headers={"Host": "evil.example"})
        local = [
            client.get("/v1/tags", headers={"Host": host}).status_code
            for host in ("localhost:8000", "127.0.0.1", "[::1]:8000")
        ]
        probed = client.get("/healthz", headers={"Host": "10.0.0.7:8000"})  # a load balancer

    assert refused.status_code == 400
    assert refused.headers["content-type"] == "application/problem+json"
    assert "KB_PUBLIC_URL" in refused.json()["detail"] and "evil" not in refused.text
    assert local == [200, 200, 200]
    assert probed.status_code == 200


def test_allowed_hosts_name_the_hosts_and_subdomains_served(loaded_settings: Settings) -> None:
    settings = loaded_settings.model_copy(
        update={"public_url": None, "allowed_hosts": ["kb.example.org", "*.kb.example.org"]}
    )
    with TestClient(create_app(settings)) as client:
        statuses = {
            host: client.get("/v1/tags", headers={"Host": host}).status_code
            for host in ("kb.example.org", "eu.kb.example.org:443", "kb.example.org.evil", "x")
        }

    assert statuses == {
        "kb.example.org": 200,
        "eu.kb.example.org:443": 200,
        "kb.example.org.evil": 400,
        "x": 400,
    }


def test_allowed_hosts_are_read_comma_separated_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KB_ALLOWED_HOSTS", "kb.example.org, *.example.net")
    assert Settings().served_hosts == ["kb.example.org", "*.example.net"]
    monkeypatch.delenv("KB_ALLOWED_HOSTS")
    assert Settings(public_url="https://kb.example.org").served_hosts == ["*"]
    assert Settings(public_url=None).served_hosts == ["localhost", "127.0.0.1", "::1"]


def test_a_304_varies_as_its_200_does(client: TestClient) -> None:
    ok = client.get("/v1/claims", headers={"Accept-Encoding": "gzip"})
    not_modified = client.get(
        "/v1/claims", headers={"Accept-Encoding": "gzip", "If-None-Match": ok.headers["etag"]}
    )

    assert not_modified.status_code == 304
    assert set(not_modified.headers["vary"].split(", ")) == set(ok.headers["vary"].split(", "))


def test_every_answer_says_how_little_a_browser_may_do_with_it(curator: Curator) -> None:
    """No type sniffing, no framing, no referrer; data may run or load nothing, the docs
    pages only their own scripts; and a write's answer is nobody's to keep."""
    client = curator.client
    created = client.post(
        "/v1/tags",
        json={"slug": "headers", "label": "Headers", "description": "For a test."},
        headers=curator.auth,
    )
    answers = {
        "a read": client.get("/v1/claims/risk-factor-allergic-reactions"),
        "the same read, kept": client.get("/v1/claims/risk-factor-allergic-reactions"),
        "a problem": client.get("/v1/claims/no-such-claim"),
        "a write": created,
        "the docs": client.get("/docs"),
    }
    assert answers["the same read, kept"].headers.get("cache-status", "").startswith("kb; hit")
    for what, response in answers.items():
        assert response.headers["x-content-type-options"] == "nosniff", what
        assert response.headers["referrer-policy"] == "no-referrer", what
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy, what
        assert ("script-src 'self'" in policy) == (what == "the docs"), what
    assert created.status_code == 201
    assert created.headers["cache-control"] == "no-store"
    assert answers["a read"].headers["cache-control"] == "public, no-cache"
