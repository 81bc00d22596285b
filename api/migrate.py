"""Run Alembic from code, so `kb` and the tests migrate exactly as `alembic` does."""

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from api.config import REPO_ROOT


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Hand Alembic our connection (see migrations/env.py) so it uses this engine's database."""
    config = Config(str(REPO_ROOT / "alembic.ini"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
