"""Reading data/: the curated records and source texts, every file and record checked,
every problem collected (not just the first), into one DataSet ready to store."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from api.records.claims import CLAIM_ADAPTER, Claim
from api.records.vocabulary import SourceRecord, TagRecord
from api.writes.progress import Progress, silent
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


def fingerprint(data_dir: Path) -> str:
    """A hash of every data file (documentation aside): changes exactly when one does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix != ".md"):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_data(data_dir: Path, progress: Progress = silent) -> DataSet:
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
    for count, path in enumerate(claim_files, 1):
        claims += reader.claim_file(path)
        progress(f"read {count:,} of {len(claim_files):,} claim files ({len(claims):,} claims)")

    progress(f"checking {len(claims):,} claims against their sources and each other")
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
