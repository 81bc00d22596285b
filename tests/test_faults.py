"""When the ground moves under a running server, it says so and loses nothing.

The SQLite file is the product's to guard: moved, deleted or replaced under a running
server (an operator's `mv`, a restore), every answer is a 503 until the file is back, no
empty database appears in its place, and no acknowledged write goes anywhere but the file
that was served.
"""

import contextlib
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event, make_url, text

from api.config import Settings
from api.http import auth
from api.store.database_file import RECHECK_SECONDS
from api.store.engine import make_engine
from tests.conftest import (
    DATA_DIR,
    UNLIMITED_WRITES,
    database_url,
    load_database,
    uvicorn_serving,
)
from tests.helpers import Curator, LiveServer, timed

CLAIM = "/v1/claims/risk-factor-inadequate-dosage"


@dataclass
class SQLiteServer(LiveServer):
    path: Path


def loaded_with_a_key(url: str) -> str:
    """Load data/ into the database at `url`; a curator's key for it."""
    load_database(url, DATA_DIR)
    engine = make_engine(Settings(database_url=url))
    key = auth.create_key(engine, "faults")
    engine.dispose()
    return key


def loaded_file(path: Path) -> tuple[str, str]:
    """A loaded SQLite database at `path` and a curator's key for it."""
    url = f"sqlite:///{path}"
    return url, loaded_with_a_key(url)


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[SQLiteServer]:
    path = tmp_path / "kb.sqlite3"
    url, key = loaded_file(path)
    with uvicorn_serving(url, env=UNLIMITED_WRITES) as base:
        yield SQLiteServer(base=base, key=key, path=path)


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        found: str = connection.execute("PRAGMA integrity_check").fetchone()[0]
    connection.close()
    return found


def claim_titles_in_changes(client: httpx.Client) -> list[str]:
    """The title each change to CLAIM left it with, following the feed to its end."""
    titles: list[str] = []
    url: str | None = "/v1/changes?limit=1000"
    while url:
        page = client.get(url).json()
        titles += [c["record"]["title"] for c in page["data"] if c["kind"] == "claim"]
        url = page["links"].get("next") if page["data"] else None
    return titles


def assert_unavailable(response: Any) -> None:
    """`response`: a live server's (httpx) or a test client's."""
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0


@dataclass
class Editor:
    """Edits CLAIM over and over from a thread, keeping every title a 200 acknowledged."""

    server: SQLiteServer
    acknowledged: list[str] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with self.server.client() as client:
            n = 0
            while not self.stop.is_set():
                n += 1
                read = client.get(CLAIM)
                if read.status_code != 200:
                    self.statuses.append(read.status_code)
                    time.sleep(0.01)
                    continue
                title = f"Edit {n}"
                edited = client.patch(
                    CLAIM, json={"title": title}, headers={"If-Match": read.headers["etag"]}
                )
                self.statuses.append(edited.status_code)
                if edited.status_code == 200:
                    self.acknowledged.append(title)


def test_a_file_moved_away_and_back_loses_no_acknowledged_write(
    sqlite_server: SQLiteServer, tmp_path: Path
) -> None:
    editor = Editor(sqlite_server)
    writing = threading.Thread(target=editor.run)
    writing.start()
    try:
        time.sleep(1)
        os.replace(sqlite_server.path, tmp_path / "moved.sqlite3")  # an operator's mv
        time.sleep(0.5)
        with sqlite_server.client() as client:
            for path in ("/healthz", CLAIM, "/v1/claims", "/v1/claims?tag=botox&limit=3"):
                assert_unavailable(client.get(path))
            assert_unavailable(client.patch(CLAIM, json={"title": "x"}, headers={"If-Match": "*"}))
        time.sleep(0.5)
        assert not sqlite_server.path.exists()  # no empty database in its place
        os.replace(tmp_path / "moved.sqlite3", sqlite_server.path)
        with sqlite_server.client() as client:
            assert client.get("/healthz").status_code == 200  # back at once, no restart
        time.sleep(1)
    finally:
        editor.stop.set()
        writing.join(timeout=60)

    assert set(editor.statuses) <= {200, 503}, editor.statuses
    assert 503 in editor.statuses and editor.acknowledged
    with sqlite_server.client() as client:
        assert claim_titles_in_changes(client)[-len(editor.acknowledged) :] == editor.acknowledged
        assert client.get(CLAIM).json()["title"] == editor.acknowledged[-1]
    assert integrity(sqlite_server.path) == "ok"


