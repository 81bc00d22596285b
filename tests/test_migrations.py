"""Migrations: `alembic upgrade head` and `downgrade base` work, and the models never drift."""

import os
import subprocess
import sys

from sqlalchemy import create_engine, inspect, text

from api.config import REPO_ROOT, Settings
from api.store import migrate, seq_order
from api.store.engine import make_engine
from api.store.tables import metadata

TABLES = {
    "api_key",
    "claim_count",
    "record_change",
    "loaded_edit",
    "source",
    "tag",
    "claim",
    "claim_tag",
    "claim_relation",
    "data_load",
}


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
    """Tables the models describe, plus alembic's; the full-text tables are checked apart."""
    engine = create_engine(settings.database_url)
    try:
        return {t for t in inspect(engine).get_table_names() if not t.startswith("claim_search")}
    finally:
        engine.dispose()


def search_index_exists(settings: Settings) -> bool:
    """SQLite keeps an FTS5 table, PostgreSQL a GIN index on the claim table."""
    engine = create_engine(settings.database_url)
    try:
        inspector = inspect(engine)
        if engine.dialect.name == "sqlite":
            return "claim_search" in inspector.get_table_names()
        if "claim" not in inspector.get_table_names():
            return False
        return "ix_claim_search" in {i["name"] for i in inspector.get_indexes("claim")}
    finally:
        engine.dispose()


def test_upgrade_check_downgrade_and_upgrade_again(settings: Settings) -> None:
    upgraded = alembic(settings, "upgrade", "head")
    assert upgraded.returncode == 0, upgraded.stderr
    assert tables(settings) == TABLES | {"alembic_version"}
    assert search_index_exists(settings)

    checked = alembic(settings, "check")
    assert checked.returncode == 0, checked.stderr + checked.stdout
    assert "No new upgrade operations detected" in checked.stdout + checked.stderr

    downgraded = alembic(settings, "downgrade", "base")
    assert downgraded.returncode == 0, downgraded.stderr
    assert tables(settings) == {"alembic_version"}
    assert not search_index_exists(settings)

    assert alembic(settings, "upgrade", "head").returncode == 0
    assert tables(settings) == TABLES | {"alembic_version"}


def test_the_models_name_every_table_the_migrations_create() -> None:
    assert set(metadata.tables) == TABLES


def test_upgrading_a_loaded_database_keeps_its_claims_and_reloads_them(settings: Settings) -> None:
    """A database filled by the first release upgrades in place; its next load fills the
    new search column, and search finds the claims."""
    engine = make_engine(settings)
    migrate.upgrade(engine, "f3beddd3253b")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO source (id, title, language, media_type, sha256, text) "
                "VALUES ('s', 'S', 'en', 'text/plain', 'x', 'Botox may help.')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO claim (id, source_id, type, title, statement, quote, quote_start, "
                "quote_end, certainty, hedges, migraine_effect, attributes) VALUES "
                "('c', 's', 'benefit', 'T', 'Botox may help.', 'Botox may help.', 0, 15, "
                "'possible', '[]', 'relieves', '{}')"
            )
        )
        connection.execute(
            text("INSERT INTO data_load (fingerprint, loaded_at) VALUES ('old', CURRENT_TIMESTAMP)")
        )

    migrate.upgrade(engine)

    with engine.connect() as connection:
        row = connection.execute(text("SELECT seq, search_text, updated_at FROM claim")).one()
        loads = connection.execute(text("SELECT count(*) FROM data_load")).scalar_one()
    engine.dispose()
    # Numbered in article order, leaving room before it (api.store.seq_order).
    assert row.seq == seq_order.STEP and row.search_text == "" and row.updated_at is not None
    assert loads == 0  # so `kb serve` reloads data/ and fills search_text
