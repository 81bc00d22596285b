"""Curators change the knowledge base through the API: every write is checked as strictly
as `kb load` checks data/, needs the record's current ETag, and is all or nothing."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.main import create_app
from api.store import engine
from tests.helpers import ARTICLE_CLAIMS, Curator, snapshot

SOURCE = "can-botox-for-migraines-make-them-worse"
ALLERGY = "/v1/claims/risk-factor-allergic-reactions"


def source_text(curator: Curator) -> str:
    text: str = curator.client.get(f"/v1/sources/{SOURCE}").json()["text"]
    return text


def new_claim(**fields: Any) -> dict[str, Any]:
    """A background claim quoting a sentence that occurs once in the article."""
    return {
        "id": "botox-gained-popularity",
        "type": "background",
        "source": SOURCE,
        "title": "Botox has gained popularity",
        "statement": "Botox therapy has gained popularity in recent years.",
        "quote": "Botox therapy has gained popularity in recent years",
        "certainty": "asserted",
        "migraine_effect": "neither",
        "tags": ["botox"],
        **fields,
    }


def test_a_curator_creates_a_claim_and_its_offsets_are_found(curator: Curator) -> None:
    response = curator.client.post("/v1/claims", json=new_claim(), headers=curator.auth)

    assert response.status_code == 201
    claim = response.json()
    text = source_text(curator)
    assert text[claim["start"] : claim["end"]] == claim["quote"]
    assert claim["revision"] == 1 and claim["status"] == "active"
    assert response.headers["etag"] == '"r1"'
    assert response.headers["location"].endswith("/v1/claims/botox-gained-popularity")
    assert curator.client.get(response.headers["location"]).json() == claim
    total = curator.client.get("/v1/claims").json()["meta"]["total"]
    assert total == ARTICLE_CLAIMS + 1


def test_given_offsets_must_hold_the_quote(curator: Curator) -> None:
    response = curator.client.post(
        "/v1/claims", json=new_claim(start=0, end=51), headers=curator.auth
    )

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["location"] == "body.quote"
    assert "does not match the source at 0..51" in error["message"]
    assert "the quote occurs at" in error["message"]  # and says where it does occur


def test_a_quote_found_more_than_once_needs_offsets(curator: Curator) -> None:
    response = curator.client.post(
        "/v1/claims", json=new_claim(quote="Botox"), headers=curator.auth
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "body.start"
    assert "occurs" in response.json()["errors"][0]["message"]


def test_a_quote_not_in_the_source_is_refused(curator: Curator) -> None:
    response = curator.client.post(
        "/v1/claims", json=new_claim(quote="Botox cures migraines"), headers=curator.auth
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"location": "body.quote", "message": f"does not occur in source {SOURCE!r}"}
    ]


@pytest.mark.parametrize(
    ("fields", "location", "message"),
    [
        ({"tags": ["no-such-tag"]}, "body.tags", "unknown tag 'no-such-tag'"),
        ({"source": "no-such-source"}, "body.source", "unknown source 'no-such-source'"),
        (
            {"relations": [{"kind": "rests_on", "target": "no-such-claim"}]},
            "body.relations",
            "targets unknown claim 'no-such-claim'",
        ),
        ({"certainty": "possible"}, "body", "needs the hedges"),
        ({"hedges": ["perhaps"]}, "body", "hedge 'perhaps' is not in the quote"),
        ({"id": "Not A Slug"}, "body.id", "should match pattern"),
        ({"type": "no_such_type"}, "body", "does not match any of the expected tags"),
        ({"revision": 5}, "body.revision", "is set by the API"),
        ({"status": "retracted"}, "body.status", "created active"),
        ({"title": "nul\x00byte"}, "body.title", "NUL"),
    ],
)
def test_each_invalid_field_is_named_and_nothing_is_written(
    curator: Curator, fields: dict[str, Any], location: str, message: str
) -> None:
    before = snapshot(curator.engine)

    response = curator.client.post("/v1/claims", json=new_claim(**fields), headers=curator.auth)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert any(e["location"] == location and message in e["message"] for e in errors), errors
    assert snapshot(curator.engine) == before


def test_ids_are_unique(curator: Curator) -> None:
    taken = new_claim(id="risk-factor-allergic-reactions")

    response = curator.client.post("/v1/claims", json=taken, headers=curator.auth)

    assert response.status_code == 409
    assert "exists already" in response.json()["detail"]


def test_a_second_risk_factor_at_a_taken_rank_is_refused(curator: Curator) -> None:
    """Ranks run 1..n per source, as the source's list does: the rule of `kb load`."""
    factor = curator.client.get(ALLERGY).json()
    copy = {**factor, "id": "allergic-reactions-again"}
    for served in ("revision", "status"):
        copy.pop(served)

    response = curator.client.post("/v1/claims", json=copy, headers=curator.auth)

    assert response.status_code == 422
    messages = [e["message"] for e in response.json()["errors"]]
    assert any("rank 2 is used twice" in m for m in messages), messages


