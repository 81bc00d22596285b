"""The typed clients in clients/, as a health-app developer uses them.

Each is generated from the committed openapi.json by a pinned generator; regenerating
must change nothing, each must pass its language's strict type check, and each one's
tour (risk factors with their ranks, a claim by id, paging by `links.next`, a search,
the change feed, a 404 as a typed problem) runs against a live server on each engine.
The TypeScript half needs Node.js and `npm ci` in clients/typescript (`make test` runs
it): without them it is skipped, or failed when KB_TEST_TYPESCRIPT=require (CI).
"""

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import REPO_ROOT

CLIENTS = REPO_ROOT / "clients"
PYTHON = CLIENTS / "python"
TYPESCRIPT = CLIENTS / "typescript"
BIN = TYPESCRIPT / "node_modules" / ".bin"


def run(command: list[str], cwd: Path = REPO_ROOT, timeout: float = 300) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{command[0]}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def node_tools() -> Path:
    """The TypeScript toolchain of clients/typescript, or a skip (a failure on CI)."""
    if shutil.which("node") is None or not (BIN / "tsc").exists():
        reason = "Node.js or clients/typescript/node_modules is missing (npm ci there)"
        if os.environ.get("KB_TEST_TYPESCRIPT") == "require":
            pytest.fail(reason)
        pytest.skip(reason)
    return BIN


def regenerate(only: str, into: Path) -> None:
    run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "clients.py"),
            "--only",
            only,
            "--into",
            str(into),
        ]
    )


def same_tree(left: Path, right: Path) -> list[str]:
    """Files that differ, or are on one side only, between two folders."""
    compared = filecmp.dircmp(left, right, ignore=["__pycache__"])
    differ = [*compared.left_only, *compared.right_only, *compared.diff_files]
    for name, sub in compared.subdirs.items():
        differ += [f"{name}/{path}" for path in same_tree(Path(sub.left), Path(sub.right))]
    return differ


def check_tour(output: str) -> None:
    """What both tours print; the Python one also reads the tags and the NDJSON export."""
    assert "risk factor 2: Allergic Reactions (rare)" in output
    assert "claim risk-factor-allergic-reactions is risk factor 2: " in output
    assert "paged through 21 claims" in output
    assert "search hit: risk-factor-allergic-reactions -> " in output
    assert "<mark>allergic</mark>" in output
    assert "change: created risk factor 4" in output
    assert "followed the change feed to its end: 1 source, 22 tag, 21 claim" in output
    assert "problem 404 (404): No claim with id 'no-such-claim'." in output


# Python: openapi-python-client, clients/python


def test_the_python_client_is_what_its_generator_makes(tmp_path: Path) -> None:
    regenerate("python", tmp_path)
    made = tmp_path / "clients" / "python" / "migraine_claims_kb_client"

    assert same_tree(made, PYTHON / "migraine_claims_kb_client") == []


def test_the_python_client_and_its_tour_type_check_strictly() -> None:
    run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            "/dev/null",
            "migraine_claims_kb_client",
            "tour.py",
        ],
        cwd=PYTHON,
    )


def test_the_python_tour(live_api: str) -> None:
    output = run([sys.executable, str(PYTHON / "tour.py"), live_api], cwd=PYTHON)

    check_tour(output)
    assert "the vocabulary has 22 tags, e.g. " in output
    assert re.search(r"the export holds \d+ lines, the first a header", output)


def test_the_python_client_reads_fields_added_later(client: TestClient) -> None:
    """v1 may add fields to any answer (README, "The contract"): the client ignores them."""
    from migraine_claims_kb_client.models import ClaimPage, RiskFactorClaim

    page: dict[str, Any] = client.get("/v1/claims", params={"type": "risk_factor"}).json()
    page["later"] = {"any": "thing"}
    page["meta"]["later"] = 1
    page["links"]["later"] = "http://example.org"
    for claim in page["data"]:
        claim["later"] = [1, 2]

    parsed = ClaimPage.from_dict(page)

    assert [c.rank for c in parsed.data if isinstance(c, RiskFactorClaim)] == [1, 2, 3, 4]


# TypeScript: openapi-typescript + openapi-fetch, clients/typescript


def test_the_typescript_types_are_what_their_generator_makes(tmp_path: Path) -> None:
    node_tools()
    regenerate("typescript", tmp_path)
    made = tmp_path / "clients" / "typescript" / "src" / "schema.ts"

    assert made.read_text() == (TYPESCRIPT / "src" / "schema.ts").read_text()


@pytest.fixture(scope="module")
def built_typescript() -> Path:
    """clients/typescript compiled by tsc (strict, tsconfig.json) into its dist/."""
    run([str(node_tools() / "tsc"), "-p", "."], cwd=TYPESCRIPT)
    return TYPESCRIPT / "dist"


def test_the_typescript_client_and_its_tour_compile_strictly(built_typescript: Path) -> None:
    assert (built_typescript / "examples" / "tour.js").exists()


def test_the_typescript_tour(built_typescript: Path, live_api: str) -> None:
    tour = built_typescript / "examples" / "tour.js"
    output = run(["node", str(tour), live_api], cwd=TYPESCRIPT)

    check_tour(output)


# The document itself, as linters read it


def test_openapi_json_passes_redocly_recommended_rules() -> None:
    """Redocly's recommended rules, but for the licence (clients/typescript/redocly.yaml)."""
    lint = [str(node_tools() / "redocly"), "lint", "../../openapi.json", "--format=json"]
    report = json.loads(run(lint, cwd=TYPESCRIPT))

    assert report["problems"] == []


def test_openapi_json_passes_the_openapi_spec_validator() -> None:
    from openapi_spec_validator import validate

    validate(json.loads((REPO_ROOT / "openapi.json").read_text()))
