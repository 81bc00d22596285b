"""The live change stream (GET /v1/changes/stream), as an app that wants pushes uses it:
against uvicorn with two workers, on SQLite and PostgreSQL.

Every committed change reaches an open stream within a second, whichever worker or
process made it, in commit order and exactly as /v1/changes serves it; a reconnect with
Last-Event-ID resumes with no gap and no duplicate; idle streams get heartbeats and hold
no database connection; each worker holds a bounded number of them.
"""

import queue
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from api.cli import GRACEFUL_SHUTDOWN_SECONDS
from api.config import Settings
from api.store.engine import make_engine
from api.writes import loader
from tests.conftest import (
    BACKENDS,
    DATA_DIR,
    UNLIMITED_WRITES,
    database_url,
    free_port,
    load_data,
    serving_process,
    uvicorn_serving,
)
from tests.helpers import LiveServer

STREAM = "/v1/changes/stream"
PER_WORKER = 2
"""Streams each worker may hold (KB_MAX_STREAMS) in these tests."""


@dataclass
class Event:
    id: str | None = None
    data: str | None = None
    retry: int | None = None
    comments: list[str] = field(default_factory=list)


def events(response: httpx.Response) -> Iterator[Event]:
    """The events of a text/event-stream answer, as an EventSource reads them."""
    event = Event()
    for line in response.iter_lines():
        if line == "":
            yield event
            event = Event()
        elif line.startswith(":"):
            event.comments.append(line[1:].strip())
        else:
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "id":
                event.id = value
            elif name == "data":
                event.data = value if event.data is None else f"{event.data}\n{value}"
            elif name == "retry":
                event.retry = int(value)


class Listener:
    """A stream read in a thread: its changes (data parsed, with ids) and when each came."""

    def __init__(self, base: str, headers: dict[str, str] | None = None) -> None:
        self.received: queue.Queue[tuple[float, Event]] = queue.Queue()
        self.opened = threading.Event()
        self.status: int | None = None
        self._stop = threading.Event()
        self._client = httpx.Client(base_url=base, timeout=httpx.Timeout(30, read=10))
        self._thread = threading.Thread(target=self._read, args=(headers or {},), daemon=True)
        self._thread.start()
        assert self.opened.wait(10), "the stream did not open"

    def _read(self, headers: dict[str, str]) -> None:
        try:
            with self._client.stream("GET", STREAM, headers=headers) as response:
                self.status = response.status_code
                self.opened.set()
                for event in events(response):
                    self.received.put((time.monotonic(), event))
        except (httpx.HTTPError, RuntimeError):
            if not self._stop.is_set():  # a hang-up of ours is how a stream ends here
                raise

    def changes(self, count: int, within: float = 10) -> list[tuple[float, Event]]:
        """The next `count` events that carry a change."""
        found: list[tuple[float, Event]] = []
        deadline = time.monotonic() + within
        while len(found) < count:
            at, event = self.received.get(timeout=max(0.01, deadline - time.monotonic()))
            if event.data is not None:
                found.append((at, event))
        return found

    def close(self) -> None:
        self._stop.set()
        self._client.close()
        self._thread.join(timeout=10)


@pytest.fixture(params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[LiveServer, str]]:
    url = database_url(request.param, tmp_path)
    key = load_data(url, curator="streams")
    env = {
        **UNLIMITED_WRITES,
        "KB_MAX_STREAMS": str(PER_WORKER),
        "KB_STREAM_HEARTBEAT_SECONDS": "1",
    }
    with uvicorn_serving(url, workers=2, env=env) as base:
        yield LiveServer(base=base, key=key), url


def retag(client: httpx.Client, i: int) -> httpx.Response:
    """One write: a new tag (even i) or a change to the last one (odd i)."""
    if i % 2 == 0:
        body = {"slug": f"t{i}", "label": f"T{i}", "description": "A tag made by a test."}
        return client.post("/v1/tags", json=body)
    return client.patch(f"/v1/tags/t{i - 1}", json={"label": f"T{i}!"}, headers={"If-Match": "*"})


def test_every_write_through_any_worker_reaches_the_stream_in_order_as_the_feed_says(
    server: tuple[LiveServer, str],
) -> None:
    live, _ = server
    with live.client() as client:
        before = client.get("/v1/changes", params={"limit": 1000}).json()["links"]["next"]
        listener = Listener(live.base)
        try:
            for i in range(40):
                assert retag(client, i).is_success
            acknowledged = time.monotonic()
            received = listener.changes(40)
        finally:
            listener.close()
        since = before.split("since=")[1]
        feed = client.get("/v1/changes", params={"since": since, "limit": 1000}).json()["data"]

    assert listener.status == 200
    assert [httpx.Response(200, text=e.data).json() for _, e in received] == feed
    assert len({e.id for _, e in received}) == 40
    # The last write, acknowledged, was pushed within a second.
    assert received[-1][0] - acknowledged < 1.0


def test_a_load_from_another_process_reaches_the_stream_within_a_second(
    server: tuple[LiveServer, str], tmp_path: Path
) -> None:
    live, url = server
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    tags = data / "tags.yaml"
    tags.write_text(tags.read_text().replace("label: Prevalence", "label: How common"))
    listener = Listener(live.base)
    try:
        engine = make_engine(Settings(database_url=url))
        loader.load(engine=engine, data_dir=data)
        engine.dispose()
        loaded = time.monotonic()
        [(at, event)] = listener.changes(1)
    finally:
        listener.close()

    change = httpx.Response(200, text=event.data).json()
    assert (change["kind"], change["id"], change["by"]) == ("tag", "prevalence", "kb load")
    assert change["record"]["label"] == "How common"
    assert at - loaded < 1.0


