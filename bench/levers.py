"""Which lever moves which number: the measurements behind docs/performance.md's profile.

A command of its own (`make bench-levers`), never part of the tests. Over one SQLite file
(the article plus N synthetic claims):

1. In process, no network: the time one request takes through the whole ASGI app, for a
   claim by id answered (a) from the response cache, (b) computed by the real route,
   (c) computed by stand-in routes that run the same query sync in a worker thread or
   async on the event loop, with and without FastAPI's response-model validation.
2. Over HTTP with wrk: the same claim, kept and computed, with 1 and 2 uvicorn workers,
   and with uvicorn's pure-Python stack (asyncio, h11) against uvloop and httptools.
"""

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.serving import BIN, REPO, free_port, load, serving, synthesize, wrk

CLAIM_ID = "risk-factor-allergic-reactions"
PATH = f"/v1/claims/{CLAIM_ID}"


async def _request(app: Any, path: str) -> int:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
        "root_path": "",
        "state": {},
    }
    await app(scope, receive, send)
    return int(sent[0]["status"])


def stand_in_app(cache: bool) -> tuple[Any, dict[str, str]]:
    """The API, plus stand-in routes running the claim query in different ways."""
    from fastapi import Response
    from sqlmodel import Session

    from api.config import Settings
    from api.main import create_app
    from api.records.claims import Claim
    from api.store import reads

    app = create_app(Settings(response_cache_bytes=64 * 1024 * 1024 if cache else 0))
    engine = app.state.engine

    @app.get("/bench/sync", response_model=Claim)
    def sync_route() -> Claim:
        with Session(engine) as session:
            return reads.get_claim(session=session, claim_id=CLAIM_ID)

    @app.get("/bench/async", response_model=Claim)
    async def async_route() -> Claim:
        with Session(engine) as session:
            return reads.get_claim(session=session, claim_id=CLAIM_ID)

    @app.get("/bench/async-unvalidated")
    async def unvalidated_route() -> Response:
        with Session(engine) as session:
            claim = reads.get_claim(session=session, claim_id=CLAIM_ID)
        return Response(claim.model_dump_json(), media_type="application/json")

    paths = {"claim by id (the API's route)": PATH}
    if not cache:
        paths |= {
            "same query, sync route (thread pool)": "/bench/sync",
            "same query, async route (on the loop)": "/bench/async",
            "same, async, no response-model validation": "/bench/async-unvalidated",
        }
    return app, paths


async def _measure(app: Any, paths: dict[str, str], requests: int) -> dict[str, float]:
    timed: dict[str, float] = {}
    async with app.router.lifespan_context(app):
        for name, path in paths.items():
            for _ in range(50):
                assert await _request(app, path) == 200
            started = time.perf_counter()
            for _ in range(requests):
                await _request(app, path)
            timed[name] = round((time.perf_counter() - started) / requests * 1e6, 1)
    return timed


def in_process(database_url: str, requests: int) -> dict[str, float]:
    """Microseconds per request, each path timed after a warm-up, cache on and off."""
    os.environ["DATABASE_URL"] = database_url
    results: dict[str, float] = {}
    for cache in (True, False):
        app, paths = stand_in_app(cache)
        label = "cache on" if cache else "cache off"
        for name, micros in asyncio.run(_measure(app, paths, requests)).items():
            results[f"{name}, {label}"] = micros
    return results


def over_http(database_url: str, duration: int) -> dict[str, dict[str, Any]]:
    """wrk at 32 connections against uvicorn configurations, cache on and off."""

    def options(workers: int, loop: str, http: str) -> list[str]:
        return ["--workers", str(workers), "--loop", loop, "--http", http]

    configurations = {
        "2 workers, uvloop + httptools": options(2, "uvloop", "httptools"),
        "1 worker, uvloop + httptools": options(1, "uvloop", "httptools"),
        "2 workers, asyncio + httptools": options(2, "asyncio", "httptools"),
        "2 workers, uvloop + h11": options(2, "uvloop", "h11"),
        "2 workers, asyncio + h11": options(2, "asyncio", "h11"),
    }
    results: dict[str, dict[str, Any]] = {}
    for name, chosen in configurations.items():
        for cache in ("64MiB", "0"):
            port = free_port()
            command = [str(BIN / "uvicorn"), "api.main:app", "--host", "127.0.0.1"]
            command += ["--port", str(port), "--no-access-log", "--log-level", "warning"]
            env = {**os.environ, "DATABASE_URL": database_url}
            env["KB_RESPONSE_CACHE_BYTES"] = str(64 * 1024 * 1024) if cache != "0" else "0"
            with serving(command + chosen, port, env):
                url = f"http://127.0.0.1:{port}{PATH}"
                wrk(url, connections=4, duration=1, headers={})  # warm
                label = f"{name}, cache {'on' if cache != '0' else 'off'}"
                results[label] = wrk(url, connections=32, duration=duration, headers={})
                print(f"{label:45} {results[label]['requests_per_s']:9.0f} req/s")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000, help="per in-process path")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "levers.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        url = f"sqlite:///{scratch / 'kb.sqlite3'}"
        load(url, synthesize(scratch / "data", args.claims))
        micros = in_process(url, args.requests)
        for name, value in micros.items():
            print(f"{name:60} {value:9.1f} µs/request")
        http = over_http(url, args.duration)

    report = {
        "command": "make bench-levers  # " + " ".join(sys.argv[1:]),
        "claims": args.claims,
        "in_process_us_per_request": micros,
        "http": http,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
