"""Public models: what data/ files hold and what the API returns.

The claim union is used both to validate records in data/ and to serve them, so the
loader and the API can never disagree about what a claim is.
"""

import json
import re
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ClassVar, Generic, Literal, Self, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    Strict,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

DISCLAIMER = (
    "Not medical advice. These records restate what their sources say, with the sources' own "
    "hedges; they are not clinical guidance. Ask a qualified healthcare provider about any "
    "treatment."
)

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=64),
]


def _storable(text: str) -> str:
    """Text every engine can store and every client can decode: no NUL character
    (PostgreSQL text cannot hold one) and no lone surrogate (it has no UTF-8 form)."""
    if "\x00" in text:
        raise ValueError("text may not contain NUL characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode (a lone surrogate is not)") from None
    return text


Text = Annotated[str, AfterValidator(_storable)]
NonBlank = Annotated[Text, StringConstraints(strip_whitespace=False, min_length=1)]
StrictInt = Annotated[int, Strict()]


def _written_as_a_date(value: object) -> object:
    # Lax pydantic reads 0 or "0" as 1970-01-01; a source's date is only ever written out.
    if isinstance(value, date) or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(_written_as_a_date)]
"""Offsets and ranks must be written as numbers: `true` or "41" in a data file is an error."""


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


class SearchMatch(BaseModel):
    """Why a claim matched a search: how well, and where."""

    score: float = Field(
        description="Relevance; higher is better. Comparable only within one answer.",
        examples=[1.84],
    )
    snippet: str = Field(
        description="A short excerpt of the best-matching field, HTML-escaped, with each hit "
        "in <mark>…</mark>.",
        examples=["In rare cases, a person may have an <mark>allergic</mark> reaction to Botox…"],
    )


class Relation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: RelationKind = Field(description="How this claim bears on the target.")
    target: Slug = Field(
        description="Id of the claim this one relates to.",
        examples=["risk-factor-inadequate-dosage"],
    )


class ClaimBase(BaseModel):
    """Fields every claim has, whatever its type."""

    model_config = ConfigDict(extra="forbid")
    # Type-specific text fields that must be verbatim excerpts of the quote.
    verbatim_fields: ClassVar[tuple[str, ...]] = ()

    id: Slug = Field(
        description="Stable, readable id; never changes once published.",
        examples=["risk-factor-allergic-reactions"],
    )
    type: ClaimType = Field(description="Which kind of claim this is; it decides the other fields.")
    source: Slug = Field(
        description="Id of the source the claim is quoted from.",
        examples=["can-botox-for-migraines-make-them-worse"],
    )
    title: NonBlank = Field(
        description="Short title; a risk factor's title is its heading in the source.",
        examples=["Allergic Reactions"],
    )
    statement: NonBlank = Field(
        description="The claim in one plain sentence, no stronger than the source puts it.",
        examples=[
            "In rare cases, a person may have an allergic reaction to Botox, which can lead "
            "to worse migraines or other symptoms."
        ],
    )
    quote: NonBlank = Field(
        description="The source's exact words the claim rests on.",
        examples=["In rare cases, individuals may have an allergic reaction to Botox"],
    )
    start: StrictInt = Field(
        ge=0,
        description="Offset of the quote's first character in the source text (0-based, "
        "in Unicode code points).",
        examples=[1739],
    )
    end: StrictInt = Field(
        gt=0,
        description="Offset just past the quote's last character: text[start:end] == quote.",
        examples=[1871],
    )
    certainty: Certainty = Field(
        description="How strongly the source asserts the claim: asserted, typical "
        "(generally true), hypothesized (believed), possible (may/can) or rare.",
    )
    hedges: list[NonBlank] = Field(
        default_factory=list,
        description="The hedging words of the quote, verbatim, that set the certainty.",
        examples=[["In rare cases", "may", "can"]],
    )
    migraine_effect: MigraineEffect = Field(
        description="What the claim says about migraines: Botox worsens them, relieves them, "
        "or neither."
    )
    tags: list[Slug] = Field(
        default_factory=list,
        description="Slugs of tags from the controlled vocabulary (GET /v1/tags).",
        examples=[["botox", "risk-factor", "allergy"]],
    )
    relations: list[Relation] = Field(
        default_factory=list,
        description="Other claims this one relates to, as the source relates them.",
    )
    status: ClaimStatus = Field(
        default=ClaimStatus.active,
        description="`active`, or `retracted`: withdrawn by a curator, hidden from lists "
        "unless asked for with `status`, still served at its id.",
    )
    retraction_reason: NonBlank | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="Only on retracted claims: why the claim was withdrawn.",
        examples=["The statement said more than the quote does."],
    )
    revision: StrictInt | None = Field(
        default=None,
        ge=1,
        exclude_if=lambda value: value is None,
        description="Served, never written: counts the changes to this record (1 when "
        "created). The claim's ETag names it; send it back in If-Match to update.",
        examples=[1],
    )
    match: SearchMatch | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="Only in search results (`q`): the match's score and snippet. Computed, "
        "never stored.",
    )

    @model_validator(mode="after")
    def _words_come_from_the_quote(self) -> Self:
        """A claim cannot carry words its quote does not contain."""
        if self.end <= self.start:
            raise ValueError(f"end {self.end} must be greater than start {self.start}")
        if self.certainty is not Certainty.asserted and not self.hedges:
            raise ValueError(f"certainty {self.certainty} needs the hedges that make it so")
        if self.certainty is Certainty.rare and not any("rare" in h.lower() for h in self.hedges):
            raise ValueError("certainty rare needs a hedge saying so (such as 'In rare cases')")
        if (self.status is ClaimStatus.retracted) != (self.retraction_reason is not None):
            raise ValueError("a retracted claim needs a retraction_reason, and only it has one")
        if len(set(self.tags)) != len(self.tags):
            raise ValueError("tags repeat")
        for hedge in self.hedges:
            if hedge not in self.quote:
                raise ValueError(f"hedge {hedge!r} is not in the quote")
        for name in self.verbatim_fields:
            values = getattr(self, name)
            for value in values if isinstance(values, list) else [values]:
                if value not in self.quote:
                    raise ValueError(f"{name} {value!r} is not in the quote")
        return self


