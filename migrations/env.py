"""Alembic environment: the URL comes from Settings, the target from the table models."""

from alembic import context
from sqlalchemy import Connection

from api import models
from api.config import get_settings
from api.db import make_engine

config = context.config
target_metadata = models.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # handed over by api.migrate, e.g. inside a test transaction
        run_migrations(connection)
        return
    engine = make_engine(get_settings())
    with engine.connect() as connection:
        run_migrations(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run against a database.")
run_online()