def test_an_update_changes_only_the_fields_given_and_counts_a_revision(curator: Curator) -> None:
    before = curator.client.get(ALLERGY)

    response = curator.client.patch(
        ALLERGY,
        json={"title": "Allergic reactions to Botox"},
        headers={**curator.auth, "If-Match": before.headers["etag"]},
    )

    assert response.status_code == 200
    after = response.json()
    assert after["title"] == "Allergic reactions to Botox"
    assert after["revision"] == 2 and response.headers["etag"] == '"r2"'
    unchanged = {k: v for k, v in before.json().items() if k not in ("title", "revision")}
    assert {k: after[k] for k in unchanged} == unchanged
    assert curator.client.get(ALLERGY).json() == after


def test_a_new_quote_without_offsets_is_found_in_the_source(curator: Curator) -> None:
    quote = "In rare cases, individuals may have an allergic reaction to Botox"
    etag = curator.client.get(ALLERGY).headers["etag"]

    response = curator.client.patch(
        ALLERGY,
        json={
            "quote": quote,
            "outcome": "an allergic reaction to Botox",
            "statement": "In rare cases, a person may have an allergic reaction to Botox.",
            "hedges": ["In rare cases", "may"],
        },
        headers={**curator.auth, "If-Match": etag},
    )

    assert response.status_code == 200, response.text
    claim = response.json()
    assert source_text(curator)[claim["start"] : claim["end"]] == quote


def test_an_update_that_changes_nothing_makes_no_revision(curator: Curator) -> None:
    title = curator.client.get(ALLERGY).json()["title"]

    response = curator.client.patch(
        ALLERGY, json={"title": title}, headers={**curator.auth, "If-Match": '"r1"'}
    )

    assert response.status_code == 200 and response.json()["revision"] == 1


def test_a_refused_update_changes_nothing(curator: Curator) -> None:
    before = snapshot(curator.engine)

    response = curator.client.patch(
        ALLERGY,
        json={"quote": "words the article never says", "tags": ["no-such-tag"]},
        headers={**curator.auth, "If-Match": '"r1"'},
    )

    assert response.status_code == 422
    assert {e["location"] for e in response.json()["errors"]} == {"body.quote"}
    assert snapshot(curator.engine) == before


