"""initial schema: sources, tags, claims, their links, and the load log

Revision ID: f3beddd3253b
Revises:
Create Date: 2026-11-25 20:31:47.289583
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "f3beddd3253b"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AutoString = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "data_load",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", AutoString(), nullable=False),
        sa.Column("loaded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_load")),
    )
    op.create_table(
        "source",
        sa.Column("id", AutoString(), nullable=False),
        sa.Column("title", AutoString(), nullable=False),
        sa.Column("author", AutoString(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("url", AutoString(), nullable=True),
        sa.Column("language", AutoString(), nullable=False),
        sa.Column("media_type", AutoString(), nullable=False),
        sa.Column("sha256", AutoString(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
    )
    op.create_table(
        "tag",
        sa.Column("slug", AutoString(), nullable=False),
        sa.Column("label", AutoString(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("codes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_tag")),
    )
    op.create_table(
        "claim",
        sa.Column("id", AutoString(), nullable=False),
        sa.Column("source_id", AutoString(), nullable=False),
        sa.Column("type", AutoString(), nullable=False),
        sa.Column("title", AutoString(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("quote_start", sa.Integer(), nullable=False),
        sa.Column("quote_end", sa.Integer(), nullable=False),
        sa.Column("certainty", AutoString(), nullable=False),
        sa.Column("hedges", sa.JSON(), nullable=False),
        sa.Column("migraine_effect", AutoString(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_claim_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    op.create_index(
        "ix_claim_article_order", "claim", ["source_id", "quote_start", "quote_end", "id"]
    )
    op.create_index(
        "ix_claim_type_order", "claim", ["type", "source_id", "quote_start", "quote_end", "id"]
    )
    op.create_table(
        "claim_relation",
        sa.Column("claim_id", AutoString(), nullable=False),
        sa.Column("kind", AutoString(), nullable=False),
        sa.Column("target_id", AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_relation_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["claim.id"],
            name=op.f("fk_claim_relation_target_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "kind", "target_id", name=op.f("pk_claim_relation")),
    )
    op.create_index("ix_claim_relation_target_id", "claim_relation", ["target_id"])
    op.create_table(
        "claim_tag",
        sa.Column("claim_id", AutoString(), nullable=False),
        sa.Column("tag_slug", AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_claim_tag_claim_id_claim"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tag_slug"], ["tag.slug"], name=op.f("fk_claim_tag_tag_slug_tag")),
        sa.PrimaryKeyConstraint("claim_id", "tag_slug", name=op.f("pk_claim_tag")),
    )
    op.create_index("ix_claim_tag_tag_slug", "claim_tag", ["tag_slug", "claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_tag_tag_slug", table_name="claim_tag")
    op.drop_table("claim_tag")
    op.drop_index("ix_claim_relation_target_id", table_name="claim_relation")
    op.drop_table("claim_relation")
    op.drop_index("ix_claim_type_order", table_name="claim")
    op.drop_index("ix_claim_article_order", table_name="claim")
    op.drop_table("claim")
    op.drop_table("tag")
    op.drop_table("source")
    op.drop_table("data_load")
