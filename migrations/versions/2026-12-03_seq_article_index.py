"""seq article index: a search page sorts its matches by reading an index, not the rows

Revision ID: 7c3e9a1d2b64
Revises: 5b0c2e7f4a19
Create Date: 2026-12-03 08:40:00

SQLite only. A search page finds its matches in FTS5 (rowid = claim.seq), then sorts
them in article order: without this index each match is looked up by seq and its whole
row read (its document, its search text) for four short keys; with it, the keys are in
the index entry. PostgreSQL matches and sorts in the claim table's own indexes (GIN).
Engine-specific, so it lives outside the models (env.py leaves it out of autogenerate).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "7c3e9a1d2b64"
down_revision: str | None = "5b0c2e7f4a19"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The article order, as in api.store.tables.ARTICLE_ORDER.
ARTICLE_ORDER = ["source_id", "quote_start", "quote_end", "id"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_claim_seq_article", "claim", ["seq", "status", *ARTICLE_ORDER])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_claim_seq_article", table_name="claim")
