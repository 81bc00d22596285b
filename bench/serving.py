"""Throughput and latency under load: our API beside Datasette and a constant-bytes app.

A command of its own (`make bench`), never part of the tests. In one run, on one machine,
over one SQLite file (the article's claims plus N synthetic ones, `kb synth` + `kb load`):

1. our API as deployed: uvicorn, uvloop and httptools, no access log, W workers;
2. Datasette (pinned in the `bench` extra) on the same file, its HTTP cache TTL at 0;
3. a constant-bytes ASGI app on the same uvicorn settings: the stack's ceiling.

wrk drives each with equivalent requests (`--connections` at once, `--duration` each),
rounds alternating which server goes first so machine noise falls on all alike. Prints a
Markdown table and writes JSON: requests/s, p50 and p99 per scenario, the ratios
ours/Datasette and ours/ceiling, and the API's peak resident memory. Loopback only.
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TAG = "topic-150"

# name: (our path, Datasette's path); None where Datasette has no equivalent.
SCENARIOS: dict[str, tuple[str, str | None]] = {
    "claim by id": (
        "/v1/claims/risk-factor-allergic-reactions",
        "/kb/claim/risk-factor-allergic-reactions.json",
    ),
    "filter by type": (
        "/v1/claims?type=mechanism&limit=50",
        "/kb/claim.json?type=mechanism&_size=50",
    ),
    "filter by tag": (
        f"/v1/claims?tag={TAG}&limit=50",
        "/kb/claim.json?_size=50&_where="
        + urllib.parse.quote(f"id in (select claim_id from claim_tag where tag_slug='{TAG}')"),
    ),
    "full-text search": (
        "/v1/claims?q=allergic+response&limit=50",
        "/kb/claim.json?_search=allergic+response&_size=50",
    ),
    "risk factors": ("/v1/risk-factors", "/kb/claim.json?type=risk_factor&_sort=rank"),
    "conditional GET (304)": ("/v1/risk-factors", None),
}
CONDITIONAL = "conditional GET (304)"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(database: Path, claims: int) -> None:
    """The article plus `claims` synthetic claims, loaded into one SQLite file."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        kb = [str(BIN / "kb")]
        subprocess.run([*kb, "synth", str(data), "--claims", str(claims)], check=True, env=env)
        subprocess.run([*kb, "load", str(data)], check=True, env=env, stdout=subprocess.DEVNULL)
    with sqlite3.connect(database) as connection:
        connection.execute("ANALYZE")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def serving(
    command: list[str], port: int, env: dict[str, str]
) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"{command[0]} did not start")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def peak_rss_mib(process: subprocess.Popen[bytes]) -> float:
    """Peak resident memory of a process and its children (uvicorn's workers), in MiB."""
    total = 0
    pids = [process.pid]
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for pid in pids:
        status = Path(f"/proc/{pid}/status")
        if status.exists():
            found = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
            total += int(found.group(1)) if found else 0
    return round(total / 1024, 1)


def wrk(url: str, *, connections: int, duration: int, headers: dict[str, str]) -> dict[str, Any]:
    # A long timeout: a slow server's requests count in its latency instead of vanishing.
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "--latency"]
    command.append(url)
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)", out, re.M)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)", out, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if not (rate and p50 and p99):
        raise RuntimeError(f"cannot read wrk's output:\n{out}")
    return {
        "requests_per_s": float(rate.group(1)),
        "p50_ms": _ms(p50),
        "p99_ms": _ms(p99),
        "non_2xx_3xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
    }


def _ms(found: re.Match[str]) -> float:
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]
    return round(float(found.group(1)) * scale, 3)


