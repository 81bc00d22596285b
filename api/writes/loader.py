"""Make the database match data/ (read by api.writes.data_folder), in one transaction.

data/ is the source of truth: a load inserts, updates and deletes rows until the
database holds exactly what the files say, and nothing when they already agree.
Nothing is written unless every file and every record passes every check.
"""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, bindparam, delete, insert, select, tuple_, update
from sqlmodel import Session

from api.records.claims import Claim
from api.records.fields import ChangeAction, ClaimStatus, RecordKind
from api.store import changelog, counts, seq_order, tables
from api.store.changelog import PendingChange
from api.store.engine import IN_BATCH, chunks, has_statistics, lock_for_writing, refresh_statistics
from api.store.reads import claims_from_rows, latest_fingerprint
from api.store.rows import article_key, claim_row, document, relation_rows, served, tag_rows
from api.writes.data_folder import DataSet, fingerprint, read_data
from api.writes.progress import Progress, silent
from api.writes.validation import (
    DataError,
    DataProblem,
)


@dataclass
class LoadReport:
    """What a load changed, per table: rows inserted, updated and deleted."""

    changed: dict[str, dict[str, int]] = field(default_factory=dict)
    skipped: bool = False

    @property
    def total_changes(self) -> int:
        return sum(sum(counts.values()) for counts in self.changed.values())

    def summary(self) -> str:
        if self.skipped:
            return "data unchanged since the last load; nothing to do"
        if not self.total_changes:
            return "database already matches the data; nothing changed"
        parts = [
            f"{table}: " + ", ".join(f"{n} {verb}" for verb, n in counts.items() if n)
            for table, counts in self.changed.items()
            if any(counts.values())
        ]
        return "loaded: " + "; ".join(parts)


def load(
    *,
    engine: Engine,
    data_dir: Path,
    only_if_changed: bool = False,
    force: bool = False,
    progress: Progress = silent,
) -> LoadReport:
    """Validate data_dir, then sync the database to it in a single transaction.

    With only_if_changed, a data folder identical to the last one loaded is not even read.
    """
    if only_if_changed:
        with Session(engine) as session:
            unchanged = latest_fingerprint(session=session) == fingerprint(data_dir)
        if unchanged:
            # A database loaded before loads analysed it, or restored without its
            # statistics, gets them now, before it serves anything; and claims migrated
            # from before documents were stored get theirs.
            if not has_statistics(engine):
                refresh_statistics(engine)
            with Session(engine) as session, session.begin():
                if session.execute(_MISSING_DOCUMENT.limit(1)).first() is not None:
                    lock_for_writing(session)
                    render_missing_documents(session)
            return LoadReport(skipped=True)
    data = read_data(data_dir, progress)
    return sync(engine=engine, data=data, force=force, progress=progress)


def sync(
    *, engine: Engine, data: DataSet, force: bool = False, progress: Progress = silent
) -> LoadReport:
    """Make the database hold exactly `data` (already validated), in one transaction.

    A load that would overwrite or delete a record whose last change came through the
    API is refused, unless forced: those edits reach data/ by `kb export`, not by loss.
    """
    report = LoadReport()
    progress("waiting for the database's writer lock")
    with Session(engine) as session, session.begin():
        lock_for_writing(session)  # after a curator's write, not interleaved with it
        progress(f"writing {len(data.claims):,} claims' changes in one transaction")
        _sync(session, data, report, force=force)
        render_missing_documents(session)
        progress("committing")
        # The load log names data revisions (the export's ETag): only a change makes one.
        if report.total_changes:
            session.add(tables.DataLoad(fingerprint=data.fingerprint, loaded_at=datetime.now(UTC)))
    if report.total_changes:
        progress("refreshing the query planner's statistics")
        refresh_statistics(engine)
    return report


# Writing ------------------------------------------------------------------------------


