"""The change log: every accepted change to a record, for the change feed and history.

Both writers, `kb load` and the curation API, record their changes here, inside the
transaction that makes them, so the log and the data never disagree.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, tuple_
from sqlmodel import Session, col, select

from api.records.changes import CHANGE_ADAPTER, Change, SourceState, TagState
from api.records.claims import Claim
from api.records.fields import STORED, ChangeAction, RecordKind
from api.records.vocabulary import SourceBase, TagRecord
from api.store.cursors import encode_cursor
from api.store.engine import chunks
from api.store.tables import LoadedEdit, RecordChange

AS_STORED = {STORED: True}
"""How a record logged earlier is read back: as it was accepted (records.fields.STORED)."""
LOADER = "kb load"
"""Who a load's changes are attributed to."""


@dataclass(frozen=True)
class PendingChange:
    """One change about to be recorded."""

    kind: RecordKind
    record_id: str
    action: ChangeAction
    revision: int | None
    record: dict[str, Any] | None


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim as GET /v1/claims/{id} serves it."""
    return claim.model_dump(mode="json", exclude={"match"})


def tag_record(tag: TagRecord, revision: int) -> dict[str, Any]:
    """A tag as the feed records it (TagState)."""
    return TagState(**tag.model_dump(), revision=revision).model_dump(mode="json")


def source_record(source: SourceBase) -> dict[str, Any]:
    """A source's metadata; its text is at GET /v1/sources/{id} (sha256 names it)."""
    fields = source.model_dump(include=set(SourceState.model_fields))
    return SourceState.model_validate(fields).model_dump(mode="json")


LOGGED = "logged_change"
"""Where a session notes the first change its transaction logged (`holds`)."""


def record(session: Session, entries: Iterable[PendingChange], *, actor: str, at: datetime) -> None:
    """Append changes, in the order given, to the log of the session's transaction."""
    rows = [
        {
            "kind": entry.kind.value,
            "record_id": entry.record_id,
            "action": entry.action.value,
            "revision": entry.revision,
            "record": entry.record,
            "actor": actor,
            "at": at,
        }
        for entry in entries
    ]
    for start in range(0, len(rows), 1000):
        session.execute(insert(RecordChange), rows[start : start + 1000])
    if rows:
        session.info.setdefault(LOGGED, rows[0])


def holds(session: Session, logged_by: Session) -> bool:
    """Whether the database holds the first change that `logged_by`'s transaction logged:
    whether that transaction committed. The change's record, revision, author and time
    (to the microsecond) together are that write's alone. A transaction that logged
    nothing changed nothing: it holds whether or not it committed."""
    logged = logged_by.info.get(LOGGED)
    if logged is None:
        return True
    found = session.exec(
        select(RecordChange.id).where(
            RecordChange.kind == logged["kind"],
            RecordChange.record_id == logged["record_id"],
            RecordChange.action == logged["action"],
            col(RecordChange.revision).is_(None)
            if logged["revision"] is None
            else RecordChange.revision == logged["revision"],
            RecordChange.actor == logged["actor"],
            RecordChange.at == logged["at"],
        )
    ).first()
    return found is not None


def unloaded_edits(session: Session) -> dict[tuple[str, str], int]:
    """(kind, id) -> change id, for each record whose latest change came through the API
    and no load has yet found in data/: a load that changes it would lose that edit."""
    touched = sorted(
        session.exec(
            select(RecordChange.kind, RecordChange.record_id)
            .where(col(RecordChange.actor) != LOADER)
            .distinct()
        ).all()
    )
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    for part in chunks(touched):  # few: curators' edits, not loads
        for kind, record_id, change_id, actor in session.exec(
            select(
                RecordChange.kind, RecordChange.record_id, RecordChange.id, RecordChange.actor
            ).where(tuple_(col(RecordChange.kind), col(RecordChange.record_id)).in_(part))
        ):
            key = (kind, record_id)
            if key not in latest or (change_id or 0) > latest[key][0]:
                latest[key] = (change_id or 0, actor)
    loaded = {(row.kind, row.record_id): row.change_id for row in session.exec(select(LoadedEdit))}
    return {
        key: change_id
        for key, (change_id, actor) in latest.items()
        if actor != LOADER and loaded.get(key, 0) < change_id
    }


def mark_loaded(session: Session, edits: dict[tuple[str, str], int]) -> None:
    """Record that a load found these API edits already in data/."""
    for (kind, record_id), change_id in edits.items():
        session.merge(LoadedEdit(kind=kind, record_id=record_id, change_id=change_id))


def feed_cursor(after: int) -> str:
    """The change feed's `since` for the changes committed after change `after`."""
    return encode_cursor("changes", [after], 0)


def latest_id(session: Session) -> int:
    """Id of the last change committed (0 before any): names the state of the data."""
    found = session.exec(
        select(col(RecordChange.id)).order_by(col(RecordChange.id).desc()).limit(1)
    ).first()
    return found or 0


def changes_after(session: Session, after: int, limit: int) -> list[tuple[int, Change]]:
    """Up to `limit` changes committed after change `after`, oldest first, with their ids."""
    rows = session.exec(
        select(RecordChange)
        .where(col(RecordChange.id) > after)
        .order_by(col(RecordChange.id))
        .limit(limit)
    ).all()
    return [(row.id or 0, _change(row)) for row in rows]


def history(
    session: Session, kind: RecordKind, record_id: str, *, limit: int, offset: int
) -> tuple[list[RecordChange], int]:
    """One page of a record's changes, newest first, and how many there are."""
    mine = (col(RecordChange.kind) == kind.value, col(RecordChange.record_id) == record_id)
    total = session.exec(select(func.count()).select_from(RecordChange).where(*mine)).one()
    rows = session.exec(
        select(RecordChange)
        .where(*mine)
        .order_by(col(RecordChange.id).desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def _change(row: RecordChange) -> Change:
    """A logged change, its record read back into the type its kind names (as it was
    accepted: `STORED`)."""
    return CHANGE_ADAPTER.validate_python(
        {
            "kind": row.kind,
            "id": row.record_id,
            "action": row.action,
            "revision": row.revision,
            "at": row.at,
            "by": row.actor,
            "record": row.record,
        },
        context=AS_STORED,
    )
