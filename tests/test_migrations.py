"""Migrations: `alembic upgrade head` and `downgrade base` work, and the models never drift."""

import os
import subprocess
import sys

from sqlalchemy import create_engine, inspect

from api.config import REPO_ROOT, Settings
from api.models import metadata

TABLES = {"source", "tag", "claim", "claim_tag", "claim_relation", "data_load"}


def alembic(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the alembic command exactly as a developer would, DATABASE_URL and all."""
    return subprocess.run(
        [sys.executable, "-m", "alembic", *args],
        cwd=REPO_ROOT,
        env={**os.environ, "DATABASE_URL": settings.database_url},
        capture_output=True,
        text=True,
        check=False,
    )


def tables(settings: Settings) -> set[str]:
    engine = create_engine(settings.database_url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_check_downgrade_and_upgrade_again(settings: Settings) -> None:
    upgraded = alembic(settings, "upgrade", "head")
    assert upgraded.returncode == 0, upgraded.stderr
    assert tables(settings) == TABLES | {"alembic_version"}

    checked = alembic(settings, "check")
    assert checked.returncode == 0, checked.stderr + checked.stdout
    assert "No new upgrade operations detected" in checked.stdout + checked.stderr

    downgraded = alembic(settings, "downgrade", "base")
    assert downgraded.returncode == 0, downgraded.stderr
    assert tables(settings) == {"alembic_version"}

    assert alembic(settings, "upgrade", "head").returncode == 0
    assert tables(settings) == TABLES | {"alembic_version"}


def test_the_models_name_every_table_the_migrations_create() -> None:
    assert set(metadata.tables) == TABLES
