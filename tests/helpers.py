"""What tests share besides fixtures: a curator's client, helpers that read and break
data/ copies, and ways to look inside a database."""

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect

from api.config import Settings

ARTICLE_CLAIMS = 21
"""How many claims data/ curates from the article: change it with the data."""
CLAIMS_FILE = "claims/can-botox-for-migraines-make-them-worse.yaml"
Edit = Callable[[Any], None]


@dataclass
class Curator:
    """A client of an API over a database of its own, loaded from data/, and a live key."""

    client: TestClient
    key: str
    engine: Engine
    settings: Settings

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


@dataclass
class LiveServer:
    """A real server (uvicorn) at `base`, and a curator's key for it."""

    base: str
    key: str

    def client(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.base, headers={"Authorization": f"Bearer {self.key}"}, timeout=30
        )


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the full-text index's too), to prove a refused load
    changed nothing."""
    with engine.connect() as connection:
        return {
            name: sorted(
                (tuple(row) for row in connection.exec_driver_sql(f'SELECT * FROM "{name}"')),
                key=repr,
            )
            for name in inspect(connection).get_table_names()
        }


def edit_yaml(data_dir: Path, name: str, edit: Edit) -> None:
    path = data_dir / name
    document = yaml.safe_load(path.read_text())
    edit(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False))


def claim(document: Any, claim_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in document["claims"] if c["id"] == claim_id)
    return found


def kb(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    """Run the `kb` command against `database_url`, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database_url},
        check=False,
    )


def timed(call: Callable[[], Any]) -> tuple[int, float]:
    """A call's status code, and the seconds it took."""
    started = time.monotonic()
    status: int = call().status_code
    return status, time.monotonic() - started