def _sync(session: Session, data: DataSet, report: LoadReport, *, force: bool) -> None:
    """Insert, update and delete rows so each table holds exactly what data/ says.

    Parents are upserted before children and deleted after them, so foreign keys hold
    at every statement. A claim's `updated_at` and `revision` move when it or its links
    change, and every change goes to the change log, attributed to the loader.
    """
    now = datetime.now(UTC)
    sources = {
        s.id: {**s.model_dump(exclude={"file"}), "text": data.texts[s.id]} for s in data.sources
    }
    tags = {t.slug: t.model_dump(mode="json") for t in data.tags}
    stored_seqs: dict[str, int] = dict(
        session.execute(select(tables.CLAIMS.c.id, tables.CLAIMS.c.seq)).tuples().all()
    )
    in_order = sorted(data.claims, key=article_key)
    seqs = dict(
        zip(
            (c.id for c in in_order),
            seq_order.arrange([stored_seqs.get(c.id) for c in in_order]),
            strict=True,
        )
    )
    claims: dict[Any, dict[str, Any]] = {}
    for claim in data.claims:
        claims[claim.id] = {**claim_row(claim), "updated_at": now, "seq": seqs[claim.id]}
        if claim.id not in stored_seqs:  # new: its document can be rendered at once
            claims[claim.id]["document"] = document(served(claim, 1))
    # Claims that move in seq (or go) give theirs back first: no two ever share one.
    renumbered = {key for key, seq in stored_seqs.items() if seqs.get(key) != seq}
    seq_order.free(session, renumbered)
    claim_tags = {
        (row["claim_id"], row["tag_slug"]): row for c in data.claims for row in tag_rows(c)
    }
    relations = {
        (row["claim_id"], row["kind"], row["target_id"]): row
        for c in data.claims
        for row in relation_rows(c)
    }

    synced: list[tuple[Table, dict[Any, dict[str, Any]]]] = [
        (tables.SOURCES, sources),
        (tables.TAGS, tags),
        (tables.CLAIMS, claims),
        (tables.CLAIM_TAGS, claim_tags),
        (tables.CLAIM_RELATIONS, relations),
    ]
    changes: dict[str, _Changes] = {}
    for table, wanted in synced:
        changes[table.name] = _upsert(
            session, table, wanted, ignore={"updated_at", "revision", "seq"}, unread={"document"}
        )
        report.changed[table.name] = changes[table.name].counts()
    # seq is storage, not content: a claim that only moves in it has not changed.
    seq_order.assign(session, [(key, seqs[key]) for key in sorted(renumbered) if key in seqs])
    for table, _ in reversed(synced):
        _delete(session, table, changes[table.name].deleted)

    claim_changes = changes["claim"]
    relinked = {
        key[0]
        for name in ("claim_tag", "claim_relation")
        for key in changes[name].inserted + changes[name].deleted
    } - set(claim_changes.inserted + claim_changes.updated + claim_changes.deleted)
    for part in chunks(sorted(relinked)):
        session.execute(
            update(tables.CLAIMS)
            .where(tables.CLAIMS.c.id.in_(part))
            .values(updated_at=now, revision=tables.CLAIMS.c.revision + 1)
        )
    # Each changed claim as it is now served: logged, and its document rendered anew
    # (a new claim's was written with its row).
    by_id = {claim.id: claim for claim in data.claims}
    changed = {
        key: served(by_id[key], _revised(claim_changes, key))
        for key in claim_changes.inserted + claim_changes.updated + sorted(relinked)
    }
    _write_documents(
        session, {key: claim for key, claim in changed.items() if key in claim_changes.existing}
    )
    entries = _log_entries(data, changes, changed)
    if changes["claim"].changed_any or changes["claim_tag"].changed_any:
        counts.recount(session)
    unloaded = changelog.unloaded_edits(session)
    overwritten = sorted({(e.kind.value, e.record_id) for e in entries} & unloaded.keys())
    if overwritten and not force:
        _refuse_to_overwrite_curators(overwritten)
    # The API edits this load leaves as they are are in data/ now (exported): adopted.
    present = {("source", s.id) for s in data.sources} | {("tag", t.slug) for t in data.tags}
    present |= {("claim", c.id) for c in data.claims}
    changelog.mark_loaded(
        session, {key: n for key, n in unloaded.items() if key in present - set(overwritten)}
    )
    changelog.record(session, entries, actor=changelog.LOADER, at=now)


def _refuse_to_overwrite_curators(records: list[tuple[str, str]]) -> None:
    """Raise (rolling the load back): it would change records edited through the API
    since the last load, and those edits are not in data/ yet."""
    raise DataError(
        [
            DataProblem(
                "database",
                f"{kind} {record_id!r}",
                "was changed through the API and this load would overwrite it: run "
                "`kb export` into data/ first (or load with --force to discard the API's "
                "edits)",
            )
            for kind, record_id in records
        ]
    )


def _revised(change: "_Changes", key: str) -> int:
    """The revision a changed row has after the load."""
    return change.existing[key]["revision"] + 1 if key in change.existing else 1


