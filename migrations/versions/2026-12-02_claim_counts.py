"""claim counts: claims per value of each filtered field and status, kept by writers

Revision ID: 38d4c87cd75a
Revises: d360816a3c1a
Create Date: 2026-12-02 18:36:36.557517

Filled here from the claims already stored, with the same counts api.store.counts keeps.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "38d4c87cd75a"
down_revision: str | None = "d360816a3c1a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {
    "type": "type",
    "source": "source_id",
    "certainty": "certainty",
    "migraine_effect": "migraine_effect",
}


def upgrade() -> None:
    op.create_table(
        "claim_count",
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("field", "value", "status", name=op.f("pk_claim_count")),
    )
    fill = "INSERT INTO claim_count (field, value, status, n) "
    op.execute(fill + "SELECT 'all', '', status, count(*) FROM claim GROUP BY status")
    for field, column in COLUMNS.items():
        op.execute(
            fill + f"SELECT '{field}', {column}, status, count(*) FROM claim "
            f"GROUP BY {column}, status"
        )
    op.execute(
        fill + "SELECT 'tag', claim_tag.tag_slug, claim.status, count(*) FROM claim_tag "
        "JOIN claim ON claim.id = claim_tag.claim_id GROUP BY claim_tag.tag_slug, claim.status"
    )


def downgrade() -> None:
    op.drop_table("claim_count")