def status_of(url: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="our API's uvicorn workers")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "http.json")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        database = Path(scratch) / "kb.sqlite3"
        started = time.monotonic()
        build(database, args.claims)
        print(f"built {args.claims} claims + the article in {time.monotonic() - started:.0f} s")
        metadata = Path(scratch) / "metadata.json"
        metadata.write_text(
            json.dumps(
                {
                    "databases": {
                        "kb": {"tables": {"claim": {"fts_table": "claim_search", "fts_pk": "seq"}}}
                    }
                }
            )
        )
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
        uvicorn = [
            str(BIN / "uvicorn"),
            "--host",
            "127.0.0.1",
            "--no-access-log",
            "--log-level",
            "warning",
        ]
        uvicorn += ["--loop", "uvloop", "--http", "httptools"]
        ports = {name: free_port() for name in ("ours", "datasette", "ceiling")}
        ours = stack.enter_context(
            serving(
                [
                    *uvicorn,
                    "api.main:app",
                    "--port",
                    str(ports["ours"]),
                    "--workers",
                    str(args.workers),
                ],
                ports["ours"],
                env,
            )
        )
        stack.enter_context(
            serving(
                [str(BIN / "datasette"), "serve", str(database), "--host", "127.0.0.1"]
                + ["--port", str(ports["datasette"]), "--metadata", str(metadata)]
                + ["--setting", "default_cache_ttl", "0", "--setting", "default_page_size", "50"],
                ports["datasette"],
                env,
            )
        )
        stack.enter_context(
            serving(
                [
                    *uvicorn,
                    "bench.constant_app:app",
                    "--port",
                    str(ports["ceiling"]),
                    "--lifespan",
                    "off",
                ]
                + ["--workers", str(args.workers)],
                ports["ceiling"],
                env,
            )
        )
        base = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        etag_request = urllib.request.urlopen(base["ours"] + SCENARIOS[CONDITIONAL][0])
        conditional = {"If-None-Match": etag_request.headers["ETag"]}
        assert status_of(base["ours"] + SCENARIOS[CONDITIONAL][0], conditional) == 304
        for name, (_, theirs) in SCENARIOS.items():  # every equivalent answers, and is JSON
            if theirs is not None:
                assert status_of(base["datasette"] + theirs, {}) == 200, (name, theirs)

        runs: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for round_ in range(args.rounds):
            for name, (path, theirs) in SCENARIOS.items():
                targets = [("ours", base["ours"] + path)]
                if theirs is not None:
                    targets.append(("datasette", base["datasette"] + theirs))
                targets.append(("ceiling", base["ceiling"] + "/"))
                if round_ % 2:
                    targets.reverse()
                for server, url in targets:
                    headers = conditional if name == CONDITIONAL and server == "ours" else {}
                    result = wrk(
                        url, connections=args.connections, duration=args.duration, headers=headers
                    )
                    runs.setdefault(name, {}).setdefault(server, []).append(result)
                    print(
                        f"round {round_ + 1} {name:24} {server:9} "
                        f"{result['requests_per_s']:9.0f} req/s"
                    )
        memory = peak_rss_mib(ours)

    table = summarize(runs)
    report = {
        "command": "make bench  # " + " ".join(sys.argv[1:]),
        "claims": args.claims,
        "connections": args.connections,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "workers": args.workers,
        "api_peak_rss_mib": memory,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
        },
        "results": table,
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print_table(table, memory)
    print(f"wrote {args.out}")


def summarize(runs: dict[str, dict[str, list[dict[str, Any]]]]) -> dict[str, Any]:
    """Per scenario and server: the median over rounds of each measure, and the ratios."""

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    table: dict[str, Any] = {}
    for name, servers in runs.items():
        row: dict[str, Any] = {}
        for server, results in servers.items():
            row[server] = {
                key: round(median([r[key] for r in results]), 3)
                for key in ("requests_per_s", "p50_ms", "p99_ms")
            }
        ours = row["ours"]["requests_per_s"]
        if "datasette" in row:
            row["ours_over_datasette"] = round(ours / row["datasette"]["requests_per_s"], 2)
        row["ours_over_ceiling"] = round(ours / row["ceiling"]["requests_per_s"], 5)
        table[name] = row
    return table


def print_table(table: dict[str, Any], memory: float) -> None:
    def cells(result: dict[str, float]) -> str:
        rate, p50, p99 = result["requests_per_s"], result["p50_ms"], result["p99_ms"]
        return f"{rate:.0f} | {p50:.1f} ms | {p99:.1f} ms"

    print()
    print(
        "| scenario | ours req/s | p50 | p99 | Datasette req/s | p50 | p99 | ours/Datasette "
        "| ceiling req/s | ours as % of ceiling |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, row in table.items():
        theirs = row.get("datasette")
        versus = f"{cells(theirs)} | {row['ours_over_datasette']:.2f}×" if theirs else "n/a | | |"
        ceiling = row["ceiling"]["requests_per_s"]
        print(
            f"| {name} | {cells(row['ours'])} | {versus} | {ceiling:.0f} "
            f"| {100 * row['ours_over_ceiling']:.2f}% |"
        )
    print(f"\nour API's peak resident memory (all workers): {memory} MiB")


if __name__ == "__main__":
    main()
