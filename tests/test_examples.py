"""The client examples in docs/examples run, against a live server, and say what they should."""

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api import loader, migrate
from api.config import REPO_ROOT, Settings
from api.db import make_engine
from tests.conftest import DATA_DIR
from tests.fixtures import ARTICLE_CLAIMS

EXAMPLES = REPO_ROOT / "docs" / "examples"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API served by uvicorn on a free loopback port, over a loaded SQLite file."""
    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'kb.sqlite3'}"
    engine = make_engine(Settings(database_url=url))
    migrate.upgrade(engine)
    loader.load(engine=engine, data_dir=DATA_DIR)
    engine.dispose()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env={**os.environ, "DATABASE_URL": url},
        cwd=REPO_ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def run(command: list[str], cwd: Path) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def check(output: str) -> None:
    assert "risk factor 2: Allergic Reactions (rare)" in output
    assert "search hit: risk-factor-allergic-reactions -> " in output
    assert "<mark>allergic</mark>" in output
    assert f"paged through {ARTICLE_CLAIMS} claims" in output
    assert "mirror is up to date" in output


def test_the_python_example(server: str, tmp_path: Path) -> None:
    check(run([sys.executable, str(EXAMPLES / "client.py"), server], tmp_path))


def test_the_javascript_example(server: str, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed here")
    check(run([node, str(EXAMPLES / "client.mjs"), server], tmp_path))


def test_the_curl_example(server: str, tmp_path: Path) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed here")
    output = run(["bash", str(EXAMPLES / "curl.sh"), server], tmp_path)

    assert '"title":"Allergic Reactions"' in output
    assert 'rel="next"' in output
    assert output.rstrip().endswith("304")
    assert (tmp_path / "kb-mirror.ndjson").stat().st_size > 0
