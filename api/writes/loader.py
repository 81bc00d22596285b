"""Validate data/ and make the database match it, in one transaction.

data/ is the source of truth: a load inserts, updates and deletes rows until the
database holds exactly what the files say, and nothing when they already agree.
Nothing is written unless every file and every record passes every check.
"""

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, Table, bindparam, delete, insert, select, tuple_, update
from sqlmodel import Session

from api.records.changes import ChangeAction, RecordKind
from api.records.claims import CLAIM_ADAPTER, Claim
from api.records.fields import ClaimStatus
from api.records.vocabulary import SourceRecord, TagRecord
from api.store import changelog, counts, seq_order, tables
from api.store.changelog import PendingChange
from api.store.engine import IN_BATCH, chunks, has_statistics, lock_for_writing, refresh_statistics
from api.store.reads import claims_from_rows, latest_fingerprint
from api.store.rows import article_key, claim_row, document, relation_rows, served, tag_rows
from api.writes.validation import (
    AlreadyRefused,
    DataError,
    DataProblem,
    RecordInFile,
    check_all,
    field_messages,
)

COMPUTED_FIELDS = frozenset({"source", "match", "revision"})
"""Claim fields data files may not set per record: the file sets `source`, the database
`revision`, a search `match`."""
M = TypeVar("M", bound=BaseModel)


class DataYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML (libyaml when present: ~10x faster) that leaves dates as text for the
    models to check, and refuses a key given twice instead of keeping the last."""


DataYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _unique_keys(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is given twice", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


DataYamlLoader.add_constructor("tag:yaml.org,2002:map", _unique_keys)


def _unique_json_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise ValueError(f"key {key!r} is given twice")
        mapping[key] = value
    return mapping


@dataclass
class DataSet:
    """Everything data/ holds, validated and ready to store."""

    fingerprint: str
    sources: list[SourceRecord]
    texts: dict[str, str]
    tags: list[TagRecord]
    claims: list[Claim]


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


def fingerprint(data_dir: Path) -> str:
    """A hash of every data file (documentation aside): changes exactly when one does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix != ".md"):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_data(data_dir: Path) -> DataSet:
    """Read and check all of data_dir; raise DataError listing every problem found."""
    if not data_dir.is_dir():
        raise DataError([DataProblem(str(data_dir), "folder", "is not a folder")])
    stamp = fingerprint(data_dir)  # before reading: a file edited meanwhile shows next time
    reader = _Reader()

    sources = reader.records(data_dir / "sources.yaml", SourceRecord, "source", "id")
    texts: dict[str, str] = {}
    for located in sources:
        text = reader.source_text(data_dir, located)
        if text is None:
            reader.refused.sources.add(located.record.id)
        else:
            texts[located.record.id] = text

    tags = reader.records(data_dir / "tags.yaml", TagRecord, "tag", "slug")

    claims: list[RecordInFile[Claim]] = []
    claims_dir = data_dir / "claims"
    claim_files = sorted(p for p in claims_dir.glob("*") if p.suffix in {".yaml", ".json"})
    if not claim_files:
        reader.problem(claims_dir, "folder", "holds no *.yaml or *.json claim files")
    for path in claim_files:
        claims += reader.claim_file(path)

    problems = reader.problems + check_all(
        sources=sources, texts=texts, tags=tags, claims=claims, refused=reader.refused
    )
    if problems:
        raise DataError(problems)
    return DataSet(
        fingerprint=stamp,
        sources=[s.record for s in sources],
        texts=texts,
        tags=[t.record for t in tags],
        claims=[c.record for c in claims],
    )


