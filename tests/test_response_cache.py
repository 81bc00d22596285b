"""Repeat reads are answered from memory, and never outlive the data they were computed from.

Every answer of a read says, in `Cache-Status` (RFC 9211), whether it was kept (`hit`) or
computed (`fwd=miss`, and `stored` when it was kept for next time). Writes through the
API and loads by `kb load`, from any process, are seen by the very next read.
"""

import asyncio
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from api.config import Settings
from api.http.middleware.response_cache import ResponseCacheMiddleware
from api.main import create_app
from api.store import migrate
from api.store.database_file import RECHECK_SECONDS, DatabaseFile
from api.store.engine import make_engine
from api.store.revision import Revision, SQLiteRevision, revision_reader
from api.writes import loader
from tests.conftest import BACKENDS, DATA_DIR, database_url, uvicorn_serving
from tests.helpers import CLAIMS_FILE, Curator, claim, edit_yaml, kb

CLAIM = "/v1/claims/risk-factor-allergic-reactions"
RISK_FACTORS = "/v1/risk-factors"
HIT, STORED, COMPUTED = "kb; hit", "kb; fwd=miss; stored", "kb; fwd=miss"


def test_a_repeated_read_is_answered_from_memory(curator: Curator) -> None:
    first = curator.client.get(RISK_FACTORS)
    again = curator.client.get(RISK_FACTORS)

    assert first.headers["cache-status"] == STORED
    assert again.headers["cache-status"] == HIT
    assert again.content == first.content
    for header in ("etag", "content-type", "link", "vary", "cache-control"):
        assert again.headers[header] == first.headers[header]


def test_a_conditional_read_of_a_kept_answer_is_304(curator: Curator) -> None:
    etag = curator.client.get(CLAIM).headers["etag"]

    revalidated = curator.client.get(CLAIM, headers={"If-None-Match": etag})

    assert revalidated.status_code == 304
    assert revalidated.headers["cache-status"] == HIT
    assert revalidated.headers["etag"] == etag
    assert revalidated.content == b""
    assert curator.client.get(CLAIM, headers={"If-None-Match": '"r0"'}).status_code == 200


def test_each_format_and_encoding_is_kept_apart(curator: Curator) -> None:
    for _ in range(2):  # the second time, every variant comes from memory
        plain, linked, zipped = (
            curator.client.get(RISK_FACTORS, headers={"Accept": accept, "Accept-Encoding": enc})
            for accept, enc in (
                ("application/json", "identity"),
                ("application/ld+json", "identity"),
                ("application/json", "gzip"),
            )
        )
        assert plain.headers["content-type"] == "application/json"
        assert linked.headers["content-type"].startswith("application/ld+json")
        assert "@context" in linked.json() and "@context" not in plain.json()
        assert zipped.headers["content-encoding"] == "gzip"
        assert zipped.json() == plain.json()  # httpx undoes gzip
    assert plain.headers["cache-status"] == linked.headers["cache-status"] == HIT
    assert zipped.headers["cache-status"] == HIT


def test_a_write_through_the_api_is_read_at_once(curator: Curator) -> None:
    client = curator.client
    reads = (CLAIM, RISK_FACTORS, "/v1/claims?tag=allergy", "/v1/tags/allergy")
    before = {path: client.get(path) for path in reads}
    assert all(client.get(path).headers["cache-status"] == HIT for path in reads)

    edited = client.patch(
        CLAIM,
        json={"title": "Allergic reactions (edited)"},
        headers={**curator.auth, "If-Match": before[CLAIM].headers["etag"]},
    )
    assert edited.status_code == 200
    retracted = client.post(
        f"{CLAIM}/retraction",
        json={"reason": "Checking that caches let go."},
        headers={**curator.auth, "If-Match": edited.headers["etag"]},
    )
    assert retracted.status_code == 200

    after = {path: client.get(path) for path in reads}
    assert all(answer.headers["cache-status"] == STORED for answer in after.values())
    assert after[CLAIM].json()["title"] == "Allergic reactions (edited)"
    assert after[CLAIM].json()["status"] == "retracted"
    assert CLAIM.rsplit("/", 1)[1] not in {c["id"] for c in after[RISK_FACTORS].json()["data"]}
    assert after["/v1/claims?tag=allergy"].json()["meta"]["total"] == (
        before["/v1/claims?tag=allergy"].json()["meta"]["total"] - 1
    )
    assert after["/v1/tags/allergy"].json()["claim_count"] == (
        before["/v1/tags/allergy"].json()["claim_count"] - 1
    )


