"""The client examples in docs/examples run, against a live server, and say what they should."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from api.config import REPO_ROOT
from tests.helpers import ARTICLE_CLAIMS

EXAMPLES = REPO_ROOT / "docs" / "examples"


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


def test_the_python_example(live_server: str, tmp_path: Path) -> None:
    check(run([sys.executable, str(EXAMPLES / "client.py"), live_server], tmp_path))


def test_the_javascript_example(live_server: str, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed here")
    check(run([node, str(EXAMPLES / "client.mjs"), live_server], tmp_path))


def test_the_curl_example(live_server: str, tmp_path: Path) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed here")
    output = run(["bash", str(EXAMPLES / "curl.sh"), live_server], tmp_path)

    assert '"title":"Allergic Reactions"' in output
    assert 'rel="next"' in output
    assert output.rstrip().endswith("304")
    assert (tmp_path / "kb-mirror.ndjson").stat().st_size > 0
