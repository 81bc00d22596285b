"""The field types and vocabularies every record is made of, and the disclaimer."""

import re
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Strict,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

DISCLAIMER = (
    "Not medical advice. These records restate what their sources say, with the sources' own "
    "hedges; they are not clinical guidance. Ask a qualified healthcare provider about any "
    "treatment."
)

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=64),
]


def storable(text: str) -> str:
    """Text every engine can store and every client can decode: no NUL character
    (PostgreSQL text cannot hold one) and no lone surrogate (it has no UTF-8 form)."""
    if "\x00" in text:
        raise ValueError("text may not contain NUL characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode (a lone surrogate is not)") from None
    return text


HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # controls, but tab, line feed, return
    "\u200b\u2060\ufeff"  # zero-width space, word joiner, byte order mark
    "\u202a-\u202e\u2066-\u2069]"  # bidirectional embeddings, overrides, isolates
)
"""Characters that show nothing or change how the text around them shows: control
characters (tab and line breaks aside), zero-width spaces and joiners that join nothing
(U+200B, U+2060, U+FEFF), and the bidirectional embeddings, overrides and isolates that
reorder what a reader sees ("Trojan Source"). Marks a script needs (U+200C, U+200D,
U+200E, U+200F) are kept."""


STORED = "stored"
"""Validation context of a record read back from the change log. It was accepted when it
was written; the rules for curators' text have tightened since (one line, no invisible
characters, a length), and a record already given out is served as it was, not refused."""
LINE_MAX = 200
PROSE_MAX = 2000


def _stored(info: ValidationInfo) -> bool:
    return isinstance(info.context, dict) and bool(info.context.get(STORED))


def _at_most(text: str, limit: int) -> None:
    if len(text) > limit:
        raise PydanticCustomError(
            "string_too_long",
            "String should have at most {max_length} characters",
            {"max_length": limit},
        )


def readable(text: str) -> str:
    """Text a curator writes for people to read: storable, not blank, and showing what it
    says (nothing in HIDDEN)."""
    storable(text)
    if not text.strip():
        raise ValueError("text may not be blank")
    if found := HIDDEN.search(text):
        raise ValueError(
            f"text may not contain U+{ord(found.group()):04X}, which a reader cannot see"
        )
    return text


LINE_BREAKS = re.compile("[\n\r\u2028\u2029]")


def one_line(text: str) -> str:
    readable(text)
    if LINE_BREAKS.search(text):
        raise ValueError("text must be one line")
    return text


def _prose(text: str, info: ValidationInfo) -> str:
    if not _stored(info):
        _at_most(text, PROSE_MAX)
        readable(text)
    return text


def _line(text: str, info: ValidationInfo) -> str:
    if not _stored(info):
        _at_most(text, LINE_MAX)
        one_line(text)
    return text


Text = Annotated[str, AfterValidator(storable)]
"""Any storable text: a source's own, stored byte for byte."""
Verbatim = Annotated[str, StringConstraints(min_length=1), AfterValidator(storable)]
"""A source's exact words (a quote, a hedge): whatever the source holds, never blank."""
Prose = Annotated[
    str, AfterValidator(_prose), WithJsonSchema({"type": "string", "maxLength": PROSE_MAX})
]
"""A curator's sentences (a statement, a description)."""
Line = Annotated[
    str, AfterValidator(_line), WithJsonSchema({"type": "string", "maxLength": LINE_MAX})
]
"""A curator's one-line text (a title, a label)."""
StrictInt = Annotated[int, Strict()]
"""Offsets and ranks must be written as numbers: `true` or "41" in a data file is an error."""


def _written_as_a_date(value: object) -> object:
    # Lax pydantic reads 0 or "0" as 1970-01-01; a source's date is only ever written out.
    if isinstance(value, date) or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(_written_as_a_date)]
"""A source's date, as written in data/: YYYY-MM-DD and nothing looser."""


class ClaimType(StrEnum):
    """What kind of assertion a claim is; each type has its own schema."""

    background = "background"
    definition = "definition"
    usage = "usage"
    regulatory = "regulatory"
    administration = "administration"
    benefit = "benefit"
    knowledge_gap = "knowledge_gap"
    mechanism = "mechanism"
    safety_efficacy = "safety_efficacy"
    adverse_effect = "adverse_effect"
    risk_factor = "risk_factor"
    conclusion = "conclusion"
    recommendation = "recommendation"


class Certainty(StrEnum):
    """How strongly the source's own words assert the claim, read from its hedges."""

    asserted = "asserted"  # stated as fact (a hedge may qualify a part, not the claim)
    typical = "typical"  # "generally", "typically", "for many"
    hypothesized = "hypothesized"  # "it is believed", "may work by"
    possible = "possible"  # "may", "can", "potentially"
    rare = "rare"  # "in rare cases"


class MigraineEffect(StrEnum):
    """What the claim says Botox does to migraines."""

    worsens = "worsens"
    relieves = "relieves"
    neither = "neither"


class RelationKind(StrEnum):
    """How one claim bears on another, as the source relates them."""

    rests_on = "rests_on"
    mitigates = "mitigates"
    contributes_to = "contributes_to"
    follows_from = "follows_from"
    qualifies = "qualifies"


class ClaimStatus(StrEnum):
    """Whether a claim stands: a retracted claim keeps its id and record, with a reason."""

    active = "active"
    retracted = "retracted"


class SortOrder(StrEnum):
    """How a list of claims is ordered."""

    article = "article"  # as the sources state them: source id, then position in the text
    rank = "rank"  # risk factors by their rank in the source's list; other claims after
    relevance = "relevance"  # best search match first; needs `q`
    updated = "updated"  # most recently changed first


class Facet(StrEnum):
    """A field claims can be counted by."""

    type = "type"
    tag = "tag"
    certainty = "certainty"
    migraine_effect = "migraine_effect"
    source = "source"


class ChangeAction(StrEnum):
    created = "created"
    updated = "updated"
    retracted = "retracted"
    restored = "restored"
    deleted = "deleted"


class RecordKind(StrEnum):
    claim = "claim"
    tag = "tag"
    source = "source"