def test_a_stream_resumed_with_last_event_id_misses_nothing_and_repeats_nothing(
    server: tuple[LiveServer, str],
) -> None:
    live, _ = server
    with live.client() as client:
        first = Listener(live.base)
        try:
            for i in range(10):
                retag(client, i)
            seen = first.changes(10)
        finally:
            first.close()
        for i in range(10, 20):
            retag(client, i)  # while no one listens
        resumed = Listener(live.base, headers={"Last-Event-ID": seen[4][1].id or ""})
        try:
            again = resumed.changes(15)
        finally:
            resumed.close()

    ids = [e.id for _, e in seen[:5] + again]
    revisions = [httpx.Response(200, text=e.data).json() for _, e in seen[:5] + again]
    assert len(set(ids)) == 20
    assert [(c["id"], c["action"]) for c in revisions] == [
        (f"t{i - i % 2}", "created" if i % 2 == 0 else "updated") for i in range(20)
    ]


def test_an_idle_stream_says_how_to_reconnect_sends_heartbeats_and_holds_no_connection(
    server: tuple[LiveServer, str],
) -> None:
    live, _ = server
    with httpx.Client(base_url=live.base, timeout=10) as client:
        with client.stream("GET", STREAM) as response:
            stream = events(response)
            opening = next(stream)
            started = time.monotonic()
            heartbeat = next(stream)
            waited = time.monotonic() - started
            metrics = client.get("/metrics").text

    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-store"
    assert opening.retry == 3000 and opening.data is None
    assert heartbeat.comments and heartbeat.data is None and waited < 2.5
    # Both carry the position so far, so a reconnect resumes there even before a change.
    assert opening.id is not None and heartbeat.id == opening.id
    in_use = [
        line for line in metrics.splitlines() if line.startswith("kb_db_pool_connections_in_use")
    ]
    assert in_use and all(line.endswith(" 0.0") for line in in_use), in_use


def test_each_worker_holds_a_bounded_number_of_streams_then_answers_503(
    server: tuple[LiveServer, str],
) -> None:
    live, _ = server
    answers: list[httpx.Response] = []
    with httpx.Client(base_url=live.base, timeout=10) as client, ExitStack() as open_streams:
        # Two workers of two streams each: of five, at least one finds no room.
        for _ in range(2 * PER_WORKER + 1):
            answers.append(open_streams.enter_context(client.stream("GET", STREAM)))
        refused = [answer for answer in answers if answer.status_code != 200]
        for answer in refused:
            answer.read()
        open_streams.close()
        time.sleep(0.5)
        with client.stream("GET", STREAM) as again:
            again_status = again.status_code

    assert refused and {answer.status_code for answer in refused} == {503}
    assert all(a.headers["content-type"] == "application/problem+json" for a in refused)
    assert all(int(a.headers["retry-after"]) > 0 for a in refused)
    assert "live streams" in refused[0].json()["detail"]
    assert again_status == 200


def test_head_answers_at_once_and_a_bad_position_is_a_422(server: tuple[LiveServer, str]) -> None:
    live, _ = server
    with httpx.Client(base_url=live.base, timeout=5) as client:
        head = client.head(STREAM)
        stale = client.get(STREAM, headers={"Last-Event-ID": "not-ours"})
        bad_since = client.get(STREAM, params={"since": "not-ours"})

    assert head.status_code == 200 and head.headers["content-type"].startswith("text/event")
    assert stale.status_code == 422
    assert stale.json()["errors"][0]["location"] == "header.Last-Event-ID"
    assert bad_since.status_code == 422


def test_kb_serve_ends_open_streams_at_once_when_it_stops(tmp_path: Path) -> None:
    """A stream never ends by itself: on SIGTERM it is ended as a hang-up would end it,
    instead of holding the worker through the grace period and being cut with an error."""
    url = f"sqlite:///{tmp_path / 'kb.sqlite3'}"
    port = free_port()
    command = [sys.executable, "-m", "api.cli", "serve", "--port", str(port)]
    log = tmp_path / "serve.log"
    with (
        serving_process(command, port, env={"DATABASE_URL": url}, log=log) as process,
        httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client,
        client.stream("GET", STREAM) as response,
    ):
        stream = events(response)
        next(stream)
        asked = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=GRACEFUL_SHUTDOWN_SECONDS + 5)
        took = time.monotonic() - asked
        ended = list(stream)  # the stream closed cleanly: no error reading its end

    assert took < 3, took
    assert all(event.data is None for event in ended)
    assert "timeout graceful shutdown exceeded" not in log.read_text()


def test_a_stream_that_saw_no_change_yet_resumes_where_it_started(
    server: tuple[LiveServer, str],
) -> None:
    """Its opening carries its position: changes made while it reconnects are not lost."""
    live, _ = server
    with live.client() as client:
        with client.stream("GET", STREAM) as response:
            started = next(events(response)).id
        assert retag(client, 0).is_success  # while no stream is open
        resumed = Listener(live.base, headers={"Last-Event-ID": started or ""})
        try:
            [(_, event)] = resumed.changes(1)
        finally:
            resumed.close()

    assert httpx.Response(200, text=event.data).json()["id"] == "t0"