@pytest.fixture(params=BACKENDS)
def served_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    url = database_url(request.param, tmp_path)
    engine = make_engine(Settings(database_url=url))
    migrate.upgrade(engine)
    loader.load(engine=engine, data_dir=DATA_DIR)
    engine.dispose()
    return url


def _fresh_connection_reads(base: str, until_stored: int) -> list[httpx.Response]:
    """Reads, each on a new connection so that either worker may take it, until
    `until_stored` of them were computed and kept. Each worker keeps an answer once per
    revision, so two kept means both workers answered."""
    answers: list[httpx.Response] = []
    while sum(a.headers["cache-status"] == STORED for a in answers) < until_stored:
        assert len(answers) < 400, "one worker took every connection"
        answers.append(httpx.get(base + CLAIM, headers={"Connection": "close"}))
    return answers


def test_a_load_by_another_process_reaches_every_worker(served_url: str, data_dir: Path) -> None:
    with uvicorn_serving(served_url, workers=2) as base:
        before = _fresh_connection_reads(base, until_stored=2)
        assert {a.headers["cache-status"] for a in before} <= {STORED, HIT}

        edit_yaml(
            data_dir,
            CLAIMS_FILE,
            lambda doc: claim(doc, CLAIM.rsplit("/", 1)[1]).update(title="Loaded anew"),
        )
        loaded = kb("load", str(data_dir), database_url=served_url)
        assert loaded.returncode == 0, loaded.stderr

        after = _fresh_connection_reads(base, until_stored=2)
        assert {a.json()["title"] for a in after} == {"Loaded anew"}


def test_errors_writes_and_health_checks_are_not_kept(curator: Curator) -> None:
    missing = [curator.client.get("/v1/claims/no-such-claim") for _ in range(2)]
    assert [m.status_code for m in missing] == [404, 404]
    assert [m.headers["cache-status"] for m in missing] == [COMPUTED, COMPUTED]
    assert "cache-status" not in curator.client.get("/healthz").headers
    assert "cache-status" not in curator.client.get("/v1/export").headers
    refused = curator.client.patch(CLAIM, json={"title": "x"})  # no key
    assert refused.status_code == 401 and "cache-status" not in refused.headers


def test_a_head_request_is_answered_from_the_kept_get(curator: Curator) -> None:
    got = curator.client.get(RISK_FACTORS)
    head = curator.client.head(RISK_FACTORS)

    assert head.headers["cache-status"] == HIT
    assert head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.headers["etag"] == got.headers["etag"]


def _client(settings: Settings, **changes: Any) -> Iterator[TestClient]:
    engine = make_engine(settings)
    migrate.upgrade(engine)
    loader.load(engine=engine, data_dir=DATA_DIR)
    engine.dispose()
    with TestClient(create_app(settings.model_copy(update=changes))) as client:
        yield client


@pytest.fixture
def uncached(settings: Settings) -> Iterator[TestClient]:
    yield from _client(settings, response_cache_bytes=0)


@pytest.fixture
def small_cache(settings: Settings) -> Iterator[TestClient]:
    yield from _client(settings, response_cache_bytes=16 * 1024)


def test_the_cache_can_be_turned_off(uncached: TestClient) -> None:
    """KB_RESPONSE_CACHE_BYTES=0: every answer is computed, and none says otherwise."""
    answers = [uncached.get(RISK_FACTORS) for _ in range(2)]
    assert all(a.status_code == 200 and "cache-status" not in a.headers for a in answers)


def test_without_the_cache_a_claim_read_by_id_sees_a_load_from_another_process(
    uncached: TestClient, settings: Settings, data_dir: Path
) -> None:
    """A worker holds a connection for reads by key (SQLite); between reads it pins no
    snapshot, so a load committed elsewhere is seen at once, and checkpoints can run."""
    before = uncached.get(CLAIM).json()
    edit_yaml(
        data_dir, CLAIMS_FILE, lambda d: claim(d, CLAIM.rsplit("/", 1)[1]).update(title="New")
    )
    loaded = kb("load", str(data_dir), database_url=settings.database_url)
    assert loaded.returncode == 0, loaded.stderr

    after = uncached.get(CLAIM)

    assert after.json()["title"] == "New"
    assert after.json()["revision"] == before["revision"] + 1
    assert after.headers["etag"] == f'"r{before["revision"] + 1}"'
    held = uncached.app.state.key_reader._held  # type: ignore[attr-defined]
    if held is not None:  # SQLite: idle between reads, in no transaction
        assert not held.driver_connection.in_transaction


