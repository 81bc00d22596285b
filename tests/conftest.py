"""Fixtures: every database test runs once on SQLite and once on PostgreSQL.

PostgreSQL is used where reachable (KB_TEST_POSTGRES=auto, the default), skipped
where not; KB_TEST_POSTGRES=require makes an unreachable server a failure (CI sets
it), and =off skips PostgreSQL. KB_TEST_POSTGRES_URL says where the server is. Each
test run works in a schema of its own, so it never touches other data.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text

from api.config import REPO_ROOT, Settings
from api.http import auth
from api.main import create_app
from api.store import migrate
from api.store.engine import make_engine
from api.writes import loader
from api.writes.synth import synthesize
from tests.helpers import Curator

# The test client calls itself "testserver": a host name like any a deployment lists.
os.environ.setdefault("KB_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1,::1")

DATA_DIR = REPO_ROOT / "data"
POSTGRES_MODE = os.environ.get("KB_TEST_POSTGRES", "auto")
POSTGRES_URL = os.environ.get(
    "KB_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite", "postgresql"]
UNLIMITED_WRITES = {"KB_WRITES_PER_MINUTE": "1000000"}
"""A served API's environment for tests that write more than a person would: the limit
on writes per key has tests of its own, and here it would only refuse more."""


@cache
def _postgres_error() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can."""
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # any failure to connect means "unreachable" here
        return f"PostgreSQL at {POSTGRES_URL} is unreachable: {exc.__class__.__name__}: {exc}"
    return None


def _fresh_postgres_schema() -> str:
    """A new, empty schema; the URL returned puts it first on the search path."""
    if POSTGRES_MODE == "off":
        pytest.skip("PostgreSQL tests are off (KB_TEST_POSTGRES=off)")
    if (error := _postgres_error()) is not None:
        if POSTGRES_MODE == "require":
            pytest.fail(f"{error} (KB_TEST_POSTGRES=require)")
        pytest.skip(error)
    schema = f"kb_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text(f'create schema "{schema}"'))
    engine.dispose()
    _schemas.append(schema)
    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}options={quote(f'-csearch_path={schema}')}"


_schemas: list[str] = []


@pytest.fixture(scope="session", autouse=True)
def _drop_postgres_schemas() -> Iterator[None]:
    yield
    if _schemas and _postgres_error() is None:
        engine = create_engine(POSTGRES_URL)
        for schema in _schemas:  # one transaction each: one for all runs out of lock slots
            with engine.begin() as connection:
                connection.execute(text(f'drop schema if exists "{schema}" cascade'))
        engine.dispose()


def database_url(backend: str, folder: Path) -> str:
    """A URL for a new, empty database on `backend` (skipped or failed per KB_TEST_POSTGRES)."""
    if backend == "sqlite":
        return f"sqlite:///{folder / 'kb.sqlite3'}"
    return _fresh_postgres_schema()


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for an empty database of its own (no tables yet)."""
    return Settings(database_url=database_url(request.param, tmp_path), data_dir=DATA_DIR)


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    """An engine on a migrated, still empty database."""
    engine = make_engine(settings)
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def loaded_settings(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """One database per backend with data/ loaded, shared by tests that only read."""
    settings = Settings(
        database_url=database_url(request.param, tmp_path_factory.mktemp(request.param)),
        data_dir=DATA_DIR,
    )
    engine = make_engine(settings)
    migrate.upgrade(engine)
    loader.load(engine=engine, data_dir=DATA_DIR)
    engine.dispose()
    yield settings


@contextmanager
def _curating(settings: Settings) -> Iterator[Curator]:
    engine = make_engine(settings)
    migrate.upgrade(engine)
    loader.load(engine=engine, data_dir=DATA_DIR)
    key = auth.create_key(engine, "test-curator")
    try:
        with TestClient(create_app(settings)) as client:
            yield Curator(client=client, key=key, engine=engine, settings=settings)
    finally:
        engine.dispose()


@pytest.fixture
def curator(settings: Settings) -> Iterator[Curator]:
    """A private, loaded database that a test may write to, with an API key."""
    with _curating(settings) as curator:
        yield curator


@pytest.fixture(scope="module", params=BACKENDS)
def module_curator(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Curator]:
    """Like `curator`, shared by one module's tests (which must not mind each other's writes)."""
    folder = tmp_path_factory.mktemp(request.param)
    settings = Settings(
        database_url=database_url(request.param, folder),
        data_dir=DATA_DIR,
        # Many tests' writes and wrong keys from one client: the limits have tests of their own.
        writes_per_minute=1_000_000,
        auth_failures_per_minute=1_000_000,
    )
    with _curating(settings) as curator:
        yield curator


@pytest.fixture(scope="session")
def client(loaded_settings: Settings) -> Iterator[TestClient]:
    """A client of the API serving the article's claims; read-only tests share it."""
    with TestClient(create_app(loaded_settings)) as client:
        yield client


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def synthetic_folder(factory: pytest.TempPathFactory, claims: int) -> Path:
    """The article plus `claims` synthetic ones, as a data folder (what `kb synth` writes)."""
    out = factory.mktemp("synth") / "data"
    synthesize(out, claims=claims, include=DATA_DIR)
    return out


def load_database(url: str, data_dir: Path) -> None:
    """Migrate the database at `url` and load `data_dir` into it, as `kb load` does."""
    engine = make_engine(Settings(database_url=url))
    migrate.upgrade(engine)
    loader.load(engine=engine, data_dir=data_dir)
    engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving_process(
    command: list[str], port: int, *, env: dict[str, str], log: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A server process (uvicorn, `kb serve`) answering /healthz on `port`; stopped after.
    With `log`, its standard error goes to that file (to read what it logged)."""
    with open(log or os.devnull, "wb") as errors:
        process = subprocess.Popen(
            command,
            env={**os.environ, **env},
            cwd=REPO_ROOT,
            stderr=errors if log else None,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            else:
                pytest.fail("the server did not start")
            yield process
        finally:
            process.terminate()
            process.wait(timeout=15)


@contextmanager
def uvicorn_serving(
    url: str,
    *,
    workers: int = 1,
    env: dict[str, str] | None = None,
    log: Path | None = None,
    app: str = "api.main:app",
) -> Iterator[str]:
    """The API (or `app`) served by uvicorn over the database at `url`, on a free loopback
    port."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    with serving_process(command, port, env={"DATABASE_URL": url, **(env or {})}, log=log):
        yield f"http://127.0.0.1:{port}"


def load_data(url: str, *, curator: str = "test-curator") -> str:
    """Migrate the database at `url`, load data/ into it, and make a curator's key
    (returned) for a server to be started over it."""
    engine = make_engine(Settings(database_url=url))
    migrate.upgrade(engine)
    loader.load(engine=engine, data_dir=DATA_DIR)
    key = auth.create_key(engine, curator)
    engine.dispose()
    return key


@contextmanager
def serving_data(url: str) -> Iterator[str]:
    """The API served by uvicorn over the database at `url`, data/ loaded into it."""
    load_data(url)
    with uvicorn_serving(url) as base:
        yield base


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API served by uvicorn on a free loopback port, over a loaded SQLite file."""
    with serving_data(f"sqlite:///{tmp_path_factory.mktemp('live') / 'kb.sqlite3'}") as base:
        yield base


@pytest.fixture(scope="session", params=BACKENDS)
def live_api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The API served by uvicorn over data/ loaded, on each engine."""
    with serving_data(database_url(request.param, tmp_path_factory.mktemp(request.param))) as base:
        yield base