EXAMPLES: dict[str, dict[str, JsonValue]] = json.loads(
    (Path(__file__).parent / "claim_examples.json").read_text(encoding="utf-8")
)
"""One real claim of each type, exactly as served (a test holds them to the data)."""


def _example(claim_type: "ClaimType") -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [EXAMPLES[claim_type.value]]})


class BackgroundClaim(ClaimBase):
    """Context the source gives: how common migraine is, why the question matters."""

    model_config = _example(ClaimType.background)

    type: Literal[ClaimType.background] = Field(description="Claim type.")


class DefinitionClaim(ClaimBase):
    """What something is."""

    model_config = _example(ClaimType.definition)

    type: Literal[ClaimType.definition] = Field(description="Claim type.")


class UsageClaim(ClaimBase):
    """What a substance is used for besides the topic at hand."""

    model_config = _example(ClaimType.usage)

    type: Literal[ClaimType.usage] = Field(description="Claim type.")


class RegulatoryClaim(ClaimBase):
    """An approval by a regulator, as the source states it (no dates are added)."""

    model_config = _example(ClaimType.regulatory)

    verbatim_fields = ("authority", "indication")
    type: Literal[ClaimType.regulatory] = Field(description="Claim type.")
    authority: NonBlank = Field(
        description="The regulator, as named in the quote.", examples=["FDA"]
    )
    indication: NonBlank = Field(
        description="What the approval covers, in the quote's words.",
        examples=["chronic migraines"],
    )


class AdministrationClaim(ClaimBase):
    """How a treatment is given."""

    model_config = _example(ClaimType.administration)

    verbatim_fields = ("method", "sites")
    type: Literal[ClaimType.administration] = Field(description="Claim type.")
    method: NonBlank = Field(
        description="How it is given, in the quote's words.",
        examples=["injecting small amounts of Botox"],
    )
    sites: NonBlank = Field(
        description="Where it is given, in the quote's words.",
        examples=["specific areas of the head and neck"],
    )


class BenefitClaim(ClaimBase):
    """A way the treatment can help."""

    model_config = _example(ClaimType.benefit)

    type: Literal[ClaimType.benefit] = Field(description="Claim type.")


class KnowledgeGapClaim(ClaimBase):
    """Something the source says is not known or not fully understood."""

    model_config = _example(ClaimType.knowledge_gap)

    type: Literal[ClaimType.knowledge_gap] = Field(description="Claim type.")


