"""Asked for PostgreSQL, the suite fails rather than skips when no server answers."""

import os
import subprocess
import sys

from api.config import REPO_ROOT

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/test"


def run_health_tests(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_health.py::test_healthy_when_the_database_answers",
        ],
        cwd=REPO_ROOT,
        env={**os.environ, "KB_TEST_POSTGRES": mode, "KB_TEST_POSTGRES_URL": UNREACHABLE},
        capture_output=True,
        text=True,
        check=False,
    )


def test_required_postgres_that_is_unreachable_fails_the_run() -> None:
    result = run_health_tests("require")

    assert result.returncode == 1, result.stdout
    assert "1 passed" in result.stdout and "1 error" in result.stdout
    assert "is unreachable" in result.stdout


def test_by_default_unreachable_postgres_is_skipped_and_sqlite_still_runs() -> None:
    result = run_health_tests("auto")

    assert result.returncode == 0, result.stdout
    assert "1 passed, 1 skipped" in result.stdout