def _log_entries(
    data: DataSet, changes: dict[str, "_Changes"], claims: dict[str, Claim]
) -> list[PendingChange]:
    """The change-log entries of a load, given each changed claim as it is now served:
    parents first, deletions of children first."""
    entries: list[PendingChange] = []
    sources = {s.id: s for s in data.sources}
    tags = {t.slug: t for t in data.tags}

    for key in changes["source"].inserted + changes["source"].updated:
        action = (
            ChangeAction.created if key not in changes["source"].existing else ChangeAction.updated
        )
        entries.append(
            PendingChange(
                RecordKind.source, key, action, None, changelog.source_record(sources[key])
            )
        )
    for key in changes["tag"].inserted + changes["tag"].updated:
        action = (
            ChangeAction.created if key not in changes["tag"].existing else ChangeAction.updated
        )
        revision = _revised(changes["tag"], key)
        entries.append(
            PendingChange(
                RecordKind.tag, key, action, revision, changelog.tag_record(tags[key], revision)
            )
        )
    claim_change = changes["claim"]
    for key, claim in claims.items():
        revision = claim.revision or 1
        action = ChangeAction.updated
        if key not in claim_change.existing:
            action = ChangeAction.created
        elif claim_change.existing[key]["status"] != claim.status.value:
            retracted = claim.status is ClaimStatus.retracted
            action = ChangeAction.retracted if retracted else ChangeAction.restored
        record = changelog.claim_record(claim)
        entries.append(PendingChange(RecordKind.claim, key, action, revision, record))
    for kind, table in (
        (RecordKind.claim, "claim"),
        (RecordKind.tag, "tag"),
        (RecordKind.source, "source"),
    ):
        for key in changes[table].deleted:
            entries.append(PendingChange(kind, key, ChangeAction.deleted, None, None))
    return entries


@dataclass
class _Changes:
    """Primary keys of the rows one table gains, changes and loses."""

    inserted: list[Any]
    updated: list[Any]
    deleted: list[Any]
    existing: dict[Any, dict[str, Any]]  # the rows as they were, by key

    @property
    def changed_any(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)

    def counts(self) -> dict[str, int]:
        return {
            "inserted": len(self.inserted),
            "updated": len(self.updated),
            "deleted": len(self.deleted),
        }


def _upsert(
    session: Session,
    table: Table,
    wanted: dict[Any, dict[str, Any]],
    ignore: set[str],
    unread: Collection[str] = (),
) -> _Changes:
    """Insert and update rows toward `wanted`; columns in `ignore` never count as a change,
    and those in `unread` (renderings of the others) are not even read."""
    pk = list(table.primary_key.columns)
    single = len(pk) == 1
    existing: dict[Any, dict[str, Any]] = {}
    read = select(*(column for column in table.c if column.name not in unread))
    for stored in session.execute(read).mappings():
        key = stored[pk[0].name] if single else tuple(stored[c.name] for c in pk)
        existing[key] = dict(stored)

    def differs(key: Any, row: dict[str, Any]) -> bool:
        return any(existing[key].get(k) != v for k, v in row.items() if k not in ignore)

    new = [key for key in wanted if key not in existing]
    changed = [key for key, row in wanted.items() if key in existing and differs(key, row)]
    gone = [key for key in existing if key not in wanted]

    if new:
        session.execute(insert(table), [wanted[key] for key in new])
    pk_names = {c.name for c in pk}
    revised = "revision" in table.c  # a changed row counts one more revision
    for key in changed:
        row = wanted[key]
        values = {k: v for k, v in row.items() if k not in pk_names}
        if revised:
            values["revision"] = existing[key]["revision"] + 1
        session.execute(update(table).where(*(c == row[c.name] for c in pk)).values(values))
    return _Changes(inserted=new, updated=changed, deleted=gone, existing=existing)


_MISSING_DOCUMENT = select(tables.CLAIMS.c.id).where(tables.CLAIMS.c.document.is_(None))


def render_missing_documents(session: Session) -> None:
    """Render the document of every claim that has none (claims migrated from before
    documents were stored), from its rows: what the API serves for it today."""
    while missing := session.execute(_MISSING_DOCUMENT.limit(IN_BATCH)).scalars().all():
        rows = session.scalars(select(tables.Claim).where(tables.CLAIMS.c.id.in_(missing))).all()
        _write_documents(session, {claim.id: claim for claim in claims_from_rows(session, rows)})
        session.expunge_all()


def _write_documents(session: Session, claims: dict[str, Claim]) -> None:
    """Store each served claim's document in its row."""
    if not claims:
        return
    session.execute(
        update(tables.CLAIMS)
        .where(tables.CLAIMS.c.id == bindparam("key"))
        .values(document=bindparam("rendered")),
        [{"key": key, "rendered": document(claim)} for key, claim in claims.items()],
    )


def _delete(session: Session, table: Table, keys: list[Any]) -> None:
    pk = list(table.primary_key.columns)
    for part in chunks(keys):
        if len(pk) == 1:
            session.execute(delete(table).where(pk[0].in_(part)))
        else:
            session.execute(delete(table).where(tuple_(*pk).in_(part)))
