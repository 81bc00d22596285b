"""Checks a set of records must pass together before any of it is stored.

Each claim already validates on its own (schemas.py); these are the checks that need
the rest of the knowledge base: the source text, the vocabulary, the other claims.
The loader runs them on data/, and any future write path must run the same ones.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from api.schemas import Claim, RiskFactorClaim, SourceRecord, TagRecord


@dataclass(frozen=True)
class Problem:
    """One reason a record is refused, naming where it is."""

    file: str
    record: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.message}"


T = TypeVar("T")


@dataclass(frozen=True)
class Located(Generic[T]):
    """A record together with the file it came from, so problems can name it."""

    file: str
    record: T


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
    sources: Iterable[Located[SourceRecord]],
    texts: dict[str, str],
    tags: Iterable[Located[TagRecord]],
    claims: Iterable[Located[Claim]],
    refused_claim_ids: Iterable[str] = (),
) -> list[Problem]:
    """Every cross-record rule: unique ids, known references, quotes verbatim.

    `refused_claim_ids` are claims already refused on their own: relations to them are
    not reported again as relations to unknown claims.
    """
    sources, tags, claims = list(sources), list(tags), list(claims)
    problems: list[Problem] = []
    problems += _duplicates("source", [(s.file, s.record.id) for s in sources])
    problems += _duplicates("tag", [(t.file, t.record.slug) for t in tags])
    problems += _duplicates("claim", [(c.file, c.record.id) for c in claims])

    tag_slugs = {t.record.slug for t in tags}
    claim_ids = {c.record.id for c in claims} | set(refused_claim_ids)
    for located in claims:
        claim, where = located.record, (located.file, f"claim {located.record.id!r}")
        text = texts.get(claim.source)
        if text is None:
            problems.append(Problem(*where, f"unknown source {claim.source!r}"))
        elif (message := check_quote(claim, text)) is not None:
            problems.append(Problem(*where, message))
        for slug in claim.tags:
            if slug not in tag_slugs:
                problems.append(Problem(*where, f"unknown tag {slug!r}"))
        seen: set[tuple[str, str]] = set()
        for relation in claim.relations:
            key = (relation.kind.value, relation.target)
            if relation.target == claim.id:
                problems.append(Problem(*where, f"relation {relation.kind} points at itself"))
            elif relation.target not in claim_ids:
                problems.append(
                    Problem(
                        *where,
                        f"relation {relation.kind} targets unknown claim {relation.target!r}",
                    )
                )
            if key in seen:
                problems.append(
                    Problem(*where, f"relation {relation.kind} -> {relation.target} repeats")
                )
            seen.add(key)

    ranks = Counter(
        (c.record.source, c.record.rank) for c in claims if isinstance(c.record, RiskFactorClaim)
    )
    for located in claims:
        claim = located.record
        if isinstance(claim, RiskFactorClaim) and ranks[(claim.source, claim.rank)] > 1:
            problems.append(
                Problem(
                    located.file,
                    f"claim {claim.id!r}",
                    f"risk factor rank {claim.rank} is used twice in source {claim.source!r}",
                )
            )
    return problems


def _duplicates(kind: str, keyed: list[tuple[str, str]]) -> list[Problem]:
    counts = Counter(key for _, key in keyed)
    reported: set[str] = set()
    problems = []
    for file, key in keyed:
        if counts[key] > 1 and key not in reported:
            reported.add(key)
            problems.append(Problem(file, f"{kind} {key!r}", f"id is used {counts[key]} times"))
    return problems
