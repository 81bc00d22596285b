"""curation: claim status and revisions, api keys, change log

Revision ID: ca97f93d6793
Revises: 04ef2a8beb89
Create Date: 2026-11-25 22:49:02.835503

Claims gain a status (active or retracted, with a reason) and a revision number, tags a
revision number; API keys are stored as hashes; the change log records every accepted
change from here on, and loaded_edit which API edits a load found already in data/.
Existing claims and tags start at revision 1 with no history: the change feed begins
with the first change after this migration.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "ca97f93d6793"
down_revision: str | None = "04ef2a8beb89"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ARTICLE_ORDER = ["source_id", "quote_start", "quote_end", "id"]
FILTER_INDEXES = {
    "ix_claim_article_order": ARTICLE_ORDER,
    "ix_claim_type_order": ["type", *ARTICLE_ORDER],
    "ix_claim_certainty_order": ["certainty", *ARTICLE_ORDER],
    "ix_claim_migraine_effect_order": ["migraine_effect", *ARTICLE_ORDER],
    "ix_claim_rank": ["rank"],
}


def upgrade() -> None:
    op.create_table(
        "loaded_edit",
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("record_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_loaded_edit")),
    )
    op.create_table(
        "api_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("key_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("revoked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_key")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_key_key_hash")),
        sa.UniqueConstraint("name", name=op.f("uq_api_key_name")),
    )
    op.create_table(
        "record_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("record_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_change")),
    )
    with op.batch_alter_table("record_change", schema=None) as batch_op:
        batch_op.create_index("ix_record_change_record", ["kind", "record_id", "id"], unique=False)

    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "status",
                sqlmodel.sql.sqltypes.AutoString(),
                server_default="active",
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("retraction_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))

    # Filter indexes end in status, so counting the active matches reads only the index.
    for name, columns in FILTER_INDEXES.items():
        op.drop_index(name, table_name="claim")
        op.create_index(name, "claim", [*columns, "status"])
    op.create_index("ix_claim_status", "claim", ["status"])
    op.create_index("ix_claim_id_status", "claim", ["id", "status"])

    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not batch mode: batch mode would
    # rebuild the claim table and lose its full-text triggers and expression index.
    op.drop_column("tag", "revision")
    op.drop_index("ix_claim_id_status", table_name="claim")
    op.drop_index("ix_claim_status", table_name="claim")
    for name, columns in FILTER_INDEXES.items():
        op.drop_index(name, table_name="claim")
        op.create_index(name, "claim", columns)
    op.drop_column("claim", "revision")
    op.drop_column("claim", "retraction_reason")
    op.drop_column("claim", "status")
    op.drop_index("ix_record_change_record", table_name="record_change")
    op.drop_table("record_change")
    op.drop_table("api_key")
    op.drop_table("loaded_edit")
