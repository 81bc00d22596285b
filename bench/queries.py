"""Latency and throughput of the main queries at 100,000 claims against 20-odd.

A command of its own (`make bench-queries`), never part of the tests. It builds two
SQLite databases, the article alone and the article plus N synthetic claims (`kb synth`),
serves each with uvicorn as `kb serve` does, and sends the same requests to both from
one sequential keep-alive client on loopback, alternating the servers every round so
machine noise falls on both alike. It prints a Markdown table and writes JSON.
"""

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

SCENARIOS: dict[str, str] = {
    "claim by id": "/v1/claims/risk-factor-allergic-reactions",
    "list, first page": "/v1/claims?limit=50",
    "filter by type": "/v1/claims?type=mechanism&limit=50",
    "filter by tag": "/v1/claims?tag=allergy&limit=50",
    "filter by two tags": "/v1/claims?tag=botox&tag=dosage&limit=50",
    "risk factors": "/v1/risk-factors",
    "search": "/v1/claims?q=allergic+reaction&limit=50",
    "search, by relevance": "/v1/claims?q=dosage&sort=relevance&limit=50",
    "facets (filtered)": "/v1/claims?type=risk_factor&facet=tag&facet=certainty&limit=50",
    "tags": "/v1/tags?limit=100",
    "conditional GET (304)": "/v1/risk-factors",
}
CONDITIONAL = {"conditional GET (304)"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(database: Path, data_dir: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run(
        [sys.executable, "-m", "api.cli", "load", str(data_dir)],
        env=env,
        check=True,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
    )


@contextmanager
def serve(database: Path) -> Iterator[int]:
    port = free_port()
    # The response cache off: every request here is computed, which is what this measures.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "KB_RESPONSE_CACHE_BYTES": "0"}
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
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=REPO,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def measure(port: int, path: str, requests: int, conditional: bool) -> list[float]:
    """Seconds per request, for `requests` sequential GETs over one kept-alive connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Accept-Encoding": "gzip"}
    connection.request("GET", path, headers=headers)
    first = connection.getresponse()
    first.read()
    assert first.status == 200, (path, first.status)
    if conditional:
        headers["If-None-Match"] = first.headers["ETag"]
    expected = 304 if conditional else 200
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        timings.append(time.perf_counter() - start)
        assert response.status == expected, (path, response.status)
    connection.close()
    return timings


def deep_paths(port: int, claims: int) -> dict[str, str]:
    """The same deep page, asked for by offset and by the cursor `links.next` gives."""
    offset = claims - 1000
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", f"/v1/claims?limit=50&offset={offset - 50}")
    next_url = json.loads(connection.getresponse().read())["links"]["next"]
    connection.close()
    cursor_path = next_url[next_url.index("/v1/") :]
    return {
        f"page at offset {offset:,}, by offset": f"/v1/claims?limit=50&offset={offset}",
        f"page at offset {offset:,}, by cursor": cursor_path,
    }


def summarize(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    return {
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "requests_per_s": len(ordered) / sum(ordered),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per scenario, per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "queries.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        work = Path(tmp)
        small, big = work / "small.sqlite3", work / "big.sqlite3"
        print(f"building: the article alone, and the article plus {args.claims:,} claims ...")
        build(small, REPO / "data")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "api.cli",
                "synth",
                str(work / "data"),
                "--claims",
                str(args.claims),
            ],
            check=True,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        build(big, work / "data")
        timings: dict[str, dict[str, list[float]]] = {
            name: {"small": [], "big": []} for name in SCENARIOS
        }
        with serve(small) as small_port, serve(big) as big_port:
            depth = deep_paths(big_port, args.claims)
            deep: dict[str, list[float]] = {name: [] for name in depth}
            for round_ in range(args.rounds):
                for name, path in depth.items():
                    deep[name] += measure(big_port, path, args.requests, False)
                order = [("small", small_port), ("big", big_port)]
                if round_ % 2:
                    order.reverse()
                for name, path in SCENARIOS.items():
                    for size, port in order:
                        timings[name][size] += measure(
                            port, path, args.requests, name in CONDITIONAL
                        )

    results: dict[str, Any] = {
        "command": "make bench-queries",
        "claims": args.claims,
        "requests_per_scenario": args.requests * args.rounds,
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
        "scenarios": {},
    }
    lines = [
        f"| query | p50 small | p50 {args.claims // 1000}k | ratio | p99 small | "
        f"p99 {args.claims // 1000}k | req/s small | req/s {args.claims // 1000}k |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in SCENARIOS:
        s, b = summarize(timings[name]["small"]), summarize(timings[name]["big"])
        ratio = b["p50_ms"] / s["p50_ms"]
        results["scenarios"][name] = {
            "path": SCENARIOS[name],
            "small": s,
            "big": b,
            "p50_ratio": ratio,
        }
        lines.append(
            f"| {name} | {s['p50_ms']:.1f} ms | {b['p50_ms']:.1f} ms | {ratio:.2f}× | "
            f"{s['p99_ms']:.1f} ms | {b['p99_ms']:.1f} ms | {s['requests_per_s']:.0f} | "
            f"{b['requests_per_s']:.0f} |"
        )
    lines += [
        "",
        f"| deep page, {args.claims // 1000}k claims | p50 | p99 | req/s |",
        "|---|---:|---:|---:|",
    ]
    results["deep_pages"] = {}
    for name, samples in deep.items():
        d = summarize(samples)
        results["deep_pages"][name] = d
        lines.append(
            f"| {name} | {d['p50_ms']:.1f} ms | {d['p99_ms']:.1f} ms | {d['requests_per_s']:.0f} |"
        )
    table = "\n".join(lines)
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