class MechanismClaim(ClaimBase):
    """How the treatment is thought to work."""

    model_config = _example(ClaimType.mechanism)

    verbatim_fields = ("target", "action")
    type: Literal[ClaimType.mechanism] = Field(description="Claim type.")
    target: NonBlank = Field(
        description="What the treatment acts on, in the quote's words.",
        examples=[
            "neurotransmitters that contribute to the pain signals associated with migraines"
        ],
    )
    action: NonBlank = Field(
        description="What it does to the target, in the quote's words.",
        examples=["blocking the release"],
    )


class SafetyEfficacyClaim(ClaimBase):
    """An overall judgement of safety and effectiveness."""

    model_config = _example(ClaimType.safety_efficacy)

    type: Literal[ClaimType.safety_efficacy] = Field(description="Claim type.")


class AdverseEffectClaim(ClaimBase):
    """A harm the treatment can do."""

    model_config = _example(ClaimType.adverse_effect)

    type: Literal[ClaimType.adverse_effect] = Field(description="Claim type.")


class RiskFactorClaim(ClaimBase):
    """A factor the source says can contribute to migraines getting worse."""

    model_config = _example(ClaimType.risk_factor)

    verbatim_fields = ("outcome",)
    type: Literal[ClaimType.risk_factor] = Field(description="Claim type.")
    rank: StrictInt = Field(
        ge=1,
        description="Position in the source's numbered list of risk factors (1 is first).",
        examples=[2],
    )
    outcome: NonBlank = Field(
        description="What the factor can lead to, in the quote's words.",
        examples=["an exacerbation of migraines or other symptoms"],
    )


class ConclusionClaim(ClaimBase):
    """The source's overall conclusion and the advice it ends with."""

    model_config = _example(ClaimType.conclusion)

    verbatim_fields = ("recommendations",)
    type: Literal[ClaimType.conclusion] = Field(description="Claim type.")
    recommendations: list[NonBlank] = Field(
        default_factory=list,
        description="The advice the conclusion gives, each in the quote's words.",
        examples=[
            [
                "consult with their healthcare providers to determine if Botox is the right "
                "treatment option for them"
            ]
        ],
    )


class RecommendationClaim(ClaimBase):
    """Advice the source gives to patients."""

    model_config = _example(ClaimType.recommendation)

    verbatim_fields = ("action",)
    type: Literal[ClaimType.recommendation] = Field(description="Claim type.")
    action: NonBlank = Field(
        description="What the source advises doing, in the quote's words.",
        examples=["consult with their healthcare providers"],
    )


Claim = Annotated[
    BackgroundClaim
    | DefinitionClaim
    | UsageClaim
    | RegulatoryClaim
    | AdministrationClaim
    | BenefitClaim
    | KnowledgeGapClaim
    | MechanismClaim
    | SafetyEfficacyClaim
    | AdverseEffectClaim
    | RiskFactorClaim
    | ConclusionClaim
    | RecommendationClaim,
    Field(discriminator="type"),
]
"""One claim; its ``type`` says which schema it follows."""

CLAIM_ADAPTER: TypeAdapter[Claim] = TypeAdapter(Claim)
CLAIM_COMMON_FIELDS = frozenset(ClaimBase.model_fields)
"""Fields stored in claim columns; the rest of a claim's fields go to its attributes."""


class CodedConcept(BaseModel):
    """A code from a terminology, recorded only when verified at an authoritative source."""

    model_config = ConfigDict(extra="forbid")

    system: NonBlank = Field(description="The code system's canonical URI.")
    code: NonBlank = Field(description="The code in that system.")
    display: NonBlank = Field(description="The code system's display text for the code.")
    cited_from: NonBlank = Field(description="Where the code was verified (a URL).")


class TagBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slug: Slug = Field(description="Stable id of the tag.", examples=["allergy"])
    label: NonBlank = Field(description="Human-readable name.", examples=["Allergy"])
    description: NonBlank = Field(
        description="What claims with this tag are about.",
        examples=["Allergic reactions to a treatment."],
    )
    codes: list[CodedConcept] = Field(
        default_factory=list,
        description="Verified codes for the concept (MeSH, SNOMED CT, ...); empty when none "
        "has been verified.",
    )


class TagRecord(TagBase):
    """A tag as data/tags.yaml holds it."""


class TagPublic(TagBase):
    claim_count: int = Field(
        ge=0, description="How many active claims carry this tag.", examples=[1]
    )
    revision: int = Field(
        ge=1,
        description="Counts the changes to this tag (1 when created); send the tag's ETag "
        "back in If-Match to update it.",
        examples=[1],
    )