def test_a_deleted_file_is_503_and_never_recreated(sqlite_server: SQLiteServer) -> None:
    with sqlite_server.client() as client:
        assert client.get(CLAIM).status_code == 200
        sqlite_server.path.unlink()
        time.sleep(RECHECK_SECONDS)  # reads look at the file this often
        for path in ("/healthz", CLAIM, "/v1/tags", "/v1/export"):
            assert_unavailable(client.get(path))
    assert not sqlite_server.path.exists()


def test_a_file_replaced_under_a_running_server_is_refused_until_restart(
    sqlite_server: SQLiteServer, tmp_path: Path
) -> None:
    restored = tmp_path / "restore" / "kb.sqlite3"
    restored.parent.mkdir()
    loaded_file(restored)
    with sqlite_server.client() as client:
        etag = client.get(CLAIM).headers["etag"]
        assert (
            client.patch(CLAIM, json={"title": "Before"}, headers={"If-Match": etag}).status_code
            == 200
        )
        os.replace(restored, sqlite_server.path)  # a restore moved in, server still running
        time.sleep(RECHECK_SECONDS)
        for path in ("/healthz", CLAIM, "/v1/claims", "/v1/changes"):
            assert_unavailable(client.get(path))
        assert_unavailable(client.patch(CLAIM, json={"title": "Into"}, headers={"If-Match": etag}))

    assert integrity(sqlite_server.path) == "ok"
    with uvicorn_serving(f"sqlite:///{sqlite_server.path}") as base, httpx.Client() as client:
        served = client.get(f"{base}{CLAIM}").json()  # restarted, it serves the restore
        assert served["title"] == "Inadequate Dosage" and served["revision"] == 1


# No ambiguous writes ------------------------------------------------------------------


def test_a_write_holds_one_database_connection_its_own(curator: Curator) -> None:
    """The key is looked up without a pooled connection, so nothing sits idle in a
    transaction beside the write, and the answer is the write's own commit."""
    engine = curator.client.app.state.engine  # type: ignore[attr-defined]
    in_use, most = 0, 0

    def out(*_: object) -> None:
        nonlocal in_use, most
        in_use += 1
        most = max(most, in_use)

    def back(*_: object) -> None:
        nonlocal in_use
        in_use -= 1

    etag = curator.client.get(CLAIM).headers["etag"]
    event.listen(engine, "checkout", out)
    event.listen(engine, "checkin", back)
    try:
        edited = curator.client.patch(
            CLAIM, json={"title": "One connection"}, headers={**curator.auth, "If-Match": etag}
        )
    finally:
        event.remove(engine, "checkout", out)
        event.remove(engine, "checkin", back)

    assert edited.status_code == 200
    assert most == 1


def test_every_connection_taken_is_a_503_to_reads_and_writes_never_a_500(
    curator: Curator,
) -> None:
    engine = curator.client.app.state.engine  # type: ignore[attr-defined]
    etag = curator.client.get(CLAIM).headers["etag"]
    held = []
    try:
        while True:  # every connection the pool will give, overflow included
            held.append(engine.pool.connect())
            if engine.pool.checkedout() >= engine.pool.size() + engine.pool._max_overflow:
                break
        answers = [
            curator.client.get("/v1/claims?q=dose"),
            curator.client.patch(
                CLAIM, json={"title": "Never"}, headers={**curator.auth, "If-Match": etag}
            ),
        ]
    finally:
        for connection in held:
            connection.close()

    for answer in answers:
        assert_unavailable(answer)
    assert curator.client.get(CLAIM).json()["title"] == "Inadequate Dosage"


# A network that stops answering ------------------------------------------------------


