"""Apps stay in sync by following the change feed; curators read a claim's history."""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from api.records.fields import ChangeAction, RecordKind
from api.store import changelog
from api.store.changelog import PendingChange
from api.writes import loader
from tests.helpers import ARTICLE_CLAIMS, CLAIMS_FILE, Curator, claim, edit_yaml

ALLERGY = "/v1/claims/risk-factor-allergic-reactions"
TAGS = 22


def follow(curator: Curator, url: str = "/v1/changes", limit: int = 10) -> tuple[list[Any], str]:
    """Every change from `url` on, page by page; and where to poll next."""
    changes: list[Any] = []
    while True:
        page = curator.client.get(url, params={"limit": limit} if "?" not in url else None).json()
        changes += page["data"]
        if not page["data"]:
            return changes, page["links"]["next"]
        url = page["links"]["next"]


def edit(curator: Curator, path: str, body: dict[str, Any], method: str = "PATCH") -> Any:
    etag = curator.client.get(path.split("/retraction")[0]).headers["etag"]
    response = curator.client.request(
        method, path, json=body, headers={**curator.auth, "If-Match": etag}
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_the_feed_starts_with_the_load_that_filled_the_knowledge_base(curator: Curator) -> None:
    changes, _ = follow(curator)

    assert [c["kind"] for c in changes] == ["source"] + ["tag"] * TAGS + ["claim"] * ARTICLE_CLAIMS
    assert {c["action"] for c in changes} == {"created"}
    assert {c["by"] for c in changes} == {"kb load"}
    served = curator.client.get(ALLERGY).json()
    assert next(c for c in changes if c["id"] == served["id"])["record"] == served


def test_following_next_misses_nothing_and_repeats_nothing(curator: Curator) -> None:
    _, poll = follow(curator)
    assert curator.client.get(poll).json()["data"] == []  # nothing new yet

    edit(curator, ALLERGY, {"title": "Allergic reactions to Botox"})
    edit(curator, f"{ALLERGY}/retraction", {"reason": "Merged into another claim."}, "POST")
    curator.client.post(
        "/v1/tags",
        json={"slug": "injection", "label": "Injection", "description": "How it is given."},
        headers=curator.auth,
    )
    changes, poll_again = follow(curator, poll, limit=2)

    assert [(c["kind"], c["id"], c["action"], c["revision"]) for c in changes] == [
        ("claim", "risk-factor-allergic-reactions", "updated", 2),
        ("claim", "risk-factor-allergic-reactions", "retracted", 3),
        ("tag", "injection", "created", 1),
    ]
    assert {c["by"] for c in changes} == {"test-curator"}
    assert changes[1]["record"]["status"] == "retracted"
    assert changes[1]["record"] == curator.client.get(ALLERGY).json()
    assert curator.client.get(poll_again).json()["data"] == []


def test_loads_of_data_show_in_the_feed_too(curator: Curator, data_dir: Path) -> None:
    _, poll = follow(curator)

    def change(document: Any) -> None:
        claim(document, "risk-factor-timing-of-treatment")["title"] = "Timing"
        document["claims"] = [
            c for c in document["claims"] if c["id"] != "monitor-and-adjust-dosage-or-timing"
        ]

    edit_yaml(data_dir, CLAIMS_FILE, change)
    loader.load(engine=curator.engine, data_dir=data_dir)
    changes, _ = follow(curator, poll)

    assert sorted((c["id"], c["action"], c["by"]) for c in changes) == [
        ("monitor-and-adjust-dosage-or-timing", "deleted", "kb load"),
        ("risk-factor-timing-of-treatment", "updated", "kb load"),
    ]
    updated = next(c for c in changes if c["action"] == "updated")
    assert updated["record"]["title"] == "Timing" and updated["revision"] == 2
    assert (
        curator.client.get("/v1/claims/risk-factor-timing-of-treatment").json()
        == (updated["record"])
    )


def test_an_export_says_where_the_feed_continues(curator: Curator) -> None:
    lines = curator.client.get("/v1/export").text.splitlines()
    header = json.loads(lines[0])
    edit(curator, ALLERGY, {"title": "Allergic reactions to Botox"})

    after = curator.client.get("/v1/changes", params={"since": header["changes"]}).json()

    assert [(c["id"], c["revision"]) for c in after["data"]] == [
        ("risk-factor-allergic-reactions", 2)
    ]


def test_a_made_up_since_is_a_422(curator: Curator) -> None:
    response = curator.client.get("/v1/changes", params={"since": "not-a-cursor"})

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "query.since"


def test_a_claims_history_holds_each_revision_before_and_after(curator: Curator) -> None:
    original = curator.client.get(ALLERGY).json()
    edited = edit(curator, ALLERGY, {"title": "Allergic reactions to Botox"})
    retracted = edit(curator, f"{ALLERGY}/retraction", {"reason": "Merged."}, "POST")

    history = curator.client.get(f"{ALLERGY}/revisions").json()

    assert history["meta"]["total"] == 3
    assert [(r["revision"], r["action"], r["by"]) for r in history["data"]] == [
        (3, "retracted", "test-curator"),
        (2, "updated", "test-curator"),
        (1, "created", "kb load"),
    ]
    newest, middle, first = history["data"]
    assert (newest["before"], newest["after"]) == (edited, retracted)
    assert (middle["before"], middle["after"]) == (original, edited)
    assert (first["before"], first["after"]) == (None, original)
    page = curator.client.get(f"{ALLERGY}/revisions", params={"limit": 1, "offset": 1}).json()
    assert page["data"] == [middle]  # paging keeps each revision's `before`


def test_history_of_an_unknown_claim_is_a_404(curator: Curator) -> None:
    assert curator.client.get("/v1/claims/no-such-claim/revisions").status_code == 404


def test_a_change_accepted_under_looser_rules_is_still_served_as_it_was(curator: Curator) -> None:
    """Curators' text was checked less strictly once (a title over two lines, a label past
    today's 200 characters): what the log holds from then is served, never a 500."""
    allergy = curator.client.get(ALLERGY).json()
    old_claim = {**allergy, "title": "Allergic\nReactions", "revision": 2}
    old_tag = {
        "slug": "allergy",
        "label": "A" * 250,
        "description": "Old.",
        "codes": [],
        "revision": 2,
    }
    with Session(curator.engine) as session:
        changelog.record(
            session,
            [
                PendingChange(RecordKind.claim, allergy["id"], ChangeAction.updated, 2, old_claim),
                PendingChange(RecordKind.tag, "allergy", ChangeAction.updated, 2, old_tag),
            ],
            actor="an older version",
            at=datetime.now(UTC),
        )
        session.commit()

    changes, _ = follow(curator, limit=100)
    history = curator.client.get(f"{ALLERGY}/revisions")

    old_claim_served, old_tag_served = changes[-2:]
    assert old_claim_served["by"] == old_tag_served["by"] == "an older version"
    assert old_claim_served["record"]["title"] == "Allergic\nReactions"
    assert old_tag_served["record"]["label"] == "A" * 250
    assert history.status_code == 200
    assert history.json()["data"][0]["after"]["title"] == "Allergic\nReactions"