class TagPatch(BaseModel):
    """A partial update of a tag: only the fields given change (the slug never does)."""

    model_config = ConfigDict(extra="forbid")

    label: NonBlank | None = Field(default=None, description="New label.", examples=["Allergy"])
    description: NonBlank | None = Field(default=None, description="New description.")
    codes: list[CodedConcept] | None = Field(default=None, description="New list of codes.")


class SourceBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Slug = Field(
        description="Stable id of the source.", examples=["can-botox-for-migraines-make-them-worse"]
    )
    title: NonBlank = Field(
        description="The source's own title.", examples=["Can Botox for Migraines Make Them Worse?"]
    )
    author: Text | None = Field(default=None, description="Author, when the source names one.")
    published: IsoDate | None = Field(
        default=None, description="Publication date (YYYY-MM-DD), when stated."
    )
    url: Text | None = Field(
        default=None, description="Where the source was published, when known."
    )
    language: NonBlank = Field(description="BCP 47 language tag of the text.", examples=["en"])
    media_type: NonBlank = Field(description="Media type of the text.", examples=["text/plain"])
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the text's bytes (UTF-8), hex; verify quotes against it.",
        examples=["1527fd68f0ca1aa8beb7a5797210854a3741c005275dd52bf9374c4f93d97040"],
    )


class SourceRecord(SourceBase):
    """A source as data/sources.yaml holds it: its text lives in a file beside it."""

    file: NonBlank = Field(description="Path of the text file, relative to the data folder.")


class SourceCreate(SourceBase):
    """A new source and its full text; `sha256` is optional and, when given, must match."""

    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(  # type: ignore[assignment]
        default=None,
        description="SHA-256 of the text's UTF-8 bytes, hex: when given, the text must hash "
        "to it (a check that nothing was altered on the way).",
    )
    text: Annotated[Text, StringConstraints(min_length=1)] = Field(
        description="The full text, exactly as published; quotes will index into it."
    )


class SourcePublic(SourceBase):
    length: int = Field(ge=0, description="Length of the text in characters.", examples=[2689])
    claim_count: int = Field(
        ge=0, description="How many active claims quote this source.", examples=[20]
    )


class SourceDetail(SourcePublic):
    text: str = Field(description="The full text, exactly as stored; quotes index into it.")


class PageMeta(BaseModel):
    total: int = Field(ge=0, description="How many items match, across all pages.", examples=[4])
    limit: int = Field(ge=1, description="Page size asked for.", examples=[50])
    offset: int = Field(ge=0, description="Items skipped before this page.", examples=[0])
    disclaimer: str = Field(
        description="Carried on every list: this is not medical advice.", examples=[DISCLAIMER]
    )


class PageLinks(BaseModel):
    self: str = Field(description="This page's URL.")
    next: str | None = Field(description="The next page's URL; null on the last page.")
    prev: str | None = Field(description="The previous page's URL; null on the first page.")


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    data: list[T] = Field(description="The items of this page, in the documented order.")
    meta: PageMeta
    links: PageLinks


class FacetCount(BaseModel):
    value: str = Field(description="A value of the field.", examples=["risk_factor"])
    count: int = Field(ge=1, description="How many matching claims have it.", examples=[4])


class ClaimPageMeta(PageMeta):
    sort: SortOrder = Field(description="The order of `data`.")
    facets: dict[Facet, list[FacetCount]] | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="Only when asked for with `facet`: counts of the claims matching every "
        "filter (on all pages), per value, most frequent first (at most 100 values).",
        examples=[{"tag": [{"value": "dosage", "count": 2}, {"value": "allergy", "count": 1}]}],
    )


class ClaimPage(Page[Claim]):
    """Claims, in the order asked for (article order unless `sort` says otherwise)."""

    meta: ClaimPageMeta


class TagPage(Page[TagPublic]):
    """Tags, by slug."""


class SourcePage(Page[SourcePublic]):
    """Sources, by id."""