def test_memory_is_bounded_and_the_least_recently_read_goes_first(small_cache: TestClient) -> None:
    first = small_cache.get(CLAIM, headers={"Accept-Encoding": "identity"})
    assert first.headers["cache-status"] == STORED
    others = [c["id"] for c in small_cache.get("/v1/claims?limit=50").json()["data"]]
    for claim_id in set(others) - {CLAIM.rsplit("/", 1)[1]}:  # 20 of ~1 kB overflow 16 kB
        small_cache.get(f"/v1/claims/{claim_id}", headers={"Accept-Encoding": "identity"})

    again = small_cache.get(CLAIM, headers={"Accept-Encoding": "identity"})

    assert again.headers["cache-status"] == STORED  # evicted, computed anew
    assert again.content == first.content


# The mechanism alone, with a stand-in app and revision ----------------------------------


class StandInRevision:
    def __init__(self, change_id: int | None) -> None:
        self.value: tuple[int, str] | None = None
        self.set(change_id)

    def set(self, change_id: int | None) -> None:
        self.value = None if change_id is None else (change_id, f"time of change {change_id}")

    async def __call__(self) -> tuple[int, str] | None:
        return self.value

    async def aclose(self) -> None:
        return None


class CountingApp:
    """Answers every GET with its call count, slowly enough for requests to overlap."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        body = str(self.calls).encode()
        await asyncio.sleep(0.01)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})


async def _get(app: ResponseCacheMiddleware, path: str = "/v1/claims") -> tuple[int, bytes]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "scheme": "http", "path": path}
    await app({**scope, "query_string": b"", "headers": []}, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_simultaneous_identical_reads_are_computed_once() -> None:
    inner = CountingApp()
    app = ResponseCacheMiddleware(inner, revision=StandInRevision(7), max_bytes=1024 * 1024)

    async def burst() -> list[tuple[int, bytes]]:
        return await asyncio.gather(*(_get(app) for _ in range(10)))

    assert asyncio.run(burst()) == [(200, b"1")] * 10
    assert inner.calls == 1


def test_a_new_revision_drops_what_was_kept() -> None:
    inner, revision = CountingApp(), StandInRevision(1)
    app = ResponseCacheMiddleware(inner, revision=revision, max_bytes=1024 * 1024)

    async def reads() -> list[bytes]:
        bodies = [(await _get(app))[1], (await _get(app))[1]]
        revision.set(2)
        bodies += [(await _get(app))[1], (await _get(app))[1]]
        revision.set(1)  # a database loaded anew: a revision that goes back is new too
        return [*bodies, (await _get(app))[1], (await _get(app))[1]]

    assert asyncio.run(reads()) == [b"1", b"1", b"2", b"2", b"3", b"3"]


def test_without_a_readable_revision_nothing_is_kept() -> None:
    inner = CountingApp()
    app = ResponseCacheMiddleware(inner, revision=StandInRevision(None), max_bytes=1024 * 1024)

    async def reads() -> list[bytes]:
        return [(await _get(app))[1] for _ in range(3)]

    assert asyncio.run(reads()) == [b"1", b"2", b"3"]


def test_a_missing_sqlite_file_has_no_revision(tmp_path: Path) -> None:
    reader = SQLiteRevision(DatabaseFile(tmp_path / "absent.sqlite3"))
    assert asyncio.run(reader()) is None
    assert not (tmp_path / "absent.sqlite3").exists()  # read-only: never creates it


def test_the_revision_is_the_latest_change_and_moves_with_writes(curator: Curator) -> None:
    reader = revision_reader(curator.engine)
    assert reader is not None

    def edit() -> None:
        etag = curator.client.get(CLAIM).headers["etag"]
        edited = curator.client.patch(
            CLAIM, json={"title": "Moved"}, headers={**curator.auth, "If-Match": etag}
        )
        assert edited.status_code == 200

    async def read_edit_read() -> tuple[list[Revision | None], list[Revision | None]]:
        try:
            before = list(await asyncio.gather(*(reader() for _ in range(20))))
            await asyncio.to_thread(edit)
            return before, list(await asyncio.gather(*(reader() for _ in range(20))))
        finally:
            await reader.aclose()

    before, after = asyncio.run(read_edit_read())
    assert len(set(before)) == 1 and before[0] is not None and before[0][0] > 0
    assert len(set(after)) == 1 and after[0] is not None
    assert after[0][0] == before[0][0] + 1


def test_an_answer_larger_than_the_whole_budget_is_sent_not_kept() -> None:
    class Large:
        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"x" * 1000})

    app = ResponseCacheMiddleware(Large(), revision=StandInRevision(1), max_bytes=1100)

    async def reads() -> list[tuple[int, bytes]]:
        return [await _get(app) for _ in range(2)]

    assert asyncio.run(reads()) == [(200, b"x" * 1000)] * 2
    assert len(app.kept) == 0


def test_repeated_headers_never_poison_what_others_read(curator: Curator) -> None:
    """Routes read the first of repeated headers: an answer for `gzip, then identity`
    must not be kept as the answer for plain `identity`."""
    doubled = curator.client.get(
        RISK_FACTORS, headers=[("Accept-Encoding", "gzip"), ("Accept-Encoding", "identity")]
    )
    plain = curator.client.get(RISK_FACTORS, headers={"Accept-Encoding": "identity"})

    assert doubled.headers.get("content-encoding") == "gzip"
    assert "content-encoding" not in plain.headers
    assert plain.headers["cache-status"] == STORED


def test_an_answer_computed_while_the_data_changed_is_not_kept() -> None:
    inner, revision = CountingApp(), StandInRevision(1)
    app = ResponseCacheMiddleware(inner, revision=revision, max_bytes=1024 * 1024)

    async def reads() -> list[bytes]:
        slow = asyncio.create_task(_get(app, "/v1/claims"))  # computed at revision 1 ...
        await asyncio.sleep(0.001)
        revision.set(2)  # ... while a write commits, seen by the next request
        other = await _get(app, "/v1/tags")
        return [(await slow)[1], other[1], (await _get(app, "/v1/claims"))[1]]

    # The answer begun at revision 1 was not kept: revision 2 computes its own.
    assert asyncio.run(reads()) == [b"1", b"2", b"3"]


def test_a_slow_client_holds_up_nobody_else() -> None:
    app = ResponseCacheMiddleware(CountingApp(), revision=StandInRevision(1), max_bytes=1024 * 1024)

    async def reads() -> tuple[int, bytes]:
        unblocked = asyncio.Event()

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def stuck(message: Message) -> None:
            await unblocked.wait()  # a client that does not read its answer

        scope = {"type": "http", "method": "GET", "scheme": "http", "path": "/v1/claims"}
        first = asyncio.create_task(
            app({**scope, "query_string": b"", "headers": []}, receive, stuck)
        )
        await asyncio.sleep(0.05)
        try:
            return await asyncio.wait_for(_get(app), timeout=2)
        finally:
            unblocked.set()
            await first

    assert asyncio.run(reads()) == (200, b"1")


def test_a_failed_computation_releases_those_waiting() -> None:
    class NotFoundSlowly:
        calls = 0

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            self.calls += 1
            await asyncio.sleep(0.01)
            await send({"type": "http.response.start", "status": 404, "headers": []})
            await send({"type": "http.response.body", "body": b"missing"})

    inner = NotFoundSlowly()
    app = ResponseCacheMiddleware(inner, revision=StandInRevision(1), max_bytes=1024 * 1024)

    async def burst() -> list[tuple[int, bytes]]:
        return await asyncio.wait_for(asyncio.gather(*(_get(app) for _ in range(3))), 5)

    assert asyncio.run(burst()) == [(404, b"missing")] * 3
    assert len(app.kept) == 0


def test_long_urls_count_against_the_memory_bound() -> None:
    app = ResponseCacheMiddleware(CountingApp(), revision=StandInRevision(1), max_bytes=64 * 1024)

    async def reads() -> None:
        for n in range(100):
            await _get(app, "/v1/claims/" + f"{n:04d}" * 500)  # 2 kB of key, 1-3 B of body

    asyncio.run(reads())
    assert app.kept.currsize <= 64 * 1024
    assert 0 < len(app.kept) < 32  # what each key holds is counted, not just its answer


def test_a_sqlite_file_moved_or_replaced_has_no_revision_until_it_is_back(
    tmp_path: Path,
) -> None:
    def database(name: str, last_change: int) -> Path:
        path = tmp_path / name
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE record_change (id INTEGER PRIMARY KEY, at TEXT)")
            connection.execute("INSERT INTO record_change VALUES (?, 'then')", (last_change,))
        connection.close()
        return path

    served = database("kb.sqlite3", 2)
    reader = SQLiteRevision(DatabaseFile(served))
    assert asyncio.run(reader()) == (2, "then")

    os.replace(served, tmp_path / "moved.sqlite3")  # an operator's mv
    time.sleep(RECHECK_SECONDS)  # reads look at the file this often
    assert asyncio.run(reader()) is None
    os.replace(tmp_path / "moved.sqlite3", served)
    time.sleep(RECHECK_SECONDS)
    assert asyncio.run(reader()) == (2, "then")

    os.replace(database("new.sqlite3", 5), served)  # another database moved in
    time.sleep(RECHECK_SECONDS)
    assert asyncio.run(reader()) is None  # refused: the server serves it once restarted
    asyncio.run(reader.aclose())