def load(
    *, engine: Engine, data_dir: Path, only_if_changed: bool = False, force: bool = False
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
    return sync(engine=engine, data=read_data(data_dir), force=force)


def sync(*, engine: Engine, data: DataSet, force: bool = False) -> LoadReport:
    """Make the database hold exactly `data` (already validated), in one transaction.

    A load that would overwrite or delete a record whose last change came through the
    API is refused, unless forced: those edits reach data/ by `kb export`, not by loss.
    """
    report = LoadReport()
    with Session(engine) as session, session.begin():
        lock_for_writing(session)  # after a curator's write, not interleaved with it
        _sync(session, data, report, force=force)
        render_missing_documents(session)
        # The load log names data revisions (the export's ETag): only a change makes one.
        if report.total_changes:
            session.add(tables.DataLoad(fingerprint=data.fingerprint, loaded_at=datetime.now(UTC)))
    if report.total_changes:
        refresh_statistics(engine)
    return report


# Reading ------------------------------------------------------------------------------


class _Reader:
    """Reads data files, collecting every problem; remembers what it refused, so that
    records pointing at a refused one are not reported a second time."""

    def __init__(self) -> None:
        self.problems: list[DataProblem] = []
        self.refused = AlreadyRefused()

    def problem(self, path: Path | str, record: str, message: str) -> None:
        self.problems.append(DataProblem(str(path), record, message))

    def document(self, path: Path) -> Any:
        """A YAML file, or a JSON one (same records, faster to parse: generated data uses it)."""
        try:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".json":
                document = json.loads(text, object_pairs_hook=_unique_json_keys)
            else:
                document = yaml.load(text, Loader=DataYamlLoader)
        except FileNotFoundError:
            self.problem(path, "file", "is missing")
        except UnicodeDecodeError:
            self.problem(path, "file", "is not UTF-8")
        except yaml.YAMLError as exc:
            self.problem(path, "file", f"is not valid YAML: {exc}")
        except ValueError as exc:  # JSONDecodeError, or a key given twice
            self.problem(path, "file", f"is not valid JSON: {exc}")
        else:
            if document is None:
                self.problem(path, "file", "is empty")
            return document
        return None

    def records(self, path: Path, model: type[M], kind: str, key: str) -> list[RecordInFile[M]]:
        raw = self.document(path)
        if not isinstance(raw, list):
            if raw is not None:
                self.problem(path, "file", f"must hold a list of {kind}s")
            self.refused.whole_files.add(kind)
            return []
        records = []
        for index, item in enumerate(raw):
            name = _record_name(kind, key, item, index)
            try:
                records.append(RecordInFile(str(path), model.model_validate(item)))
            except ValidationError as exc:
                for message in _messages(exc):
                    self.problem(path, name, message)
                if isinstance(item, dict) and isinstance(item.get(key), str):
                    self.refused.of_kind(kind).add(item[key])
        return records

    def source_text(self, data_dir: Path, located: RecordInFile[SourceRecord]) -> str | None:
        source = located.record
        where = (located.file, f"source {source.id!r}")
        path = (data_dir / source.file).resolve()
        if not path.is_relative_to(data_dir.resolve()):
            self.problem(*where, f"file {source.file!r} is outside the data folder")
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            self.problem(*where, f"file {source.file!r} cannot be read")
            return None
        actual = hashlib.sha256(raw).hexdigest()
        if actual != source.sha256:
            self.problem(
                *where,
                f"file {source.file!r} has SHA-256 {actual}, not the recorded {source.sha256}",
            )
            return None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.problem(*where, f"file {source.file!r} is not UTF-8")
            return None

    def claim_file(self, path: Path) -> list[RecordInFile[Claim]]:
        raw = self.document(path)
        if raw is None:
            return []
        if not (isinstance(raw, dict) and isinstance(raw.get("claims"), list) and "source" in raw):
            self.problem(path, "file", "must map `source` to a source id and `claims` to a list")
            return []
        claims = []
        for index, item in enumerate(raw["claims"]):
            name = _record_name("claim", "id", item, index)
            if not isinstance(item, dict):
                self.problem(path, name, "must be a mapping")
                continue
            if computed := sorted(COMPUTED_FIELDS & item.keys()):
                self.problem(path, name, f"sets {', '.join(computed)}, which a claim file may not")
                continue
            try:
                claim = CLAIM_ADAPTER.validate_python({**item, "source": raw["source"]})
            except ValidationError as exc:
                for message in _messages(exc):
                    self.problem(path, name, message)
                if isinstance(item.get("id"), str):
                    self.refused.claims.add(item["id"])
            else:
                claims.append(RecordInFile(str(path), claim))
        return claims


def _record_name(kind: str, key: str, item: object, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get(key), str):
        return f"{kind} {item[key]!r}"
    return f"{kind} #{index + 1}"


def _messages(exc: ValidationError) -> list[str]:
    return [f"{where}: {message}" if where else message for where, message in field_messages(exc)]


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