class ClaimPatch(BaseModel):
    """A partial update (JSON merge patch, RFC 7396) of a claim: the fields given replace
    the stored ones, the rest stay; the fields of the claim's type may be given too. The
    result must be a valid claim. When `quote` changes without `start`/`end` and occurs
    exactly once in the source, its offsets are found."""

    model_config = ConfigDict(extra="allow")

    type: ClaimType | None = Field(
        default=None, description="A new type; the fields of that type must then be valid."
    )
    title: NonBlank | None = Field(default=None, description="A new title.")
    statement: NonBlank | None = Field(
        default=None,
        description="A new statement: no stronger than the quote.",
        examples=["In rare cases, a person may have an allergic reaction to Botox."],
    )
    quote: NonBlank | None = Field(
        default=None, description="New exact words of the source (offsets found if unique)."
    )
    start: StrictInt | None = Field(default=None, ge=0, description="New start offset.")
    end: StrictInt | None = Field(default=None, gt=0, description="New end offset.")
    certainty: Certainty | None = Field(default=None, description="New certainty.")
    hedges: list[NonBlank] | None = Field(default=None, description="New hedges, verbatim.")
    migraine_effect: MigraineEffect | None = Field(default=None, description="New effect.")
    tags: list[Slug] | None = Field(
        default=None, description="The new list of tags (it replaces the old one)."
    )
    relations: list[Relation] | None = Field(
        default=None, description="The new list of relations (it replaces the old one)."
    )


class Retraction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: NonBlank = Field(
        max_length=2000,
        description="Why the claim is withdrawn; served with it as `retraction_reason`.",
        examples=["The statement said more than the quote does."],
    )


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


class Change(BaseModel):
    """One accepted change to one record."""

    kind: RecordKind = Field(description="What kind of record changed.")
    id: str = Field(description="The record's id (a tag's slug).", examples=["botox"])
    action: ChangeAction = Field(description="What happened to it.")
    revision: int | None = Field(
        description="The record's revision after the change (claims and tags).", examples=[2]
    )
    at: AwareDatetime = Field(description="When the change was committed (UTC).")
    by: str = Field(
        description="Who made it: the name of the API key, or `kb load` for a load of data/.",
        examples=["kb load"],
    )
    record: dict[str, JsonValue] | None = Field(
        description="The record after the change, as its GET endpoint serves it (a source "
        "without its text); null when it was deleted."
    )


class ChangeMeta(BaseModel):
    limit: int = Field(ge=1, description="Page size asked for.", examples=[100])
    disclaimer: str = Field(description="This is not medical advice.", examples=[DISCLAIMER])


class ChangeLinks(BaseModel):
    self: str = Field(description="This page's URL.")
    next: str = Field(
        description="Where to continue: the changes after this page. Always present; on the "
        "last page it returns nothing new until the next change, so poll it."
    )


class ChangePage(BaseModel):
    """Changes in commit order, oldest first."""

    data: list[Change] = Field(description="The changes on this page, oldest first.")
    meta: ChangeMeta
    links: ChangeLinks


class ClaimRevision(BaseModel):
    """One accepted change to a claim, with the record before and after it."""

    revision: int | None = Field(
        ge=1, description="The revision the change made; null for a deletion.", examples=[2]
    )
    action: ChangeAction
    at: AwareDatetime = Field(description="When the change was committed (UTC).")
    by: str = Field(description="The API key's name, or `kb load`.", examples=["kb load"])
    before: dict[str, JsonValue] | None = Field(
        description="The claim before the change; null when it was created, or when the "
        "earlier revision predates the change log."
    )
    after: dict[str, JsonValue] | None = Field(
        description="The claim after the change; null when it was deleted."
    )


class RevisionPage(Page[ClaimRevision]):
    """A claim's revisions, newest first."""


class FieldError(BaseModel):
    location: str = Field(
        description="Where the bad value is, e.g. `query.limit`.", examples=["query.limit"]
    )
    message: str = Field(
        description="What is wrong with it.", examples=["Input should be less than or equal to 500"]
    )


class Problem(BaseModel):
    """An RFC 9457 problem details body: every error this API returns has this shape."""

    type: str = Field(default="about:blank", description="URI naming the problem type.")
    title: str = Field(description="Short summary of the problem type.", examples=["Not Found"])
    status: int = Field(description="The HTTP status code.", examples=[404])
    detail: str = Field(
        description="What went wrong with this request.",
        examples=["No claim with id 'no-such-claim'."],
    )
    errors: list[FieldError] | None = Field(
        default=None, description="One entry per invalid field (422 only)."
    )


class Health(BaseModel):
    status: Literal["ok"] = Field(description="`ok` when the API and its database answer.")
