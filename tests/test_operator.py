"""What the operator sees: every answer under a request id, counters for Prometheus at
/metrics, and `kb serve`'s logs as JSON lines."""

import json
import re
import sys
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from tests.conftest import DATA_DIR, free_port, serving_process

CLAIM = "/v1/claims/risk-factor-inadequate-dosage"


def test_every_answer_carries_a_request_id_the_client_may_choose(client: TestClient) -> None:
    chosen = client.get("/v1/tags", headers={"X-Request-ID": "trace-42.a_b"})
    unusable = client.get("/v1/tags", headers={"X-Request-ID": "no spaces, please"})
    missing = client.get("/v1/nothing-here")

    assert chosen.headers["x-request-id"] == "trace-42.a_b"
    assert len(unusable.headers["x-request-id"]) == 16 != len("no spaces, please")
    assert missing.status_code == 404 and missing.headers["x-request-id"]


def test_metrics_count_requests_by_route_cache_and_the_change_log(
    loaded_settings: Settings,
) -> None:
    with TestClient(create_app(loaded_settings)) as client:
        for _ in range(3):
            assert client.get(CLAIM).status_code == 200
        assert client.get("/v1/claims/no-such-claim").status_code == 404
        exposed = client.get("/metrics")
        documented = client.get("/openapi.json").json()["paths"]

    assert exposed.status_code == 200
    assert exposed.headers["content-type"].startswith("text/plain")
    text = exposed.text
    assert 'kb_http_requests_total{method="GET",route="/v1/claims/{}",status="200"} 3.0' in text
    assert 'kb_http_requests_total{method="GET",route="/v1/claims/{}",status="404"} 1.0' in text
    assert 'kb_response_cache_total{result="hit"} 2.0' in text
    assert 'kb_http_request_duration_seconds_bucket{le="0.0005",route="/v1/claims/{}"}' in text
    # On SQLite the worker's key reader holds one connection for good.
    assert re.search(r"^kb_db_pool_connections_in_use [01]\.0$", text, re.MULTILINE)
    position = next(line for line in text.splitlines() if line.startswith("kb_change_log_"))
    assert float(position.split()[-1]) > 0
    assert "process_resident_memory_bytes" in text
    assert "/metrics" not in documented


def test_kb_serve_logs_json_lines_with_the_request_id(tmp_path: Path) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    command = [sys.executable, "-m", "api.cli", "serve", "--port", str(port)]
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'kb.sqlite3'}", "KB_DATA_DIR": str(DATA_DIR)}
    with serving_process(command, port, env=env, log=log):
        answer = httpx.get(f"http://127.0.0.1:{port}{CLAIM}", headers={"X-Request-ID": "t-1"})
        time.sleep(0.3)

    records = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    access = [r for r in records if r["logger"] == "api.access" and r["request_id"] == "t-1"]
    assert answer.status_code == 200 and len(access) == 1
    assert access[0]["route"] == "/v1/claims/{}" and access[0]["status"] == 200
    assert access[0]["duration_ms"] > 0 and access[0]["level"] == "INFO"
    assert any(r["logger"].startswith("uvicorn") for r in records)