def test_ids_never_change(curator: Curator) -> None:
    response = curator.client.patch(
        ALLERGY, json={"id": "another-id"}, headers={**curator.auth, "If-Match": '"r1"'}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "body.id"


def test_updates_need_if_match_and_a_current_one(curator: Curator) -> None:
    missing = curator.client.patch(ALLERGY, json={"title": "X"}, headers=curator.auth)
    weak = curator.client.patch(
        ALLERGY, json={"title": "X"}, headers={**curator.auth, "If-Match": 'W/"r1"'}
    )
    stale = curator.client.patch(
        ALLERGY, json={"title": "X"}, headers={**curator.auth, "If-Match": '"r7"'}
    )

    assert missing.status_code == 428
    assert weak.status_code == 412  # If-Match compares strongly (RFC 9110): W/ never matches
    assert stale.status_code == 412
    assert stale.headers["etag"] == '"r1"'
    assert "revision 1" in stale.json()["detail"]
    assert curator.client.get(ALLERGY).json()["title"] == "Allergic Reactions"


def test_a_retracted_claim_leaves_the_lists_and_still_answers_at_its_id(curator: Curator) -> None:
    response = curator.client.post(
        f"{ALLERGY}/retraction",
        json={"reason": "Superseded by a better-sourced claim."},
        headers={**curator.auth, "If-Match": '"r1"'},
    )

    assert response.status_code == 200
    claim = response.json()
    assert claim["status"] == "retracted"
    assert claim["retraction_reason"] == "Superseded by a better-sourced claim."
    assert claim["revision"] == 2
    assert curator.client.get(ALLERGY).json() == claim
    listed = [c["id"] for c in curator.client.get("/v1/risk-factors").json()["data"]]
    assert claim["id"] not in listed and len(listed) == 3
    retracted = curator.client.get("/v1/claims", params={"status": "retracted"}).json()
    assert [c["id"] for c in retracted["data"]] == [claim["id"]]
    both = curator.client.get("/v1/claims", params=[("status", "active"), ("status", "retracted")])
    assert both.json()["meta"]["total"] == ARTICLE_CLAIMS
    allergy_tag = curator.client.get("/v1/tags/allergy").json()
    assert allergy_tag["claim_count"] == 0  # counts what the tag filter lists


def test_a_retraction_can_be_undone_and_not_repeated(curator: Curator) -> None:
    headers = {**curator.auth, "If-Match": '"r1"'}
    curator.client.post(f"{ALLERGY}/retraction", json={"reason": "Mistaken."}, headers=headers)

    again = curator.client.post(
        f"{ALLERGY}/retraction", json={"reason": "Twice."}, headers={**headers, "If-Match": "*"}
    )
    restored = curator.client.delete(
        f"{ALLERGY}/retraction", headers={**curator.auth, "If-Match": '"r2"'}
    )

    assert again.status_code == 409
    assert restored.status_code == 200
    assert restored.json()["status"] == "active" and "retraction_reason" not in restored.json()
    assert restored.json()["revision"] == 3
    assert len(curator.client.get("/v1/risk-factors").json()["data"]) == 4


def test_relations_are_added_and_removed(curator: Curator) -> None:
    created = curator.client.post("/v1/claims", json=new_claim(), headers=curator.auth).json()
    url = f"/v1/claims/{created['id']}/relations"
    relation = {"kind": "qualifies", "target": "botox-may-make-migraines-worse"}

    added = curator.client.post(url, json=relation, headers={**curator.auth, "If-Match": '"r1"'})
    removed = curator.client.delete(
        f"{url}/qualifies/botox-may-make-migraines-worse",
        headers={**curator.auth, "If-Match": '"r2"'},
    )
    gone = curator.client.delete(
        f"{url}/qualifies/botox-may-make-migraines-worse",
        headers={**curator.auth, "If-Match": '"r3"'},
    )

    assert added.status_code == 200 and added.json()["relations"] == [relation]
    assert removed.status_code == 200 and removed.json()["relations"] == []
    assert gone.status_code == 404


def test_a_relation_may_not_close_a_loop(curator: Curator) -> None:
    """botox-may-block-neurotransmitter-release is followed from by another claim; the
    reverse relation would make it rest on itself."""
    follower = curator.client.get("/v1/claims", params={"limit": 500}).json()["data"]
    pairs = [
        (c["id"], r["target"])
        for c in follower
        for r in c["relations"]
        if r["kind"] == "follows_from"
    ]
    source_id, target_id = pairs[0]
    etag = curator.client.get(f"/v1/claims/{target_id}").headers["etag"]

    response = curator.client.post(
        f"/v1/claims/{target_id}/relations",
        json={"kind": "follows_from", "target": source_id},
        headers={**curator.auth, "If-Match": etag},
    )

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["location"] == "body.relations" or "loops" in error["message"]
    assert "loops" in error["message"]


def test_tags_are_created_and_updated(curator: Curator) -> None:
    tag = {"slug": "injection", "label": "Injection", "description": "How Botox is given."}

    created = curator.client.post("/v1/tags", json=tag, headers=curator.auth)
    duplicate = curator.client.post("/v1/tags", json=tag, headers=curator.auth)
    updated = curator.client.patch(
        "/v1/tags/injection",
        json={"label": "Injections"},
        headers={**curator.auth, "If-Match": created.headers["etag"]},
    )
    stale = curator.client.patch(
        "/v1/tags/injection",
        json={"label": "Shots"},
        headers={**curator.auth, "If-Match": created.headers["etag"]},
    )

    assert created.status_code == 201
    assert created.json() == {**tag, "codes": [], "claim_count": 0, "revision": 1}
    assert duplicate.status_code == 409
    assert updated.status_code == 200 and updated.json()["label"] == "Injections"
    assert updated.json()["revision"] == 2
    assert stale.status_code == 412
    assert (
        curator.client.post(
            "/v1/claims", json=new_claim(tags=["botox", "injection"]), headers=curator.auth
        ).status_code
        == 201
    )


def test_a_tag_etag_survives_changes_to_its_claims_count(curator: Curator) -> None:
    """The count is derived; a claim gaining the tag is no reason to refuse a tag edit."""
    etag = curator.client.get("/v1/tags/botox").headers["etag"]
    curator.client.post("/v1/claims", json=new_claim(), headers=curator.auth)
    assert curator.client.get("/v1/tags/botox").headers["etag"] != etag  # caches revalidate

    response = curator.client.patch(
        "/v1/tags/botox",
        json={"description": "Botox (botulinum toxin) and treatment with it."},
        headers={**curator.auth, "If-Match": etag},
    )

    assert response.status_code == 200


def test_a_new_source_can_be_quoted(curator: Curator) -> None:
    text = "A second article.\nBotox may help some people with chronic migraine.\n"
    source = {
        "id": "second-article",
        "title": "A second article",
        "language": "en",
        "media_type": "text/plain",
        "text": text,
    }

    created = curator.client.post("/v1/sources", json=source, headers=curator.auth)
    claim = curator.client.post(
        "/v1/claims",
        json=new_claim(
            id="botox-may-help-some",
            source="second-article",
            type="benefit",
            quote="Botox may help some people with chronic migraine.",
            statement="Botox may help some people with chronic migraine.",
            certainty="possible",
            hedges=["may", "some"],
            migraine_effect="relieves",
        ),
        headers=curator.auth,
    )

    assert created.status_code == 201
    assert created.json()["text"] == text and created.json()["claim_count"] == 0
    assert len(created.json()["sha256"]) == 64
    assert claim.status_code == 201, claim.text
    assert claim.json()["start"] == text.index("Botox")


def test_a_source_hash_given_must_match_its_text(curator: Curator) -> None:
    source = {
        "id": "second-article",
        "title": "A second article",
        "language": "en",
        "media_type": "text/plain",
        "text": "Some text.",
        "sha256": "0" * 64,
    }

    response = curator.client.post("/v1/sources", json=source, headers=curator.auth)

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "body.sha256"


@pytest.mark.parametrize("published", [0, 0.0, "0", "1700000000", "2024-1-5"])
def test_a_source_date_must_be_written_as_a_date(curator: Curator, published: object) -> None:
    """Schemathesis found `"published": 0.0` stored as 1970-01-01: numbers are not dates."""
    source = {
        "id": "dated-article",
        "title": "A dated article",
        "language": "en",
        "media_type": "text/plain",
        "text": "Some text.",
        "published": published,
    }

    response = curator.client.post("/v1/sources", json=source, headers=curator.auth)

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "body.published"
    dated = curator.client.post(
        "/v1/sources", json={**source, "published": "2024-01-05"}, headers=curator.auth
    )
    assert dated.status_code == 201 and dated.json()["published"] == "2024-01-05"


def test_a_body_over_the_limit_is_a_413_problem(curator: Curator) -> None:
    limit = curator.settings.max_body_bytes
    source = {"id": "huge", "title": "Huge", "language": "en", "media_type": "text/plain"}

    response = curator.client.post(
        "/v1/sources", json={**source, "text": "x" * (limit + 1)}, headers=curator.auth
    )

    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert curator.client.get("/v1/sources/huge").status_code == 404


def test_fhir_answers_a_retracted_risk_factor_with_410(curator: Curator) -> None:
    curator.client.post(
        f"{ALLERGY}/retraction",
        json={"reason": "Under review."},
        headers={**curator.auth, "If-Match": '"r1"'},
    )

    read = curator.client.get("/fhir/ClinicalUseDefinition/risk-factor-allergic-reactions")
    search = curator.client.get("/fhir/ClinicalUseDefinition").json()

    assert read.status_code == 410
    assert "Under review." in read.json()["detail"]
    ids = [entry["resource"]["id"] for entry in search["entry"]]
    assert "risk-factor-allergic-reactions" not in ids and len(ids) == 4


def test_a_write_that_cannot_get_the_writers_lock_in_time_is_a_503(
    curator: Curator, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = curator.settings
    blocker = curator.engine.connect()
    if curator.engine.dialect.name == "sqlite":
        # Serving, SQLite waits for the writer's lock as long as a statement may run.
        settings = settings.model_copy(update={"statement_timeout_seconds": 0.5})
        blocker.exec_driver_sql("BEGIN IMMEDIATE")  # another writer, mid-transaction
    else:
        monkeypatch.setattr(engine, "WRITE_WAIT_SECONDS", 0.5)
        blocker.execute(text("SELECT pg_advisory_lock(:key)"), {"key": engine.WRITE_LOCK})
    try:
        with TestClient(create_app(settings)) as client:
            response = client.post(
                "/v1/tags",
                json={"slug": "injection", "label": "Injection", "description": "How."},
                headers=curator.auth,
            )
    finally:
        if curator.engine.dialect.name != "sqlite":
            blocker.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": engine.WRITE_LOCK})
        blocker.rollback()
        blocker.close()

    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert response.headers["content-type"] == "application/problem+json"
    assert curator.client.get("/v1/tags/injection").status_code == 404


def test_every_write_sends_the_headers_its_answer_documents(curator: Curator) -> None:
    """ETag (the revision to send in If-Match next) and Location, as openapi.json says."""
    paths = curator.client.get("/openapi.json").json()["paths"]
    c, auth = curator.client, curator.auth
    claim = "/v1/claims/botox-gained-popularity"
    relation = {"kind": "qualifies", "target": "botox-may-make-migraines-worse"}
    source = {"id": "s2", "title": "S2", "language": "en", "media_type": "text/plain", "text": "x"}
    tag = {"slug": "injection", "label": "Injection", "description": "How Botox is given."}
    writes = [
        ("/v1/claims", c.post("/v1/claims", json=new_claim(), headers=auth)),
        (
            "/v1/claims/{claim_id}",
            c.patch(claim, json={"title": "Popular"}, headers={**auth, "If-Match": '"r1"'}),
        ),
        (
            "/v1/claims/{claim_id}/relations",
            c.post(f"{claim}/relations", json=relation, headers={**auth, "If-Match": '"r2"'}),
        ),
        (
            "/v1/claims/{claim_id}/relations/{kind}/{target}",
            c.delete(
                f"{claim}/relations/qualifies/botox-may-make-migraines-worse",
                headers={**auth, "If-Match": '"r3"'},
            ),
        ),
        (
            "/v1/claims/{claim_id}/retraction",
            c.post(
                f"{claim}/retraction", json={"reason": "No."}, headers={**auth, "If-Match": "*"}
            ),
        ),
        (
            "/v1/claims/{claim_id}/retraction",
            c.delete(f"{claim}/retraction", headers={**auth, "If-Match": "*"}),
        ),
        ("/v1/tags", c.post("/v1/tags", json=tag, headers=auth)),
        (
            "/v1/tags/{slug}",
            c.patch(
                "/v1/tags/injection", json={"label": "Shots"}, headers={**auth, "If-Match": "*"}
            ),
        ),
        ("/v1/sources", c.post("/v1/sources", json=source, headers=auth)),
    ]

    for path, answer in writes:
        method = answer.request.method.lower()
        documented = paths[path][method]["responses"][str(answer.status_code)]
        assert answer.is_success, (method, path, answer.text)
        headers = {name.lower() for name in documented.get("headers", {})}
        assert headers <= set(answer.headers.keys()), (method, path)
        assert ("location" in headers) == (answer.status_code == 201)
