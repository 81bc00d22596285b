"""Nothing lost under a mixed load: curators and readers at once against a real server,
SQLite with one worker and PostgreSQL with two, for 20 seconds.

Every write the API acknowledged (2xx) is in the change feed and in the export, with
the revision it was acknowledged with; no write it refused is anywhere; each claim's
revisions in the feed count up with no gap; no answer is a 500.
"""

import json
import random
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.config import Settings
from api.http import auth
from api.store.engine import make_engine
from tests.conftest import (
    DATA_DIR,
    UNLIMITED_WRITES,
    database_url,
    load_database,
    uvicorn_serving,
)

SECONDS = 20
WRITERS = 4
READERS = 4
SOURCE = "can-botox-for-migraines-make-them-worse"
SHARED = ("risk-factor-inadequate-dosage", "risk-factor-allergic-reactions")
"""Claims every writer edits: their If-Match races refuse some edits (412)."""
READS = ("/v1/claims?limit=20", "/v1/risk-factors", "/v1/tags", "/v1/changes?limit=50")


@dataclass
class Log:
    """What the clients saw: writes acknowledged and refused, and every status."""

    acknowledged: list[tuple[str, str, int, str]] = field(default_factory=list)
    """(action, claim id, revision, title) of each 2xx write."""
    refused_titles: set[str] = field(default_factory=set)
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def saw(self, response: httpx.Response) -> None:
        with self.lock:
            self.statuses[response.status_code] += 1


@pytest.fixture(params=[("sqlite", 1), ("postgresql", 2)], ids=["sqlite-1w", "postgresql-2w"])
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    backend, workers = request.param
    url = database_url(backend, tmp_path)
    load_database(url, DATA_DIR)
    engine = make_engine(Settings(database_url=url))
    keys = [auth.create_key(engine, f"writer-{n}") for n in range(WRITERS)]
    engine.dispose()
    with uvicorn_serving(url, workers=workers, env=UNLIMITED_WRITES) as base:
        yield base, keys


def new_claim(claim_id: str, title: str) -> dict[str, Any]:
    return {
        "id": claim_id,
        "type": "background",
        "source": SOURCE,
        "title": title,
        "statement": "Botox therapy has gained popularity in recent years.",
        "quote": "Botox therapy has gained popularity in recent years",
        "certainty": "asserted",
        "migraine_effect": "neither",
        "tags": ["botox"],
    }


def write_for(base: str, key: str, writer: int, until: float, log: Log) -> None:
    rng = random.Random(writer)
    mine: list[str] = []
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30
    ) as client:
        n = 0
        while time.monotonic() < until:
            n += 1
            title = f"w{writer} n{n}"
            if not mine or rng.random() < 0.3:
                claim_id = f"load-{writer}-{n}"
                answer = client.post("/v1/claims", json=new_claim(claim_id, title))
                action = "created"
            else:
                claim_id = rng.choice(SHARED) if rng.random() < 0.3 else rng.choice(mine)
                read = client.get(f"/v1/claims/{claim_id}")
                log.saw(read)
                if read.status_code != 200:
                    continue
                if_match = {"If-Match": read.headers["etag"]}
                active = read.json()["status"] == "active"
                if claim_id not in SHARED and active and rng.random() < 0.2:
                    path = f"/v1/claims/{claim_id}/retraction"
                    answer = client.post(path, json={"reason": title}, headers=if_match)
                    action, title = "retracted", read.json()["title"]
                else:
                    path = f"/v1/claims/{claim_id}"
                    answer = client.patch(path, json={"title": title}, headers=if_match)
                    action = "updated"
            log.saw(answer)
            with log.lock:
                if answer.is_success:
                    if action == "created":
                        mine.append(claim_id)
                    revision = int(answer.headers["etag"].strip('W/"r'))
                    log.acknowledged.append((action, claim_id, revision, title))
                else:
                    log.refused_titles.add(title)


def read_for(base: str, reader: int, until: float, log: Log) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        n = 0
        while time.monotonic() < until:
            n += 1
            log.saw(client.get(READS[(reader + n) % len(READS)]))


def feed(client: httpx.Client) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    url: str | None = "/v1/changes?limit=1000"
    while url:
        page = client.get(url).json()
        changes += page["data"]
        url = page["links"]["next"] if page["data"] else None
    return changes


def test_every_acknowledged_write_is_kept_and_nothing_refused_is(
    served: tuple[str, list[str]],
) -> None:
    base, keys = served
    log = Log()
    until = time.monotonic() + SECONDS
    threads = [
        threading.Thread(target=write_for, args=(base, keys[n], n, until, log))
        for n in range(WRITERS)
    ] + [threading.Thread(target=read_for, args=(base, n, until, log)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 60)

    with httpx.Client(base_url=base, timeout=60) as client:
        changes = [c for c in feed(client) if c["kind"] == "claim" and c["by"] != "kb load"]
        exported = {
            record["id"]: record
            for line in client.get("/v1/export").text.splitlines()
            if (record := json.loads(line))["kind"] == "claim"
        }

    print(f"\n{len(log.acknowledged)} writes acknowledged; statuses {dict(log.statuses)}")
    assert 500 not in log.statuses and len(log.acknowledged) >= 20, dict(log.statuses)
    assert log.refused_titles  # the races on shared claims refused some edits
    in_feed = {(c["action"], c["id"], c["revision"]) for c in changes}
    assert all((a, i, r) in in_feed for a, i, r, _ in log.acknowledged)
    assert len(changes) == len(log.acknowledged)  # nothing the clients were refused
    titles = {c["record"]["title"] for c in changes if c["record"]}
    assert not titles & log.refused_titles
    revisions: dict[str, list[int]] = defaultdict(list)
    for change in changes:
        revisions[change["id"]].append(change["revision"])
    for claim_id, found in revisions.items():  # made here from 1, the article's after kb load
        first = 1 if claim_id not in SHARED else found[0]
        assert found == list(range(first, first + len(found))), (claim_id, found)
    last = {claim_id: (revision, title) for _, claim_id, revision, title in log.acknowledged}
    for claim_id, (revision, title) in last.items():
        assert exported[claim_id]["revision"] == revision
        assert exported[claim_id]["title"] == title
