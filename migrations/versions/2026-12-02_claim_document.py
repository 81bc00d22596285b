"""claim document: each claim's served JSON, rendered when it is written

Revision ID: d360816a3c1a
Revises: ca97f93d6793
Create Date: 2026-12-02 18:17:40.370104

Existing claims start with no document. Reads assemble a claim from its rows while its
document is missing, and the next `kb load` or `kb serve` renders every missing one, from
the rows (so edits made through the API are kept).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d360816a3c1a"
down_revision: str | None = "ca97f93d6793"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE on both engines (SQLite has DROP COLUMN since 3.35): a batch
# operation would copy the claim table on SQLite and lose its search triggers and
# expression index, which live outside the models.


def upgrade() -> None:
    op.add_column("claim", sa.Column("document", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("claim", "document")
