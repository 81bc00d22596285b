"""Two checkouts of this API side by side: what a change costs or saves.

A command of its own (`make bench-versions BASE=<commit>`), never part of the tests.
Each checkout serves with its own virtualenv and code, one uvicorn worker as
`bench/serving.py` runs ours, over a SQLite file of its own that its own `kb load` left
(the article plus N synthetic claims, the same for both). wrk asks both the same things,
rounds alternating which goes first, the machine let settle between runs:

- a kept answer: one claim by id over and over, response cache on (what the cache and
  everything outside it cost);
- distinct URLs, cache off: every claim by id, every tag at every page size, and the
  mixed traffic of `bench/serving.py` (what every computed request pays).

Prints a Markdown table: requests/s (median of the rounds) and p99 per checkout, and
the ratio of the second to the first.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import distinct_paths, free_port, settle, wait_for_port, wrk  # noqa: E402

KEPT = "/v1/claims/risk-factor-allergic-reactions"
DISTINCT = ("distinct: claims by id", "distinct: every tag, every size", "distinct: mixed")


def kb(checkout: Path, *args: str, env: dict[str, str]) -> None:
    command = [str(checkout / ".venv" / "bin" / "kb"), *args]
    subprocess.run(command, cwd=checkout, env=env, check=True, stdout=subprocess.DEVNULL)


@contextmanager
def served(checkout: Path, database: Path, cache: bool) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    if not cache:
        env["KB_RESPONSE_CACHE_BYTES"] = "0"
    command = [str(checkout / ".venv" / "bin" / "uvicorn"), "api.main:app", "--port", str(port)]
    command += ["--host", "127.0.0.1", "--no-access-log", "--log-level", "warning"]
    command += ["--loop", "uvloop", "--http", "httptools", "--workers", "1"]
    process = subprocess.Popen(command, cwd=checkout, env=env, stdout=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("first", type=Path, help="checkout measured first (the base)")
    parser.add_argument("second", type=Path, help="checkout compared with it")
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=6, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    checkouts = {"first": args.first.resolve(), "second": args.second.resolve()}

    with tempfile.TemporaryDirectory(prefix="kb-versions-") as scratch:
        work = Path(scratch)
        data = work / "data"
        env = dict(os.environ)
        kb(checkouts["second"], "synth", str(data), "--claims", str(args.claims), env=env)
        databases: dict[str, Path] = {}
        for name, checkout in checkouts.items():
            databases[name] = work / f"{name}.sqlite3"
            kb(
                checkout,
                "load",
                str(data),
                env={**env, "DATABASE_URL": f"sqlite:///{databases[name]}"},
            )
        files: dict[str, Path] = {}
        for scenario, (ours, _) in distinct_paths(databases["second"]).items():
            if scenario in DISTINCT:
                files[scenario] = work / f"{len(files)}.paths"
                files[scenario].write_text("\n".join(ours) + "\n")

        runs: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for round_ in range(args.rounds):
            order = list(checkouts) if round_ % 2 == 0 else list(reversed(checkouts))
            for name in order:
                for cache in (True, False):
                    with served(checkouts[name], databases[name], cache) as base:
                        asked = (
                            [("kept answer", base + KEPT, None)]
                            if cache
                            else [
                                (scenario, base, path_file) for scenario, path_file in files.items()
                            ]
                        )
                        for scenario, url, path_file in asked:
                            settle()
                            found = wrk(
                                url,
                                connections=args.connections,
                                duration=args.duration,
                                headers={},
                                paths=path_file,
                            )
                            runs.setdefault((scenario, name), []).append(found)

    print(f"| scenario | {args.first} req/s (p99 ms) | {args.second} req/s (p99 ms) | ratio |")
    print("| --- | --- | --- | --- |")
    for scenario in ["kept answer", *DISTINCT]:
        rates = {n: _median(runs[(scenario, n)], "requests_per_s") for n in checkouts}
        p99 = {n: _median(runs[(scenario, n)], "p99_ms") for n in checkouts}
        print(
            f"| {scenario} | {rates['first']:,.0f} ({p99['first']:.1f}) "
            f"| {rates['second']:,.0f} ({p99['second']:.1f}) "
            f"| {rates['second'] / rates['first']:.2f} |"
        )


def _median(found: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] or 0 for run in found)


if __name__ == "__main__":
    main()
