"""A claim: its common fields, one schema per claim type, and what edits it."""

import json
from pathlib import Path
from typing import Annotated, ClassVar, Literal, Self

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    TypeAdapter,
    model_validator,
)
from typing_extensions import TypeAliasType

from api.records.fields import (
    Certainty,
    ChangeAction,
    ClaimStatus,
    ClaimType,
    Line,
    MigraineEffect,
    Prose,
    RelationKind,
    Slug,
    StrictInt,
    Verbatim,
)


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
    title: Line = Field(
        description="Short title; a risk factor's title is its heading in the source.",
        examples=["Allergic Reactions"],
    )
    statement: Prose = Field(
        description="The claim in one plain sentence, no stronger than the source puts it.",
        examples=[
            "In rare cases, a person may have an allergic reaction to Botox, which can lead "
            "to worse migraines or other symptoms."
        ],
    )
    quote: Verbatim = Field(
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
    hedges: list[Verbatim] = Field(
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
    retraction_reason: Prose | None = Field(
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
    authority: Prose = Field(description="The regulator, as named in the quote.", examples=["FDA"])
    indication: Prose = Field(
        description="What the approval covers, in the quote's words.",
        examples=["chronic migraines"],
    )


class AdministrationClaim(ClaimBase):
    """How a treatment is given."""

    model_config = _example(ClaimType.administration)

    verbatim_fields = ("method", "sites")
    type: Literal[ClaimType.administration] = Field(description="Claim type.")
    method: Prose = Field(
        description="How it is given, in the quote's words.",
        examples=["injecting small amounts of Botox"],
    )
    sites: Prose = Field(
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
    target: Prose = Field(
        description="What the treatment acts on, in the quote's words.",
        examples=[
            "neurotransmitters that contribute to the pain signals associated with migraines"
        ],
    )
    action: Prose = Field(
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
    outcome: Prose = Field(
        description="What the factor can lead to, in the quote's words.",
        examples=["an exacerbation of migraines or other symptoms"],
    )


class ConclusionClaim(ClaimBase):
    """The source's overall conclusion and the advice it ends with."""

    model_config = _example(ClaimType.conclusion)

    verbatim_fields = ("recommendations",)
    type: Literal[ClaimType.conclusion] = Field(description="Claim type.")
    recommendations: list[Prose] = Field(
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
    action: Prose = Field(
        description="What the source advises doing, in the quote's words.",
        examples=["consult with their healthcare providers"],
    )


Claim = TypeAliasType(
    "Claim",
    Annotated[
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
    ],
)
"""One claim; its ``type`` says which schema it follows."""

CLAIM_ADAPTER: TypeAdapter[Claim] = TypeAdapter(Claim)
CLAIM_COMMON_FIELDS = frozenset(ClaimBase.model_fields)


class ClaimPatch(BaseModel):
    """A partial update (JSON merge patch, RFC 7396) of a claim: the fields given replace
    the stored ones, the rest stay; the fields of the claim's type may be given too. The
    result must be a valid claim. When `quote` changes without `start`/`end` and occurs
    exactly once in the source, its offsets are found."""

    model_config = ConfigDict(extra="allow")

    type: ClaimType | None = Field(
        default=None, description="A new type; the fields of that type must then be valid."
    )
    title: Line | None = Field(default=None, description="A new title.")
    statement: Prose | None = Field(
        default=None,
        description="A new statement: no stronger than the quote.",
        examples=["In rare cases, a person may have an allergic reaction to Botox."],
    )
    quote: Verbatim | None = Field(
        default=None, description="New exact words of the source (offsets found if unique)."
    )
    start: StrictInt | None = Field(default=None, ge=0, description="New start offset.")
    end: StrictInt | None = Field(default=None, gt=0, description="New end offset.")
    certainty: Certainty | None = Field(default=None, description="New certainty.")
    hedges: list[Verbatim] | None = Field(default=None, description="New hedges, verbatim.")
    migraine_effect: MigraineEffect | None = Field(default=None, description="New effect.")
    tags: list[Slug] | None = Field(
        default=None, description="The new list of tags (it replaces the old one)."
    )
    relations: list[Relation] | None = Field(
        default=None, description="The new list of relations (it replaces the old one)."
    )


class Retraction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Prose = Field(
        description="Why the claim is withdrawn; served with it as `retraction_reason`.",
        examples=["The statement said more than the quote does."],
    )


class ClaimRevision(BaseModel):
    """One accepted change to a claim, with the record before and after it."""

    revision: int | None = Field(
        ge=1, description="The revision the change made; null for a deletion.", examples=[2]
    )
    action: ChangeAction
    at: AwareDatetime = Field(description="When the change was committed (UTC).")
    by: str = Field(description="The API key's name, or `kb load`.", examples=["kb load"])
    before: Claim | None = Field(
        description="The claim before the change; null when it was created, or when the "
        "earlier revision predates the change log."
    )
    after: Claim | None = Field(description="The claim after the change; null when it was deleted.")
