"""type rank order index: a list of one type in rank order reads its first page in order

Revision ID: 5b0c2e7f4a19
Revises: 38d4c87cd75a
Create Date: 2026-12-02 19:05:00

Like ix_claim_rank_order, an expression index, so it lives outside the models (env.py
leaves it out of autogenerate). `/v1/risk-factors` lists one type by rank: without it
the planner sorts every risk factor (1,443 at 100,000 claims) for each page.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5b0c2e7f4a19"
down_revision: str | None = "38d4c87cd75a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Must match api.store.reads.rank_order(), and the article order after it.
RANK_ORDER = "coalesce(rank, 2147483647)"
ARTICLE_ORDER = ["source_id", "quote_start", "quote_end", "id"]


def upgrade() -> None:
    op.create_index(
        "ix_claim_type_rank_order",
        "claim",
        ["type", sa.text(RANK_ORDER), *ARTICLE_ORDER, "status"],
    )


def downgrade() -> None:
    op.drop_index("ix_claim_type_rank_order", table_name="claim")
