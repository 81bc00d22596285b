"""seq in article order: claims numbered in the order their sources state them

Revision ID: 9e4f1a7c3d25
Revises: 7c3e9a1d2b64
Create Date: 2026-12-03 13:30:00

From here on every writer keeps `claim.seq` ascending in article order (api.store.seq_order),
so a search reads its matches from SQLite's full-text index (rowid = seq) in article
order and stops at the page. Claims written before were numbered in the order they
were added: number them anew, STEP apart, leaving room for claims added between.
Data only; nothing to undo on the way down.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9e4f1a7c3d25"
down_revision: str | None = "7c3e9a1d2b64"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in api.store.seq_order: numbers STEP apart, below PostgreSQL's integer ceiling.
STEP = 1024
CEILING = 2**31 - 1


def upgrade() -> None:
    bind = op.get_bind()
    count = bind.execute(sa.text("SELECT count(*) FROM claim")).scalar_one()
    if not count:
        return
    step = min(STEP, CEILING // (count + 1))
    # Through negatives, so no two claims share a number at any moment.
    op.execute("UPDATE claim SET seq = -seq")
    op.execute(
        sa.text(
            "UPDATE claim SET seq = numbered.n * :step FROM "
            "(SELECT id, row_number() OVER "
            "(ORDER BY source_id, quote_start, quote_end, id) AS n FROM claim) AS numbered "
            "WHERE claim.id = numbered.id"
        ).bindparams(step=step)
    )


def downgrade() -> None:
    pass
