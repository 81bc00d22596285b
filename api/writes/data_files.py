"""Write the database back out as a data folder: how curators' API edits reach data/.

The files have the layout and fields `kb load` reads (data/README.md), so loading an
export into an empty database gives the same records; only revision numbers, which
count changes in one database, start again at 1.
"""

import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine
from sqlmodel import Session

from api.records.fields import ClaimStatus
from api.records.vocabulary import SourceRecord
from api.store import reads
from api.store.engine import read_snapshot
from api.writes.data_folder import DataYamlLoader
from api.writes.progress import Progress, silent

HEADER = (
    "# Written by `kb export` from the database; data/README.md explains every field.\n"
    "# Review it with `git diff` before committing: comments in the files it replaced are gone.\n"
)
OWNED = ("sources.yaml", "tags.yaml", "sources", "claims")
"""What an export writes in its folder; everything else there (README.md) is left alone."""


def write_data(engine: Engine, out: Path, progress: Progress = silent) -> dict[str, int]:
    """Write every source, tag and claim under `out`; return how many of each."""
    sources: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    tags: list[dict[str, Any]] = []
    claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with Session(engine) as session:
        read_snapshot(session)  # one state of the data, even while curators write
        for count, record in enumerate(reads.export_records(session=session), 1):
            if count % 10_000 == 0:
                progress(f"read {count:,} records")
            kind = record.pop("kind")
            if kind == "source":
                texts[record["id"]] = record["text"]
                sources.append(_source(record))
            elif kind == "tag":
                record.pop("revision", None)
                if not record.get("codes"):
                    record.pop("codes", None)
                tags.append(record)
            elif kind == "claim":
                claims[record.pop("source")].append(_claim(record))

    progress(f"writing {sum(map(len, claims.values())):,} claims to {out}")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".export-") as scratch:
        staged = Path(scratch)
        (staged / "sources").mkdir()
        (staged / "claims").mkdir()
        _write_yaml(staged / "sources.yaml", sources)
        for source_id, text in texts.items():
            (staged / "sources" / f"{source_id}.txt").write_bytes(text.encode("utf-8"))
        _write_yaml(staged / "tags.yaml", tags)
        for source_id, records in claims.items():
            _write_yaml(
                staged / "claims" / f"{source_id}.yaml", {"source": source_id, "claims": records}
            )
        for name in OWNED:  # swap in whole: no stale file of an earlier export survives
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            (staged / name).rename(target)
    return {"sources": len(sources), "tags": len(tags), "claims": sum(map(len, claims.values()))}


def _source(record: dict[str, Any]) -> dict[str, Any]:
    fields = {**record, "file": f"sources/{record['id']}.txt"}
    return SourceRecord.model_validate(
        {k: v for k, v in fields.items() if k in SourceRecord.model_fields}
    ).model_dump(mode="json")


def _claim(record: dict[str, Any]) -> dict[str, Any]:
    """A claim as a claim file holds it: no source (the file says it), no revision."""
    record.pop("revision", None)
    if record.get("status") == ClaimStatus.active.value:
        record.pop("status")
    if not record.get("relations"):
        record.pop("relations", None)
    return record


def _write_yaml(path: Path, document: Any) -> None:
    """Readable YAML (characters as they are) when it reads back as written; otherwise
    escaped: PyYAML writes some characters raw that a reader takes as line breaks (NEL)."""
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    if yaml.load(text, Loader=DataYamlLoader) != document:
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=False, width=100)
    path.write_text(HEADER + text, encoding="utf-8")
