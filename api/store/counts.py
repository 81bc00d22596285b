"""Counts of claims per filter value, kept by every write: a list's `meta.total` is read,
not counted.

Counting the matches of a filter walks every one of them: 14,000 index entries and as
many status checks for a tag on one claim in seven, at 100,000 claims, ten times what the
page itself costs. So the claim table's writers (a load, a curator's write) recount the
values they touched, in the same transaction, into `claim_count`: one row per field,
value and status. A list filtered by at most one field (any of its values; one tag) reads
its total from there, however many claims match. Other filters (several fields, several
tags, ranks, a search) count their matches, as they must.
"""

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Select, and_, bindparam, delete, func, insert, literal, or_, select
from sqlmodel import Session

from api.records.claims import Claim as PublicClaim
from api.store.rows import claim_row
from api.store.tables import CLAIM_COUNTS, CLAIM_TAGS, CLAIMS

EVERY = "all"
"""The field of the count of all claims (per status); its one value is ''."""
COLUMNS = {
    "type": CLAIMS.c.type,
    "source": CLAIMS.c.source_id,
    "certainty": CLAIMS.c.certainty,
    "migraine_effect": CLAIMS.c.migraine_effect,
}
"""Fields counted per value, by the claim column holding them; and `tag`, by claim_tag."""
TAG = "tag"
FIELDS = (EVERY, *COLUMNS, TAG)

Touched = Mapping[str, Collection[str]]
"""The values of each field whose counts a write may have moved."""


def touched_by(*claims: PublicClaim | None) -> dict[str, set[str]]:
    """What writing a claim may move, given it before and after (None: it was not there)."""
    found: dict[str, set[str]] = {field: set() for field in FIELDS}
    found[EVERY].add("")
    for claim in claims:
        if claim is None:
            continue
        row = claim_row(claim)
        for field, column in COLUMNS.items():
            found[field].add(row[column.name])
        found[TAG].update(claim.tags)
    return found


def recount(session: Session, touched: Touched | None = None) -> None:
    """Count again the given values of each field (None: every value of every field)."""
    for field in FIELDS:
        values = None if touched is None else set(touched.get(field, ()))
        if values is not None and not values:
            continue
        stale = delete(CLAIM_COUNTS).where(CLAIM_COUNTS.c.field == field)
        if values is not None:
            stale = stale.where(CLAIM_COUNTS.c.value.in_(values))
        session.execute(stale)
        session.execute(
            insert(CLAIM_COUNTS).from_select(
                ["field", "value", "status", "n"], _counting(field, values)
            )
        )


def _counting(field: str, values: set[str] | None) -> Select[Any]:
    """field, value, status and count, for each value (of `values`) and status."""
    claims: Any = CLAIMS
    if field == EVERY:
        value: Any = literal("")
    elif field == TAG:
        value = CLAIM_TAGS.c.tag_slug
        claims = CLAIM_TAGS.join(CLAIMS, CLAIMS.c.id == CLAIM_TAGS.c.claim_id)
    else:
        value = COLUMNS[field]
    query = select(literal(field), value, CLAIMS.c.status, func.count()).select_from(claims)
    if values is not None and field != EVERY:
        query = query.where(value.in_(values))
    return query.group_by(value, CLAIMS.c.status)


KEPT_ROWS = select(
    CLAIM_COUNTS.c.field, CLAIM_COUNTS.c.value, CLAIM_COUNTS.c.status, CLAIM_COUNTS.c.n
).where(
    or_(
        CLAIM_COUNTS.c.field == EVERY,
        and_(
            CLAIM_COUNTS.c.field == bindparam("field"),
            CLAIM_COUNTS.c.value.in_(bindparam("values", expanding=True)),
        ),
    )
)
"""Built once: building a statement costs more than reading a kept count."""


class KeptCounts:
    """The kept counts one list reads: all claims', and the values of the one field it
    filters by, per status, in one statement; any other is read when asked for."""

    def __init__(self, session: Session, field: str = EVERY, values: Collection[str] = ("",)):
        self.session = session
        self.field, self.values = field, frozenset(values)
        self.read: dict[tuple[str, str, str], int] = {}
        self._read(field, values)

    def total(self, field: str, values: Collection[str], statuses: Collection[str]) -> int:
        """The number of claims with any of `values` of `field` and any of `statuses`."""
        if field != EVERY and (field != self.field or not self.values.issuperset(values)):
            self.field, self.values = field, frozenset(values)
            self._read(field, values)
        return sum(self.read.get((field, v, s), 0) for v in set(values) for s in set(statuses))

    def _read(self, field: str, values: Collection[str]) -> None:
        rows = self.session.execute(KEPT_ROWS, {"field": field, "values": list(values)})
        self.read.update(((row.field, row.value, row.status), row.n) for row in rows)


def kept_count(field: str, value: Any, status: str) -> Any:
    """A scalar subquery: the kept count of one value (a column, for one per row read)."""
    return (
        select(func.coalesce(func.sum(CLAIM_COUNTS.c.n), 0))
        .where(
            CLAIM_COUNTS.c.field == field,
            CLAIM_COUNTS.c.value == value,
            CLAIM_COUNTS.c.status == status,
        )
        .scalar_subquery()
    )
