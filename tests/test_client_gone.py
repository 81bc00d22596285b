"""A read whose client hangs up stops its queries.

Its slot and its connection go to the requests still waiting, instead of to a query no
one will read; the operator sees it in /metrics as a 499 ("client closed request").
Writes are left to finish.
"""

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import Engine

from api.config import Settings
from api.store.engine import make_engine
from tests.conftest import BACKENDS, DATA_DIR, database_url, load_database, uvicorn_serving

ONE_SLOT = {
    "KB_MAX_CONCURRENT_REQUESTS": "1",
    "KB_STATEMENT_TIMEOUT_SECONDS": "60",
    "KB_REQUEST_TIMEOUT_SECONDS": "120",
    "KB_RESPONSE_CACHE_BYTES": "0",
}
"""One request computed at a time, and limits far beyond the test: a query left running
would hold the only slot for a minute."""


@contextmanager
def asking(base: str, path: str) -> Iterator[None]:
    """Ask for `path`; leaving the block hangs up, whether or not the answer came."""
    where = urlsplit(base)
    with socket.create_connection((where.hostname or "127.0.0.1", where.port or 80)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        yield


def answered_within(base: str, path: str, seconds: float) -> httpx.Response:
    """The first answer to `path` that is not a 503 (no slot free), asking until `seconds`."""
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=seconds) as client:
        while True:
            answer = client.get(path)
            if answer.status_code != 503 or time.monotonic() > deadline:
                return answer


@pytest.fixture(params=BACKENDS)
def slow_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The API plus a read that runs until stopped (`tests.slow_app`), one slot: its base
    URL and the database's."""
    url = database_url(request.param, tmp_path)
    load_database(url, DATA_DIR)
    with uvicorn_serving(url, env=ONE_SLOT, app="tests.slow_app:app") as base:
        yield base, url


def test_a_read_whose_client_hangs_up_frees_its_slot_at_once(
    slow_server: tuple[str, str],
) -> None:
    base, _ = slow_server
    with asking(base, "/slow-read"):
        time.sleep(0.5)

    started = time.monotonic()
    answer = answered_within(base, "/v1/claims?q=dose", 3)
    assert answer.status_code == 200
    assert time.monotonic() - started < 3  # not the minute the query had left

    metrics = httpx.get(f"{base}/metrics").text
    assert 'kb_http_requests_total{method="GET",route="/slow-read",status="499"} 1.0' in metrics


def _waiting_on_locks(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database()"
            ).scalar_one()
        )


def test_a_postgresql_search_is_cancelled_when_its_client_hangs_up(tmp_path: Path) -> None:
    url = database_url("postgresql", tmp_path)
    load_database(url, DATA_DIR)
    engine = make_engine(Settings(database_url=url))
    with uvicorn_serving(url, env=ONE_SLOT) as base, engine.connect() as locker:
        locker.exec_driver_sql("LOCK TABLE claim IN ACCESS EXCLUSIVE MODE")  # a migration's
        with asking(base, "/v1/claims?q=dose"):
            time.sleep(0.5)
            waiting = [_waiting_on_locks(engine)]
        time.sleep(1)
        waiting.append(_waiting_on_locks(engine))
        locker.rollback()
    engine.dispose()
    assert waiting == [1, 0]  # the search waited for the lock, then was cancelled
