"""Checks a set of records must pass together before any of it is stored.

Each claim already validates on its own (schemas.py); these are the checks that need
the rest of the knowledge base: the source text, the vocabulary, the other claims.
The loader runs them on all of data/; a write through the API runs them on the records
it touches together with those they meet (api/writes/curation.py), with the rest of the
database standing behind `ExistingIds`.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import ValidationError

from api.records.claims import Claim, RiskFactorClaim
from api.records.fields import ClaimType, RelationKind
from api.records.vocabulary import SourceRecord, TagRecord

T = TypeVar("T")

ACYCLIC_RELATIONS = frozenset(RelationKind) - {RelationKind.qualifies}
"""Kinds whose chains must end: a claim cannot, through them, rest on itself."""


CLAIM_TYPES = frozenset(t.value for t in ClaimType)


def field_messages(exc: ValidationError) -> list[tuple[str, str]]:
    """(field path, message) for each error of a record's validation, with the union
    tag pydantic inserts ("risk_factor") dropped so locations read as fields."""
    found = []
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error["loc"]]
        if loc and loc[0] in CLAIM_TYPES:
            loc = loc[1:]
        found.append((".".join(loc), error["msg"].removeprefix("Value error, ")))
    return found


@dataclass(frozen=True)
class DataProblem:
    """One reason a record is refused, naming where it is."""

    file: str
    record: str
    message: str
    field: str | None = None  # the record's field at fault, when one is

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.message}"


class DataError(Exception):
    """data/ (or a write) failed validation; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[DataProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class RecordInFile(Generic[T]):
    """A record together with the file it came from, so problems can name it."""

    file: str
    record: T


@dataclass
class AlreadyRefused:
    """What was already refused on its own; references to it are not reported again."""

    sources: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    whole_files: set[str] = field(default_factory=set)  # kinds whose file could not be read

    def of_kind(self, kind: str) -> set[str]:
        return {"source": self.sources, "tag": self.tags, "claim": self.claims}[kind]


@dataclass(frozen=True)
class ExistingIds:
    """Ids that exist beyond the records being checked (in the database, for a write)."""

    sources: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    claims: frozenset[str] = frozenset()


def check_quote(claim: Claim, text: str) -> str | None:
    """The quote must stand verbatim at its offsets in the source."""
    if claim.end > len(text):
        return (
            f"end {claim.end} is past the end of source {claim.source!r} ({len(text)} characters)"
        )
    found = text[claim.start : claim.end]
    if found != claim.quote:
        hint = ""
        at = text.find(claim.quote)
        if at >= 0:
            hint = f"; the quote occurs at {at}..{at + len(claim.quote)}"
        return (
            f"quote does not match the source at {claim.start}..{claim.end} (found {found!r}){hint}"
        )
    return None


def check_all(
    *,
    sources: Iterable[RecordInFile[SourceRecord]],
    texts: dict[str, str],
    tags: Iterable[RecordInFile[TagRecord]],
    claims: Iterable[RecordInFile[Claim]],
    refused: AlreadyRefused | None = None,
    known: ExistingIds = ExistingIds(),
) -> list[DataProblem]:
    """Every cross-record rule: unique ids, known references, quotes verbatim, ranks
    1..n per source, no relation cycles."""
    sources, tags, claims = list(sources), list(tags), list(claims)
    refused = refused or AlreadyRefused()
    problems: list[DataProblem] = []
    problems += _duplicates("source", [(s.file, s.record.id) for s in sources])
    problems += _duplicates("tag", [(t.file, t.record.slug) for t in tags])
    problems += _duplicates("claim", [(c.file, c.record.id) for c in claims])

    source_ids = {s.record.id for s in sources} | refused.sources | known.sources
    tag_slugs = {t.record.slug for t in tags} | refused.tags | known.tags
    claim_ids = {c.record.id for c in claims} | refused.claims | known.claims
    for located in claims:
        claim, where = located.record, (located.file, f"claim {located.record.id!r}")
        if claim.source not in source_ids and "source" not in refused.whole_files:
            problems.append(DataProblem(*where, f"unknown source {claim.source!r}", "source"))
        elif claim.source in texts and (message := check_quote(claim, texts[claim.source])):
            problems.append(DataProblem(*where, message, "quote"))
        if "tag" not in refused.whole_files:
            for slug in claim.tags:
                if slug not in tag_slugs:
                    problems.append(DataProblem(*where, f"unknown tag {slug!r}", "tags"))
        seen: set[tuple[str, str]] = set()
        for relation in claim.relations:
            key = (relation.kind.value, relation.target)
            if relation.target == claim.id:
                problems.append(
                    DataProblem(*where, f"relation {relation.kind} points at itself", "relations")
                )
            elif relation.target not in claim_ids:
                problems.append(
                    DataProblem(
                        *where,
                        f"relation {relation.kind} targets unknown claim {relation.target!r}",
                        "relations",
                    )
                )
            if key in seen:
                problems.append(
                    DataProblem(
                        *where,
                        f"relation {relation.kind} -> {relation.target} repeats",
                        "relations",
                    )
                )
            seen.add(key)
    return problems + _rank_problems(claims) + _cycle_problems(claims)


def _rank_problems(claims: list[RecordInFile[Claim]]) -> list[DataProblem]:
    """A source's risk factors are ranked 1, 2, ... n, each rank once, as its list is."""
    by_source: dict[str, list[tuple[str, RiskFactorClaim]]] = defaultdict(list)
    for located in claims:
        if isinstance(located.record, RiskFactorClaim):
            by_source[located.record.source].append((located.file, located.record))
    problems = []
    for source, factors in by_source.items():
        counts = Counter(factor.rank for _, factor in factors)
        for file, factor in factors:
            rank = factor.rank
            if counts[rank] > 1:
                message = f"risk factor rank {rank} is used twice in source {source!r}"
            elif rank > len(factors):
                message = (
                    f"risk factor rank {rank} leaves a gap: source {source!r} has "
                    f"{len(factors)} risk factors, ranked 1..{len(factors)}"
                )
            else:
                continue
            problems.append(DataProblem(file, f"claim {factor.id!r}", message, "rank"))
    return problems


def _cycle_problems(claims: list[RecordInFile[Claim]]) -> list[DataProblem]:
    """Report one claim on each cycle of a relation kind that must not loop."""
    problems = []
    for kind in sorted(ACYCLIC_RELATIONS):
        edges = {
            c.record.id: [r.target for r in c.record.relations if r.kind is kind] for c in claims
        }
        files = {c.record.id: c.file for c in claims}
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        for start in edges:
            if state.get(start):
                continue
            stack = [(start, iter(edges[start]))]
            state[start] = 1
            while stack:
                node, targets = stack[-1]
                target = next(targets, None)
                if target is None:
                    state[node] = 2
                    stack.pop()
                elif state.get(target) == 1:
                    path = [n for n, _ in stack]
                    loop = path[path.index(target) :] + [target]
                    problems.append(
                        DataProblem(
                            files[node],
                            f"claim {node!r}",
                            f"relation {kind} loops: {' -> '.join(loop)}",
                            "relations",
                        )
                    )
                elif target in edges and not state.get(target):
                    state[target] = 1
                    stack.append((target, iter(edges[target])))
    return problems


def _duplicates(kind: str, keyed: list[tuple[str, str]]) -> list[DataProblem]:
    counts = Counter(key for _, key in keyed)
    reported: set[str] = set()
    problems = []
    for file, key in keyed:
        if counts[key] > 1 and key not in reported:
            reported.add(key)
            problems.append(
                DataProblem(file, f"{kind} {key!r}", f"id is used {counts[key]} times", "id")
            )
    return problems