class FreezableLink:
    """A TCP proxy on loopback that can stop forwarding while keeping every socket open:
    what a network dropping packets looks like to the API, minus the operating system's
    own retransmission timeouts (here the kernel still acknowledges what it receives, so
    only the API's own deadlines can end a wait)."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.flowing = threading.Event()
        self.flowing.set()
        self.port = 0
        self.sockets: list[socket.socket] = []
        self.drop_at: tuple[bytes, bool, bool] | None = None
        self.restore()

    def drop_connection_at(self, message: bytes, *, delivered: bool, then_cut: bool) -> None:
        """The next connection to send `message` is lost at that moment: its client never
        hears back, and the database gets the message first (`delivered`) or never; then
        the link is `cut` too, or not."""
        self.drop_at = (message, delivered, then_cut)

    def cut(self, *, but: socket.socket | None = None) -> None:
        """The database gone: every connection closed (`but` one), new ones refused."""
        with contextlib.suppress(OSError):  # wakes the thread blocked in accept()
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for end in self.sockets:
            if end is not but:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
        self.sockets = [but] if but else []

    def restore(self) -> None:
        """The database back, at the same address."""
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            self.sockets += [client, server]
            for source, target in ((client, server), (server, client)):
                pump = threading.Thread(
                    target=self._pump, args=(source, target, source is client), daemon=True
                )
                pump.start()

    def _pump(self, source: socket.socket, target: socket.socket, to_database: bool) -> None:
        try:
            while data := source.recv(65536):
                self.flowing.wait()
                if to_database and self.drop_at and self.drop_at[0] in data:
                    _, delivered, then_cut = self.drop_at
                    self.drop_at = None
                    if then_cut:  # before the client can ask again
                        self.cut(but=target)
                    with contextlib.suppress(OSError):  # then no answer can reach it
                        source.shutdown(socket.SHUT_RDWR)
                    if delivered:
                        target.sendall(data)
                    return
                target.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, target):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.flowing.set()  # no pump left waiting
        self.cut()


@pytest.fixture
def linked_postgres(tmp_path: Path) -> Iterator[tuple[FreezableLink, str, str]]:
    """A loaded PostgreSQL database reached through a FreezableLink: the link, the URL
    through it, and a curator's key."""
    url = database_url("postgresql", tmp_path)
    key = loaded_with_a_key(url)
    direct = make_url(url)
    link = FreezableLink((direct.host or "127.0.0.1", direct.port or 5432))
    yield link, direct.set(port=link.port).render_as_string(hide_password=False), key
    link.close()


def test_a_frozen_link_to_postgresql_is_503s_within_seconds_and_heals_when_it_thaws(
    linked_postgres: tuple[FreezableLink, str, str],
) -> None:
    link, through_link, key = linked_postgres
    env = {"KB_REQUEST_TIMEOUT_SECONDS": "2", "KB_RESPONSE_CACHE_BYTES": "0"}
    with (
        uvicorn_serving(through_link, env=env) as base,
        LiveServer(base, key).client() as client,
    ):
        etag = client.get(CLAIM).headers["etag"]
        link.flowing.clear()
        frozen = {
            "health": timed(lambda: client.get("/healthz")),
            "list": timed(lambda: client.get("/v1/claims?q=dose")),
            "by id": timed(lambda: client.get(CLAIM)),
            "write": timed(
                lambda: client.patch(CLAIM, json={"title": "Frozen"}, headers={"If-Match": etag})
            ),
            "tags": timed(lambda: client.get("/v1/tags")),
        }
        link.flowing.set()
        thawed = time.monotonic()
        while (health := client.get("/healthz")).status_code != 200:
            assert time.monotonic() - thawed < 15, health.text
            time.sleep(0.2)
        after = [client.get(path).status_code for path in ("/v1/claims?q=dose", CLAIM)]

    for what, (status, took) in frozen.items():
        assert status in (503, 504) and (status == 504) == (what == "write"), (what, status)
        assert took < 4, (what, took)
    assert after == [200, 200]


