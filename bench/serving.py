"""Throughput and latency under load: our API beside Datasette and a constant-bytes app.

A command of its own (`make bench`), never part of the tests. In one run, on one machine,
over one SQLite file (the article's claims plus N synthetic ones, `kb synth` + `kb load`):

1. our API as deployed: uvicorn, uvloop and httptools, no access log, W workers, its
   response cache on (the default) and off (KB_RESPONSE_CACHE_BYTES=0);
2. the same, over a database of the article's 21 claims alone: how latency grows with data;
3. optionally (--postgresql URL) the same over PostgreSQL, with the same workers;
4. Datasette (pinned in the `bench` extra) on the same file, its HTTP cache TTL at 0;
5. a constant-bytes ASGI app on the same uvicorn settings, sending back for each scenario
   the very bytes our API answered: the stack's ceiling for that answer.

wrk drives each with equivalent requests (`--connections` at once, `--duration` each),
rounds alternating which server goes first so machine noise falls on all alike. Two
kinds of scenario: one URL asked over and over (what a cache in front sees), and
distinct URLs (`bench/distinct.lua` walks a shuffled list of paths, each thread from
its own place): claims by id across all claims, every tag at every page size, two-word
searches made of the claims' own words, pages deep in the list by cursor, and a mix.
Distinct URLs are what real traffic mostly is; a cache does little for them. Our API
runs with `--workers` workers and with one. Prints Markdown tables and writes JSON:
requests/s, p50 and p99 per scenario and server, the ratios, and peak resident memory
of each of our servers. Loopback only.
"""

import argparse
import base64
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from api.store.cursors import encode_cursor  # noqa: E402 - cursors exactly as the API makes them

DISTINCT_SCRIPT = REPO / "bench" / "distinct.lua"
WRK_THREADS = 2
BIN = Path(sys.executable).parent
TAG = "allergy"
"""A tag on an article claim and on one synthetic claim in seven: the same query at both
sizes, and one whose count grows with the data."""
UVICORN = [
    str(BIN / "uvicorn"),
    "--host",
    "127.0.0.1",
    "--no-access-log",
    "--log-level",
    "warning",
    "--loop",
    "uvloop",
    "--http",
    "httptools",
    "--timeout-graceful-shutdown",
    "10",
]
"""Our API as deployed (`kb serve` in production), and the ceiling on the same stack."""
DATASETTE_METADATA = {
    "databases": {"kb": {"tables": {"claim": {"fts_table": "claim_search", "fts_pk": "seq"}}}}
}

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


def _datasette_where(tag: str) -> str:
    return urllib.parse.quote(f"id in (select claim_id from claim_tag where tag_slug='{tag}')")


