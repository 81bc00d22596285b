"""Many curators at once, against a real server: uvicorn with two worker processes, on
SQLite and on PostgreSQL. If-Match lets exactly one of several edits of the same
revision through, and no accepted edit is ever lost."""

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.conftest import BACKENDS, database_url, load_data, uvicorn_serving
from tests.helpers import LiveServer

CLAIM = "/v1/claims/risk-factor-inadequate-dosage"
CLIENTS = 12
T = TypeVar("T")


@pytest.fixture(params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    url = database_url(request.param, tmp_path)
    key = load_data(url, curator="concurrency")
    with uvicorn_serving(url, workers=2) as base:
        yield LiveServer(base=base, key=key)


def all_at_once(count: int, work: Callable[[int], T]) -> list[T]:
    """Run `work(i)` in `count` threads released together; their results, in order."""
    barrier = threading.Barrier(count)
    results: list[T | None] = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        results[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(result is not None for result in results), "a client failed"
    return [result for result in results if result is not None]


def test_of_many_edits_of_one_revision_exactly_one_wins(server: LiveServer) -> None:
    with server.client() as client:
        etag = client.get(CLAIM).headers["etag"]

    def edit(i: int) -> tuple[int, Any]:
        with server.client() as client:
            response = client.patch(
                CLAIM, json={"title": f"Inadequate Dosage ({i})"}, headers={"If-Match": etag}
            )
            return response.status_code, response.json()

    results = all_at_once(CLIENTS, edit)

    statuses = sorted(status for status, _ in results)
    assert statuses == [200] + [412] * (CLIENTS - 1)
    [winner] = [body for status, body in results if status == 200]
    with server.client() as client:
        stored = client.get(CLAIM).json()
        history = client.get(f"{CLAIM}/revisions").json()["data"]
    assert stored == winner and stored["revision"] == 2
    assert [(r["revision"], r["action"]) for r in history] == [(2, "updated"), (1, "created")]


def test_no_accepted_edit_is_lost(server: LiveServer) -> None:
    """Each client adds its mark to the title by read, modify, write, retrying on 412:
    every mark must be there at the end, one revision per edit."""

    def add_mark(i: int) -> int:
        tries = 0
        with server.client() as client:
            while True:
                tries += 1
                current = client.get(CLAIM)
                title = current.json()["title"] + f" [{i}]"
                response = client.patch(
                    CLAIM, json={"title": title}, headers={"If-Match": current.headers["etag"]}
                )
                if response.status_code == 200:
                    return tries
                assert response.status_code == 412, response.text

    tries = all_at_once(CLIENTS, add_mark)

    with server.client() as client:
        stored = client.get(CLAIM).json()
        history = client.get(f"{CLAIM}/revisions", params={"limit": 100}).json()
    for i in range(CLIENTS):
        assert f" [{i}]" in stored["title"]
    assert stored["revision"] == 1 + CLIENTS
    assert history["meta"]["total"] == 1 + CLIENTS
    assert sum(tries) > CLIENTS  # they did collide: some edits had to be retried
    # Each revision's `before` is the previous revision's `after`: a chain with no gap.
    revisions = history["data"]
    for newer, older in zip(revisions, revisions[1:], strict=False):
        assert newer["before"] == older["after"]