def test_postgresql_gone_then_back_is_503s_then_answers_at_once(
    linked_postgres: tuple[FreezableLink, str, str],
) -> None:
    link, through_link, key = linked_postgres
    with uvicorn_serving(through_link) as base, LiveServer(base, key).client() as client:
        etag = client.get(CLAIM).headers["etag"]
        assert client.get("/v1/claims?q=dose").status_code == 200
        link.cut()
        gone = [
            client.get("/healthz"),
            client.get(CLAIM),
            client.get("/v1/claims?q=allergic"),
            client.patch(CLAIM, json={"title": "Gone"}, headers={"If-Match": etag}),
        ]
        time.sleep(3)  # a connection pool's retries back off to seconds meanwhile
        link.restore()
        back = [client.get(path) for path in ("/healthz", CLAIM, "/v1/claims?q=botox")]
        edited = client.patch(CLAIM, json={"title": "Back"}, headers={"If-Match": etag})

    for answer in gone:
        assert_unavailable(answer)
    assert [answer.status_code for answer in back] == [200, 200, 200]  # no restart, no error
    assert edited.status_code == 200


def test_connections_killed_under_the_server_are_replaced_without_an_error(
    tmp_path: Path,
) -> None:
    name = f"kb-killed-{uuid.uuid4().hex[:8]}"
    url = make_url(database_url("postgresql", tmp_path)).update_query_dict(
        {"application_name": name}
    )
    served = url.render_as_string(hide_password=False)
    load_database(served, DATA_DIR)
    engine = make_engine(Settings(database_url=served))
    key = auth.create_key(engine, "killed")
    with uvicorn_serving(served) as base, LiveServer(base, key).client() as client:
        etag = client.get(CLAIM).headers["etag"]
        assert client.get("/v1/claims?q=dose").status_code == 200
        assert client.get("/healthz").status_code == 200
        with engine.connect() as connection:
            killed = connection.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE application_name = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            ).scalar_one()
        after = [client.get(path) for path in ("/healthz", CLAIM, "/v1/claims?q=allergic")]
        edited = client.patch(CLAIM, json={"title": "After"}, headers={"If-Match": etag})
    engine.dispose()

    assert killed >= 3  # the pool's, the key reader's and the revision reader's
    assert [answer.status_code for answer in after] == [200, 200, 200]
    assert edited.status_code == 200


@pytest.mark.parametrize(
    ("delivered", "then_cut"),
    [(True, False), (False, False), (True, True)],
    ids=["commit-delivered", "commit-lost", "database-gone-after"],
)
def test_a_write_whose_commit_is_not_acknowledged_answers_what_the_database_holds(
    linked_postgres: tuple[FreezableLink, str, str], delivered: bool, then_cut: bool
) -> None:
    """The connection drops during COMMIT: the change may or may not be in. The API asks
    the database on a new connection and answers 200 only for a change it holds, 503
    (retry) only for one it does not; 504 (read before retrying) if it cannot ask."""
    link, through_link, key = linked_postgres
    with uvicorn_serving(through_link) as base, LiveServer(base, key).client() as client:
        etag = client.get(CLAIM).headers["etag"]
        link.drop_connection_at(b"COMMIT", delivered=delivered, then_cut=then_cut)
        edited = client.patch(CLAIM, json={"title": "Committed?"}, headers={"If-Match": etag})
        assert link.drop_at is None  # the write's COMMIT was the one dropped
        if then_cut:
            link.restore()
        title = client.get(CLAIM).json()["title"]
        changes = client.get("/v1/changes", params={"limit": 500}).json()["data"]

    titles = [c["record"]["title"] for c in changes if c["id"] == CLAIM.rsplit("/", 1)[-1]]
    assert titles.count("Committed?") == (title == "Committed?") == delivered
    if then_cut:
        assert edited.status_code == 504, edited.text
        assert "may or may not be applied" in edited.json()["detail"]
    elif delivered:
        assert edited.status_code == 200, edited.text
        assert edited.json()["title"] == "Committed?"
    else:
        assert_unavailable(edited)


def test_a_write_that_changes_nothing_is_answered_as_usual_when_its_commit_is_lost(
    linked_postgres: tuple[FreezableLink, str, str],
) -> None:
    link, through_link, key = linked_postgres
    with uvicorn_serving(through_link) as base, LiveServer(base, key).client() as client:
        current = client.get(CLAIM)
        link.drop_connection_at(b"COMMIT", delivered=False, then_cut=False)
        same = client.patch(
            CLAIM,
            json={"title": current.json()["title"]},
            headers={"If-Match": current.headers["etag"]},
        )
        assert link.drop_at is None  # its COMMIT was the one dropped

    assert same.status_code == 200, same.text
    assert same.headers["etag"] == current.headers["etag"]
