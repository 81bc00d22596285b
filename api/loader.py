"""Validate data/ and make the database match it, in one transaction.

data/ is the source of truth: a load inserts, updates and deletes rows until the
database holds exactly what the files say, and nothing when they already agree.
Nothing is written unless every file and every record passes every check.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import Engine, Table, delete, insert, select, tuple_, update
from sqlmodel import Session

from api import models
from api.errors import DataError
from api.queries import claim_row, latest_fingerprint
from api.schemas import Claim, ClaimType, SourceRecord, TagRecord
from api.validation import Located, Problem, check_all

CLAIM_ADAPTER: TypeAdapter[Claim] = TypeAdapter(Claim)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
CLAIM_TYPES = frozenset(t.value for t in ClaimType)
M = TypeVar("M", bound=BaseModel)


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
    """A hash of every file under data_dir: changes exactly when a file does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_data(data_dir: Path) -> DataSet:
    """Read and check all of data_dir; raise DataError listing every problem found."""
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), "folder", "is not a folder")])
    problems: list[Problem] = []

    sources = _read_records(data_dir / "sources.yaml", SourceRecord, "source", "id", problems)
    texts: dict[str, str] = {}
    for located in sources:
        text = _read_source_text(data_dir, located, problems)
        if text is not None:
            texts[located.record.id] = text

    tags = _read_records(data_dir / "tags.yaml", TagRecord, "tag", "slug", problems)

    claims: list[Located[Claim]] = []
    refused: set[str] = set()
    claim_files = sorted(
        p for p in (data_dir / "claims").glob("*") if p.suffix in {".yaml", ".json"}
    )
    if not claim_files:
        problems.append(
            Problem(str(data_dir / "claims"), "folder", "holds no *.yaml or *.json claim files")
        )
    for path in claim_files:
        claims += _read_claim_file(path, problems, refused)

    problems += check_all(
        sources=sources, texts=texts, tags=tags, claims=claims, refused_claim_ids=refused
    )
    if problems:
        raise DataError(problems)
    return DataSet(
        fingerprint=fingerprint(data_dir),
        sources=[s.record for s in sources],
        texts=texts,
        tags=[t.record for t in tags],
        claims=[c.record for c in claims],
    )


def load(*, engine: Engine, data_dir: Path, only_if_changed: bool = False) -> LoadReport:
    """Validate data_dir, then sync the database to it in a single transaction.

    With only_if_changed, a data folder identical to the last one loaded is not even read.
    """
    if only_if_changed:
        with Session(engine) as session:
            if latest_fingerprint(session=session) == fingerprint(data_dir):
                return LoadReport(skipped=True)
    data = read_data(data_dir)
    report = LoadReport()
    with Session(engine) as session, session.begin():
        _sync(session, data, report)
        if report.total_changes or latest_fingerprint(session=session) != data.fingerprint:
            session.add(models.DataLoad(fingerprint=data.fingerprint, loaded_at=datetime.now(UTC)))
    return report


# Reading ------------------------------------------------------------------------------