def distinct_paths(database: Path, seed: int = 7) -> dict[str, tuple[list[str], list[str]]]:
    """Per distinct-URL scenario, our paths and Datasette's, the i-th of each asking the
    same thing, shuffled alike. Read from the loaded database, so every one answers."""
    rng = random.Random(seed)
    with sqlite3.connect(database) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM claim ORDER BY id")]
        tags = [row[0] for row in connection.execute("SELECT slug FROM tag ORDER BY slug")]
        keys = connection.execute(
            "SELECT source_id, quote_start, quote_end, id FROM claim WHERE status = 'active' "
            "ORDER BY source_id, quote_start, quote_end, id"
        ).fetchall()
        texts = [row[0] for row in connection.execute("SELECT search_text FROM claim")]
    by_id = [(f"/v1/claims/{i}", f"/kb/claim/{i}.json") for i in ids]
    by_tag = [
        (
            f"/v1/claims?tag={tag}&limit={size}",
            f"/kb/claim.json?_size={size}&_where={_datasette_where(tag)}",
        )
        for tag in tags
        for size in range(21, 61)
    ]
    searches: dict[str, None] = {}
    while len(searches) < 2000:  # two words of one claim: every search finds something
        words = [w for w in rng.choice(texts).split() if len(w) > 3 and w.isalpha()]
        if len(words) >= 2:
            searches[" ".join(rng.sample(words, 2))] = None
    search = [
        (
            f"/v1/claims?q={urllib.parse.quote_plus(q)}&limit=50",
            f"/kb/claim.json?_search={urllib.parse.quote_plus(q)}&_size=50",
        )
        for q in searches
    ]
    # Deep pages as a client paging by links.next reaches them: ours by cursor (the
    # article order), Datasette's by its own next token (its primary-key order).
    deep = []
    for position in rng.sample(range(len(keys)), min(5000, len(keys))):
        cursor = encode_cursor("article", list(keys[position]), position + 1)
        deep.append(
            (
                f"/v1/claims?limit=50&cursor={cursor}",
                f"/kb/claim.json?_size=50&_next={urllib.parse.quote(ids[position])}",
            )
        )
    scenarios = {
        "claims by id": by_id,
        "every tag, every size": by_tag,
        "two-word searches": search,
        "deep pages by cursor": deep,
    }
    # The mix an app's traffic might be: mostly claims by id, then lists and searches.
    weights = {"claims by id": 10, "every tag, every size": 4, "two-word searches": 4}
    weights["deep pages by cursor"] = 2
    mixed = [
        rng.choice(scenarios[name])
        for name in rng.choices(list(weights), weights=list(weights.values()), k=20_000)
    ]
    scenarios["mixed"] = mixed
    shuffled = {}
    for name, pairs in scenarios.items():
        pairs = list(pairs)
        rng.shuffle(pairs)
        shuffled[f"distinct: {name}"] = (
            [ours for ours, _ in pairs],
            [theirs for _, theirs in pairs],
        )
    return shuffled


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def synthesize(out: Path, claims: int) -> Path:
    """The article plus `claims` synthetic claims, as a data folder."""
    subprocess.run([str(BIN / "kb"), "synth", str(out), "--claims", str(claims)], check=True)
    return out


def load(database_url: str, data: Path) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run(
        [str(BIN / "kb"), "load", str(data)], check=True, env=env, stdout=subprocess.DEVNULL
    )


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A new schema in the given database, first on the search path; dropped afterwards."""
    import psycopg

    schema = f"kb_bench_{os.getpid()}"
    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={urllib.parse.quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@contextmanager
def serving(
    command: list[str], port: int, env: dict[str, str]
) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_for_port(port: int, seconds: float = 60) -> None:
    """Return once something accepts connections on the loopback `port`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing started on port {port}")


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


