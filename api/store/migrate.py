"""Run Alembic from code, so `kb` and the tests migrate exactly as `alembic` does."""

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from api.config import REPO_ROOT
from api.store.engine import refresh_statistics


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Hand Alembic our connection (see migrations/env.py) so it uses this engine's database.

    A migration that adds an index leaves the planner without statistics for it, and
    SQLite may then prefer it where it does not fit: any upgrade is followed by fresh
    statistics (a fraction of a second at 100,000 claims).
    """
    config = Config(str(REPO_ROOT / "alembic.ini"))
    with engine.begin() as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        after = MigrationContext.configure(connection).get_current_revision()
    if after != before:
        refresh_statistics(engine)
