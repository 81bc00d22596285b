"""CPU per request: what a lever saves, read from the server process itself.

A command of its own, never part of the tests. Requests per second on a shared two-core
machine swing by a quarter from one minute to the next; the CPU time the server spends
per request moves far less, and says where a lever acts (a thread convoy shows as system
time). So this serves the API once per variant (an environment of its own: a setting, a
lever behind a flag), drives it with wrk over the benchmark's distinct URLs, reads the
server's CPU time (its workers' too) from /proc before and after each run, and runs the
variants alternately, `--rounds` times, so the machine's swings fall on all alike.

    .venv/bin/python -m bench.cpu kb.sqlite3 --variant as-shipped= \
        --variant four-slots=KB_MAX_CONCURRENT_REQUESTS=4 --only "tag|deep"

`--app` serves another ASGI app instead (e.g. `bench.busy_app:app`, to see what uvicorn
alone does when its loop is saturated). The database is used as it is: build it with
`kb synth` and `kb load`, as `make bench` does.
"""

import argparse
import os
import re
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bench.serving import UVICORN, distinct_paths, free_port, serving, wrk

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """User and system CPU seconds of a process and its children (uvicorn's workers)."""
    user = system = 0.0
    children = Path(f"/proc/{pid}/task/{pid}/children")
    pids = [pid, *(int(p) for p in children.read_text().split())] if children.exists() else [pid]
    for each in pids:
        # Fields after the command name, which may hold spaces: utime and stime are 12, 13.
        fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        user += int(fields[11]) / TICKS
        system += int(fields[12]) / TICKS
    return user, system


def measure(
    app: str, env: dict[str, str], scenarios: dict[str, Path], args: argparse.Namespace
) -> dict[str, dict[str, Any]]:
    """One server with `env`; each scenario driven once. Per scenario: wrk's numbers and
    the CPU milliseconds per request, all and system."""
    port = free_port()
    command = [*UVICORN, app, "--port", str(port), "--workers", str(args.workers)]
    results = {}
    with serving(command, port, {**os.environ, **env}) as process:
        for name, paths in scenarios.items():
            before = cpu_seconds(process.pid)
            found = wrk(
                f"http://127.0.0.1:{port}",
                connections=args.connections,
                duration=args.duration,
                headers={},
                paths=paths,
            )
            after = cpu_seconds(process.pid)
            requests = found["requests_per_s"] * args.duration
            found["cpu_ms"] = round(1000 * (sum(after) - sum(before)) / requests, 2)
            found["system_ms"] = round(1000 * (after[1] - before[1]) / requests, 2)
            results[name] = found
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path, help="a SQLite file `kb load` filled")
    parser.add_argument(
        "--variant",
        action="append",
        required=True,
        metavar="NAME=[VAR=VALUE,...]",
        help="a server to compare: its name and extra environment",
    )
    parser.add_argument("--url", help="serve this DATABASE_URL (same data) instead of the file")
    parser.add_argument("--app", default="api.main:app")
    parser.add_argument("--only", default="", help="scenarios whose name matches this")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    base = {"DATABASE_URL": args.url or f"sqlite:///{args.database.resolve()}"}
    base["KB_RESPONSE_CACHE_BYTES"] = "0"  # every request computed
    variants: dict[str, dict[str, str]] = {}
    for given in args.variant:
        name, _, settings = given.partition("=")
        pairs = (pair.partition("=") for pair in settings.split(",") if pair)
        variants[name] = {**base, **{key: value for key, _, value in pairs}}

    with tempfile.TemporaryDirectory() as scratch:
        scenarios: dict[str, Path] = {}
        for name, (ours, _) in distinct_paths(args.database).items():
            if re.search(args.only, name):
                scenarios[name] = Path(scratch) / f"{len(scenarios)}.txt"
                scenarios[name].write_text("\n".join(ours) + "\n")
        runs: dict[str, list[dict[str, dict[str, Any]]]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, env in variants.items():
                runs[name].append(measure(args.app, env, scenarios, args))
                subprocess.run(["sleep", "1"], check=True)

    print(f"{args.workers} worker(s), {args.connections} connections, {args.duration} s runs, ")
    print(f"{args.rounds} rounds alternating; ranges are min-max over rounds.\n")
    print("| scenario | variant | req/s | not 2xx/3xx | p99 ms | CPU ms/request | system |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for scenario in scenarios:
        for name in variants:
            rows = [run[scenario] for run in runs[name]]

            def span(key: str, rows: list[dict[str, Any]] = rows) -> str:
                values = [row[key] for row in rows if row[key] is not None]
                if not values:
                    return "none"
                low, high = min(values), max(values)
                return f"{low:g}" if low == high else f"{low:g}-{high:g}"

            median = statistics.median(row["requests_per_s"] for row in rows)
            print(
                f"| {scenario} | {name} | {median:g} ({span('requests_per_s')}) | "
                f"{span('non_2xx_3xx')} | {span('p99_ms')} | {span('cpu_ms')} | "
                f"{span('system_ms')} |"
            )


if __name__ == "__main__":
    main()