def settle(limit_s: float = 120.0) -> None:
    """Wait until the machine is idle: a server still working through the requests of the
    last run (Datasette's slow counts, PostgreSQL's queries) must not slow the next one."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        before = _cpu_times()
        time.sleep(0.5)
        after = _cpu_times()
        busy = (after[0] - before[0]) / max(after[1] - before[1], 1)
        if busy < 0.1:
            return


def _cpu_times() -> tuple[int, int]:
    """Busy and total jiffies of all cores, from /proc/stat."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def wrk(
    url: str,
    *,
    connections: int,
    duration: int,
    headers: dict[str, str],
    paths: Path | None = None,
) -> dict[str, Any]:
    """One wrk run against `url`, or against each path of the file `paths` in turn."""
    # A long timeout: a slow server's requests count in its latency instead of vanishing.
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s"]
    command += ["--latency", url]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    env = dict(os.environ)
    if paths is not None:
        command += ["-s", str(DISTINCT_SCRIPT)]
        env |= {"BENCH_PATHS": str(paths), "BENCH_THREADS": str(WRK_THREADS)}
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)", out, re.M)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)", out, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if not (rate and p50 and p99):
        raise RuntimeError(f"cannot read wrk's output:\n{out}")
    answered = float(rate.group(1)) > 0
    return {
        "requests_per_s": float(rate.group(1)),
        # None where nothing was answered within the run: wrk then has no latencies.
        "p50_ms": _ms(p50) if answered else None,
        "p99_ms": _ms(p99) if answered else None,
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


@dataclass
class Server:
    name: str
    command: list[str]
    env: dict[str, str]
    port: int
    paths: dict[str, str | None]
    """Scenario name to the path this server is asked (None: it has no equivalent)."""
    ours: bool = True
    path_files: dict[str, Path] = field(default_factory=dict)
    """Distinct-URL scenario name to the file of paths this server is asked."""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class Asked:
    """How a scenario asks one server: a URL, or a base and a file of paths."""

    url: str
    headers: dict[str, str]
    paths: Path | None = None

    def sample(self, size: int = 20) -> list[str]:
        """URLs to check before measuring: the URL, or the first paths of the file."""
        if self.paths is None:
            return [self.url]
        return [self.url + line for line in self.paths.read_text().splitlines()[:size]]


def our_server(name: str, database_url: str, workers: int, **env: str) -> Server:
    port = free_port()
    command = [*UVICORN, "api.main:app", "--port", str(port), "--workers", str(workers)]
    paths: dict[str, str | None] = {name: ours for name, (ours, _) in SCENARIOS.items()}
    return Server(name, command, {**os.environ, "DATABASE_URL": database_url, **env}, port, paths)


def record_answers(base: str, conditional: dict[str, str], out: Path) -> None:
    """What our API answers each scenario, for the constant-bytes app to send back."""
    entries = []
    for name, (path, _) in SCENARIOS.items():
        headers = conditional if name == CONDITIONAL else {}
        request = urllib.request.Request(base + path, headers=headers)
        try:
            response = urllib.request.urlopen(request)
            status, raw, body = response.status, response.headers.items(), response.read()
        except urllib.error.HTTPError as answer:  # the 304
            status, raw, body = answer.code, answer.headers.items(), b""
        # uvicorn adds its own date and server; urllib asked to close, wrk keeps alive.
        dropped = ("date", "server", "connection", "keep-alive")
        keep = [(n.lower(), v) for n, v in raw if n.lower() not in dropped]
        split = urllib.parse.urlsplit(path)
        entries.append(
            {
                "path": split.path,
                "query": split.query,
                "conditional": name == CONDITIONAL,
                "status": status,
                "headers": keep,
                "body": base64.b64encode(body).decode(),
            }
        )
    out.write_text(json.dumps(entries))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=6, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="our API's uvicorn workers")
    parser.add_argument(
        "--postgresql",
        metavar="URL",
        help="also load the same data into a new schema of this PostgreSQL database and "
        "serve it with --workers workers (the schema is dropped afterwards)",
    )
    parser.add_argument(
        "--only", metavar="REGEX", help="run only the scenarios whose name matches this"
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "http.json")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # still stop the servers

    with tempfile.TemporaryDirectory() as scratch_name, ExitStack() as stack:
        scratch = Path(scratch_name)
        started = time.monotonic()
        data = synthesize(scratch / "data", args.claims)
        big = f"sqlite:///{scratch / 'kb.sqlite3'}"
        small = f"sqlite:///{scratch / 'article.sqlite3'}"
        load(big, data)
        load(small, REPO / "data")
        # Measured as `kb load` leaves them: no ANALYZE, VACUUM or checkpoint of our own.
        print(f"built {args.claims} claims + the article in {time.monotonic() - started:.0f} s")

        distinct = distinct_paths(scratch / "kb.sqlite3")
        names = [*SCENARIOS, *distinct]
        if args.only:
            names = [name for name in names if re.search(args.only, name)]
        servers = [
            our_server("ours", big, args.workers),
            our_server("ours, cache off", big, args.workers, KB_RESPONSE_CACHE_BYTES="0"),
            our_server("ours, 1 worker", big, 1),
            our_server("ours, cache off, 1 worker", big, 1, KB_RESPONSE_CACHE_BYTES="0"),
            our_server("ours at 21 claims", small, args.workers),
            our_server(
                "ours at 21 claims, cache off", small, args.workers, KB_RESPONSE_CACHE_BYTES="0"
            ),
        ]
        if args.postgresql:
            postgres = stack.enter_context(postgres_schema(args.postgresql))
            started = time.monotonic()
            load(postgres, data)
            print(f"loaded PostgreSQL in {time.monotonic() - started:.0f} s")
            servers += [
                our_server("ours on PostgreSQL", postgres, args.workers),
                our_server(
                    "ours on PostgreSQL, cache off",
                    postgres,
                    args.workers,
                    KB_RESPONSE_CACHE_BYTES="0",
                ),
                our_server(
                    "ours on PostgreSQL, cache off, 1 worker",
                    postgres,
                    1,
                    KB_RESPONSE_CACHE_BYTES="0",
                ),
            ]
        metadata = scratch / "metadata.json"
        metadata.write_text(json.dumps(DATASETTE_METADATA))
        port = free_port()
        servers.append(
            Server(
                "datasette",
                [str(BIN / "datasette"), "serve", big.removeprefix("sqlite:///")]
                + ["--host", "127.0.0.1", "--port", str(port), "--metadata", str(metadata)]
                + ["--setting", "default_cache_ttl", "0", "--setting", "default_page_size", "50"]
                + ["--setting", "suggest_facets", "off"],
                dict(os.environ),
                port,
                {name: theirs for name, (_, theirs) in SCENARIOS.items()},
                ours=False,
            )
        )
        for name, (ours_paths, their_paths) in distinct.items():
            files = {}
            for kind, paths in (("ours", ours_paths), ("datasette", their_paths)):
                files[kind] = scratch / f"{kind}-{re.sub(r'[^a-z]+', '-', name)}.txt"
                files[kind].write_text("".join(f"{path}\n" for path in paths))
            for server in servers:
                if server.name != "datasette" and "21 claims" in server.name:
                    continue  # the article alone has not these claims, tags and pages
                server.path_files[name] = files["ours" if server.ours else "datasette"]
        processes = {
            server.name: stack.enter_context(serving(server.command, server.port, server.env))
            for server in servers
        }
        path = SCENARIOS[CONDITIONAL][0]
        conditional = {  # each server's own: its links, hence its ETags, name its port
            server.name: {
                "If-None-Match": urllib.request.urlopen(server.base + path).headers["ETag"]
            }
            for server in servers
            if server.ours
        }

        def request(server: Server, name: str) -> Asked | None:
            """What asks `server` scenario `name`; None: it has no equivalent."""
            if name in distinct:
                paths = server.path_files.get(name)
                return Asked(server.base, {}, paths) if paths is not None else None
            asked = server.paths.get(name)
            if asked is None:
                return None
            headers = conditional.get(server.name, {}) if name == CONDITIONAL else {}
            return Asked(server.base + asked, headers)

        for server in servers:  # every equivalent answers, 304 where asked to
            for name in names:
                if found := request(server, name):
                    for url in found.sample():
                        got = status_of(url, found.headers)
                        wanted = 304 if name == CONDITIONAL else 200
                        assert got == wanted, (server.name, url, got)

        answers = scratch / "answers.json"
        ours = next(server for server in servers if server.name == "ours")
        record_answers(ours.base, conditional["ours"], answers)
        for workers in sorted({args.workers, 1}, reverse=True):
            port = free_port()
            ceiling = Server(
                "ceiling" if workers == args.workers else "ceiling, 1 worker",
                [*UVICORN, "bench.constant_app:app", "--port", str(port), "--lifespan", "off"]
                + ["--workers", str(workers)],
                {**os.environ, "BENCH_ANSWERS": str(answers)},
                port,
                {name: ours for name, (ours, _) in SCENARIOS.items()},
                ours=False,
            )
            stack.enter_context(serving(ceiling.command, ceiling.port, ceiling.env))
            conditional[ceiling.name] = conditional["ours"]  # it answers what ours answered
            assert status_of(ceiling.base + path, conditional[ceiling.name]) == 304
            servers.append(ceiling)

        for server in servers:  # warm: first answers (and kept ones) are not what we measure
            for name in names:
                if found := request(server, name):
                    wrk(
                        found.url,
                        connections=4,
                        duration=1,
                        headers=found.headers,
                        paths=found.paths,
                    )
                    settle()

        runs: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for round_ in range(args.rounds):
            for name in names:
                order = servers[::-1] if round_ % 2 else servers
                for server in order:
                    found = request(server, name)
                    if found is None:
                        continue
                    result = wrk(
                        found.url,
                        connections=args.connections,
                        duration=args.duration,
                        headers=found.headers,
                        paths=found.paths,
                    )
                    runs.setdefault(name, {}).setdefault(server.name, []).append(result)
                    settle()
                    print(
                        f"round {round_ + 1} {name:22} {server.name:30} "
                        f"{result['requests_per_s']:9.0f} req/s  p99 {result['p99_ms']} ms"
                    )
        memory = {
            server.name: peak_rss_mib(processes[server.name]) for server in servers if server.ours
        }

    table = summarize(runs)
    report = {
        "command": "make bench  # " + " ".join(sys.argv[1:]),
        "claims": args.claims,
        "connections": args.connections,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "workers": args.workers,
        "peak_rss_mib": memory,
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
    print_tables(table, memory)
    print(f"wrote {args.out}")


def summarize(runs: dict[str, dict[str, list[dict[str, Any]]]]) -> dict[str, Any]:
    """Per scenario and server: the median over rounds of each measure, and the ratios."""
    table: dict[str, Any] = {}
    for name, servers in runs.items():
        row: dict[str, Any] = {
            server: {key: _median(r[key] for r in results) for key in MEASURES}
            for server, results in servers.items()
        }

        row["ratios"] = {
            "ours_over_datasette": _ratio(row, "ours", "datasette"),
            "cache_off_over_datasette": _ratio(row, "ours, cache off", "datasette"),
            "ours_over_ceiling": _ratio(row, "ours", "ceiling"),
            "one_worker_over_ceiling": _ratio(row, "ours, 1 worker", "ceiling, 1 worker"),
            "cache_off_1w_over_datasette": _ratio(row, "ours, cache off, 1 worker", "datasette"),
            "postgresql_over_sqlite_cache_off": _ratio(
                row, "ours on PostgreSQL, cache off", "ours, cache off"
            ),
            "postgresql_over_sqlite_cache_off_1w": _ratio(
                row, "ours on PostgreSQL, cache off, 1 worker", "ours, cache off, 1 worker"
            ),
            "p50_100k_over_21": _ratio(row, "ours", "ours at 21 claims", "p50_ms"),
            "p99_100k_over_21": _ratio(row, "ours", "ours at 21 claims", "p99_ms"),
            "cache_off_p50_100k_over_21": _ratio(
                row, "ours, cache off", "ours at 21 claims, cache off", "p50_ms"
            ),
        }
        table[name] = row
    return table


MEASURES = ("requests_per_s", "p50_ms", "p99_ms")


def _median(values: Iterable[float | None]) -> float | None:
    """The median over rounds; a latency missing in any round (nothing answered) is missing."""
    found = list(values)
    if any(value is None for value in found):
        return None
    return round(statistics.median(v for v in found if v is not None), 3)


def _ratio(row: dict[str, Any], a: str, b: str, key: str = "requests_per_s") -> float | None:
    """a over b; None where either is missing or b answered nothing in the time given."""
    if a not in row or b not in row or row[a][key] is None or not row[b][key]:
        return None
    return round(float(row[a][key]) / float(row[b][key]), 3)


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    """A Markdown table, numbers right-aligned, after a blank line."""
    print()
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def print_tables(table: dict[str, Any], memory: dict[str, float]) -> None:
    def rate(row: dict[str, Any], server: str) -> str:
        found = row.get(server)
        return f"{found['requests_per_s']:.0f}" if found else "n/a"

    def ms(row: dict[str, Any], server: str, key: str) -> str:
        found = row.get(server)
        if not found:
            return ""
        return f"{found[key]:.1f} ms" if found[key] is not None else "none answered"

    def times(value: float | None) -> str:
        return f"{value:.2f}×" if value is not None else ""

    def percent(value: float | None) -> str:
        return f"{100 * value:.0f}%" if value is not None else ""

    _print_table(
        ["scenario", "ours req/s", "p50", "p99", "cache off req/s", "p99", "Datasette req/s"]
        + ["p99", "ours/Datasette", "cache off/Datasette", "ceiling req/s", "ours/ceiling"],
        [
            [
                name,
                rate(row, "ours"),
                ms(row, "ours", "p50_ms"),
                ms(row, "ours", "p99_ms"),
                rate(row, "ours, cache off"),
                ms(row, "ours, cache off", "p99_ms"),
                rate(row, "datasette"),
                ms(row, "datasette", "p99_ms"),
                times(row["ratios"]["ours_over_datasette"]),
                times(row["ratios"]["cache_off_over_datasette"]),
                rate(row, "ceiling"),
                percent(row["ratios"]["ours_over_ceiling"]),
            ]
            for name, row in table.items()
        ],
    )
    _print_table(
        ["scenario", "p50 at 21 claims", "p50 at 100k", "ratio", "p99 at 21", "p99 at 100k"]
        + ["ratio", "cache off: p50 at 21", "p50 at 100k", "ratio"],
        [
            [
                name,
                ms(row, "ours at 21 claims", "p50_ms"),
                ms(row, "ours", "p50_ms"),
                times(row["ratios"]["p50_100k_over_21"]),
                ms(row, "ours at 21 claims", "p99_ms"),
                ms(row, "ours", "p99_ms"),
                times(row["ratios"]["p99_100k_over_21"]),
                ms(row, "ours at 21 claims, cache off", "p50_ms"),
                ms(row, "ours, cache off", "p50_ms"),
                times(row["ratios"]["cache_off_p50_100k_over_21"]),
            ]
            for name, row in table.items()
        ],
    )
    _print_table(
        ["one worker", "ours req/s", "p99", "cache off req/s", "p99", "Datasette req/s"]
        + ["cache off/Datasette", "ceiling req/s", "ours/ceiling"],
        [
            [
                name,
                rate(row, "ours, 1 worker"),
                ms(row, "ours, 1 worker", "p99_ms"),
                rate(row, "ours, cache off, 1 worker"),
                ms(row, "ours, cache off, 1 worker", "p99_ms"),
                rate(row, "datasette"),
                times(row["ratios"]["cache_off_1w_over_datasette"]),
                rate(row, "ceiling, 1 worker"),
                percent(row["ratios"]["one_worker_over_ceiling"]),
            ]
            for name, row in table.items()
        ],
    )
    if any("ours on PostgreSQL" in row for row in table.values()):
        engines = (
            "ours",
            "ours on PostgreSQL",
            "ours, cache off",
            "ours on PostgreSQL, cache off",
            "ours, cache off, 1 worker",
            "ours on PostgreSQL, cache off, 1 worker",
        )
        _print_table(
            ["scenario", "SQLite req/s", "p99", "PostgreSQL req/s", "p99", "SQLite, cache off"]
            + ["p99", "PostgreSQL, cache off", "p99", "SQLite, cache off, 1 worker", "p99"]
            + ["PostgreSQL, cache off, 1 worker", "p99"],
            [
                [name]
                + [
                    cell
                    for server in engines
                    for cell in (rate(row, server), ms(row, server, "p99_ms"))
                ]
                for name, row in table.items()
            ],
        )
    print("\npeak resident memory (master and workers): ", end="")
    print(", ".join(f"{name} {mib} MiB" for name, mib in memory.items()))


if __name__ == "__main__":
    main()
