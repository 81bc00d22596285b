"""Alembic environment: the URL comes from Settings, the target from the table tables."""

import warnings
from typing import Any

from alembic import context
from sqlalchemy import Connection
from sqlalchemy.exc import SAWarning

from api.config import get_settings
from api.store import tables
from api.store.engine import make_engine

config = context.config
target_metadata = tables.metadata


# Indexes made by SQL in a migration (2026-11-25_claim_search_and_sort_columns) that no
# table model can describe: the engine-specific full-text index and an expression index.
MIGRATION_ONLY_INDEXES = {
    "ix_claim_search",
    "ix_claim_rank_order",
    "ix_claim_type_rank_order",
    "ix_claim_seq_article",  # SQLite only: 2026-12-03_seq_article_index
}
# SQLAlchemy cannot reflect the expression index and says so; it is left out on purpose.
warnings.filterwarnings(
    "ignore", "Skipped unsupported reflection of expression-based index", SAWarning
)


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    if type_ == "table" and name is not None and name.startswith("claim_search"):
        return False  # SQLite's FTS5 table and its shadow tables
    return not (type_ == "index" and name in MIGRATION_ONLY_INDEXES)


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # handed over by api.store.migrate, e.g. inside a test transaction
        run_migrations(connection)
        return
    engine = make_engine(get_settings())
    with engine.connect() as connection:
        run_migrations(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run against a database.")
run_online()
