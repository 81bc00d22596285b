"""claim search and sort columns: seq, search_text, updated_at, filter indexes, full-text index

Revision ID: 04ef2a8beb89
Revises: f3beddd3253b
Create Date: 2026-11-25 20:50:54.087057

The full-text index differs per engine and, like the rank-order expression index, lives
outside the table models (env.py leaves both out of autogenerate): an FTS5 table kept in
step by triggers on SQLite, a GIN expression index on PostgreSQL. Existing claims get an
empty search_text and the load log is cleared, so the next `kb serve` (or `kb load`)
recomputes it from data/.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "04ef2a8beb89"
down_revision: str | None = "f3beddd3253b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Must match api.store.reads.search_vector() exactly for PostgreSQL to use the index.
PG_SEARCH_VECTOR = "array_to_tsvector(string_to_array(search_text, ' '))"

# Must match api.store.reads.rank_order(): the rank sort, ranked claims first.
RANK_ORDER = "coalesce(rank, 2147483647)"
ARTICLE_ORDER = ["source_id", "quote_start", "quote_end", "id"]

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE claim_search USING fts5(search_text, tokenize = 'ascii')",
    "INSERT INTO claim_search(rowid, search_text) SELECT seq, search_text FROM claim",
    """CREATE TRIGGER claim_search_insert AFTER INSERT ON claim BEGIN
         INSERT INTO claim_search(rowid, search_text) VALUES (new.seq, new.search_text);
       END""",
    """CREATE TRIGGER claim_search_delete AFTER DELETE ON claim BEGIN
         DELETE FROM claim_search WHERE rowid = old.seq;
       END""",
    """CREATE TRIGGER claim_search_update AFTER UPDATE OF seq, search_text ON claim BEGIN
         DELETE FROM claim_search WHERE rowid = old.seq;
         INSERT INTO claim_search(rowid, search_text) VALUES (new.seq, new.search_text);
       END""",
]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("claim") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    if sqlite:
        op.execute("UPDATE claim SET seq = rowid")
    else:
        op.execute(
            "UPDATE claim SET seq = numbered.n FROM "
            "(SELECT id, row_number() OVER (ORDER BY id) AS n FROM claim) AS numbered "
            "WHERE claim.id = numbered.id"
        )
    op.execute("UPDATE claim SET search_text = '', updated_at = CURRENT_TIMESTAMP")
    op.execute("DELETE FROM data_load")
    with op.batch_alter_table("claim") as batch:
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("search_text", existing_type=sa.Text(), nullable=False)
        batch.alter_column(
            "updated_at", existing_type=sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False
        )
        batch.create_unique_constraint(op.f("uq_claim_seq"), ["seq"])
        batch.create_index("ix_claim_certainty_order", ["certainty", *ARTICLE_ORDER])
        batch.create_index("ix_claim_migraine_effect_order", ["migraine_effect", *ARTICLE_ORDER])
        batch.create_index("ix_claim_rank", ["rank"])
        batch.create_index("ix_claim_updated_at", ["updated_at", "id"])
    op.create_index("ix_claim_rank_order", "claim", [sa.text(RANK_ORDER), *ARTICLE_ORDER])
    if sqlite:
        for statement in SQLITE_FTS:
            op.execute(statement)
    else:
        op.execute(f"CREATE INDEX ix_claim_search ON claim USING gin ({PG_SEARCH_VECTOR})")


def downgrade() -> None:
    op.drop_index("ix_claim_rank_order", table_name="claim")
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("claim_search_insert", "claim_search_delete", "claim_search_update"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE claim_search")
    else:
        op.execute("DROP INDEX ix_claim_search")
    with op.batch_alter_table("claim") as batch:
        batch.drop_index("ix_claim_updated_at")
        batch.drop_index("ix_claim_rank")
        batch.drop_index("ix_claim_migraine_effect_order")
        batch.drop_index("ix_claim_certainty_order")
        batch.drop_constraint(op.f("uq_claim_seq"), type_="unique")
        batch.drop_column("updated_at")
        batch.drop_column("search_text")
        batch.drop_column("seq")
