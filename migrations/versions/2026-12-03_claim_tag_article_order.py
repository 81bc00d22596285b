"""claim tag article order: each tag's claims indexed in the order sources state them

Revision ID: 58cc89fc4cb6
Revises: 9e4f1a7c3d25
Create Date: 2026-12-03 13:25:31.030276

A claim_tag row carries its claim's article order (source, quote start and end), and
ix_claim_tag_article replaces ix_claim_tag_tag_slug: a page of one tag reads its first
entries in order and stops, on both engines, however many claims carry the tag. Filled
here from the claims already stored; from now on api.store.rows.tag_rows writes them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "58cc89fc4cb6"
down_revision: str | None = "9e4f1a7c3d25"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As api.store.tables.ARTICLE_ORDER_OF_TAG: a claim's article order, on claim_tag.
ARTICLE_ORDER_OF_TAG = ["source_id", "quote_start", "quote_end", "claim_id"]
COLUMNS = {
    "source_id": sqlmodel.sql.sqltypes.AutoString(),
    "quote_start": sa.Integer(),
    "quote_end": sa.Integer(),
}


def upgrade() -> None:
    for name, type_ in COLUMNS.items():
        op.add_column("claim_tag", sa.Column(name, type_, nullable=True))
    op.execute(
        "UPDATE claim_tag SET source_id = claim.source_id, quote_start = claim.quote_start, "
        "quote_end = claim.quote_end FROM claim WHERE claim.id = claim_tag.claim_id"
    )
    with op.batch_alter_table("claim_tag") as batch:
        for name, type_ in COLUMNS.items():
            batch.alter_column(name, existing_type=type_, nullable=False)
        batch.drop_index("ix_claim_tag_tag_slug")
        batch.create_index("ix_claim_tag_article", ["tag_slug", *ARTICLE_ORDER_OF_TAG])


def downgrade() -> None:
    with op.batch_alter_table("claim_tag") as batch:
        batch.drop_index("ix_claim_tag_article")
        batch.create_index("ix_claim_tag_tag_slug", ["tag_slug", "claim_id"])
        for name in reversed(COLUMNS):
            batch.drop_column(name)