def _read_document(path: Path, problems: list[Problem]) -> Any:
    """A YAML file, or a JSON one (same records, faster to parse: generated data uses it)."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            return json.loads(text)
        return yaml.load(text, Loader=SAFE_LOADER)
    except FileNotFoundError:
        problems.append(Problem(str(path), "file", "is missing"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(path), "file", f"is not valid YAML: {exc}"))
    except json.JSONDecodeError as exc:
        problems.append(Problem(str(path), "file", f"is not valid JSON: {exc}"))
    return None


def _read_records(
    path: Path, model: type[M], kind: str, key: str, problems: list[Problem]
) -> list[Located[M]]:
    raw = _read_document(path, problems)
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(Problem(str(path), "file", f"must hold a list of {kind}s"))
        return []
    records = []
    for index, item in enumerate(raw):
        name = _record_name(kind, key, item, index)
        try:
            records.append(Located(str(path), model.model_validate(item)))
        except ValidationError as exc:
            problems += [Problem(str(path), name, message) for message in _messages(exc)]
    return records


def _read_source_text(
    data_dir: Path, located: Located[SourceRecord], problems: list[Problem]
) -> str | None:
    source = located.record
    where = (located.file, f"source {source.id!r}")
    path = (data_dir / source.file).resolve()
    if not path.is_relative_to(data_dir.resolve()):
        problems.append(Problem(*where, f"file {source.file!r} is outside the data folder"))
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        problems.append(Problem(*where, f"file {source.file!r} cannot be read"))
        return None
    actual = hashlib.sha256(raw).hexdigest()
    if actual != source.sha256:
        problems.append(
            Problem(
                *where,
                f"file {source.file!r} has SHA-256 {actual}, not the recorded {source.sha256}",
            )
        )
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(*where, f"file {source.file!r} is not UTF-8"))
        return None


def _read_claim_file(
    path: Path, problems: list[Problem], refused: set[str]
) -> list[Located[Claim]]:
    raw = _read_document(path, problems)
    if raw is None:
        return []
    if not (isinstance(raw, dict) and isinstance(raw.get("claims"), list) and "source" in raw):
        problems.append(
            Problem(str(path), "file", "must map `source` to a source id and `claims` to a list")
        )
        return []
    claims = []
    for index, item in enumerate(raw["claims"]):
        name = _record_name("claim", "id", item, index)
        if not isinstance(item, dict):
            problems.append(Problem(str(path), name, "must be a mapping"))
            continue
        if "source" in item:
            problems.append(
                Problem(str(path), name, "`source` is set once per file, not per claim")
            )
            continue
        try:
            claims.append(
                Located(str(path), CLAIM_ADAPTER.validate_python({**item, "source": raw["source"]}))
            )
        except ValidationError as exc:
            problems += [Problem(str(path), name, message) for message in _messages(exc)]
            if isinstance(item.get("id"), str):
                refused.add(item["id"])
    return claims


def _record_name(kind: str, key: str, item: object, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get(key), str):
        return f"{kind} {item[key]!r}"
    return f"{kind} #{index + 1}"


def _messages(exc: ValidationError) -> list[str]:
    messages = []
    for error in exc.errors(include_url=False):
        # Drop the union tag pydantic inserts ("risk_factor") so locations read as fields.
        loc = [str(part) for part in error["loc"]]
        if loc and loc[0] in CLAIM_TYPES:
            loc = loc[1:]
        where = ".".join(loc)
        message = error["msg"].removeprefix("Value error, ")
        messages.append(f"{where}: {message}" if where else message)
    return messages


# Writing ------------------------------------------------------------------------------


def _sync(session: Session, data: DataSet, report: LoadReport) -> None:
    """Insert, update and delete rows so each table holds exactly what data/ says.

    Parents are upserted before children and deleted after them, so foreign keys hold
    at every statement. A claim's `updated_at` moves when it or its links change.
    """
    now = datetime.now(UTC)
    sources = {
        s.id: {**s.model_dump(exclude={"file"}), "text": data.texts[s.id]} for s in data.sources
    }
    tags = {t.slug: t.model_dump(mode="json") for t in data.tags}
    claim_table = _table(models.Claim)
    seqs: dict[str, int] = dict(
        session.execute(select(claim_table.c.id, claim_table.c.seq)).tuples().all()
    )
    next_seq = max(seqs.values(), default=0) + 1
    claims: dict[Any, dict[str, Any]] = {}
    for claim in data.claims:
        if claim.id not in seqs:
            seqs[claim.id], next_seq = next_seq, next_seq + 1
        claims[claim.id] = {**claim_row(claim), "seq": seqs[claim.id], "updated_at": now}
    claim_tags = {
        (c.id, slug): {"claim_id": c.id, "tag_slug": slug} for c in data.claims for slug in c.tags
    }
    relations = {
        (c.id, r.kind.value, r.target): {
            "claim_id": c.id,
            "kind": r.kind.value,
            "target_id": r.target,
        }
        for c in data.claims
        for r in c.relations
    }

    tables: list[tuple[Table, dict[Any, dict[str, Any]]]] = [
        (_table(models.Source), sources),
        (_table(models.Tag), tags),
        (_table(models.Claim), claims),
        (_table(models.ClaimTag), claim_tags),
        (_table(models.ClaimRelation), relations),
    ]
    changes: dict[str, _Changes] = {}
    for table, wanted in tables:
        changes[table.name] = _upsert(session, table, wanted, ignore={"updated_at"})
        report.changed[table.name] = changes[table.name].counts()
    for table, _ in reversed(tables):
        _delete(session, table, changes[table.name].deleted)

    claim_changes = changes["claim"]
    relinked = {
        key[0]
        for name in ("claim_tag", "claim_relation")
        for key in changes[name].inserted + changes[name].deleted
    } - set(claim_changes.inserted + claim_changes.updated + claim_changes.deleted)
    for part in _chunks(sorted(relinked)):
        session.execute(
            update(claim_table).where(claim_table.c.id.in_(part)).values(updated_at=now)
        )


@dataclass
class _Changes:
    """Primary keys of the rows one table gains, changes and loses."""

    inserted: list[Any]
    updated: list[Any]
    deleted: list[Any]

    def counts(self) -> dict[str, int]:
        return {
            "inserted": len(self.inserted),
            "updated": len(self.updated),
            "deleted": len(self.deleted),
        }


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _upsert(
    session: Session, table: Table, wanted: dict[Any, dict[str, Any]], ignore: set[str]
) -> _Changes:
    """Insert and update rows toward `wanted`; columns in `ignore` never count as a change."""
    pk = list(table.primary_key.columns)
    single = len(pk) == 1
    existing: dict[Any, dict[str, Any]] = {}
    for stored in session.execute(select(table)).mappings():
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
    for key in changed:
        row = wanted[key]
        session.execute(
            update(table)
            .where(*(c == row[c.name] for c in pk))
            .values({k: v for k, v in row.items() if k not in pk_names})
        )
    return _Changes(inserted=new, updated=changed, deleted=gone)


def _chunks(keys: list[Any], size: int = 500) -> list[list[Any]]:
    return [keys[i : i + size] for i in range(0, len(keys), size)]


def _delete(session: Session, table: Table, keys: list[Any]) -> None:
    pk = list(table.primary_key.columns)
    for part in _chunks(keys):
        if len(pk) == 1:
            session.execute(delete(table).where(pk[0].in_(part)))
        else:
            session.execute(delete(table).where(tuple_(*pk).in_(part)))
