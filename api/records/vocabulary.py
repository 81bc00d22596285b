"""Tags and sources, the records claims point to."""

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from api.records.fields import IsoDate, Line, Prose, Slug, Text


class CodedConcept(BaseModel):
    """A code from a terminology, recorded only when verified at an authoritative source."""

    model_config = ConfigDict(extra="forbid")

    system: Line = Field(description="The code system's canonical URI.")
    code: Line = Field(description="The code in that system.")
    display: Line = Field(description="The code system's display text for the code.")
    cited_from: Line = Field(description="Where the code was verified (a URL).")


class TagBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slug: Slug = Field(description="Stable id of the tag.", examples=["allergy"])
    label: Line = Field(description="Human-readable name.", examples=["Allergy"])
    description: Prose = Field(
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

    label: Line | None = Field(default=None, description="New label.", examples=["Allergy"])
    description: Prose | None = Field(default=None, description="New description.")
    codes: list[CodedConcept] | None = Field(default=None, description="New list of codes.")


class SourceBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Slug = Field(
        description="Stable id of the source.", examples=["can-botox-for-migraines-make-them-worse"]
    )
    title: Line = Field(
        description="The source's own title.", examples=["Can Botox for Migraines Make Them Worse?"]
    )
    author: Line | None = Field(default=None, description="Author, when the source names one.")
    published: IsoDate | None = Field(
        default=None, description="Publication date (YYYY-MM-DD), when stated."
    )
    url: Line | None = Field(
        default=None, description="Where the source was published, when known."
    )
    language: Line = Field(description="BCP 47 language tag of the text.", examples=["en"])
    media_type: Line = Field(description="Media type of the text.", examples=["text/plain"])
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the text's bytes (UTF-8), hex; verify quotes against it.",
        examples=["1527fd68f0ca1aa8beb7a5797210854a3741c005275dd52bf9374c4f93d97040"],
    )


class SourceRecord(SourceBase):
    """A source as data/sources.yaml holds it: its text lives in a file beside it."""

    file: Line = Field(description="Path of the text file, relative to the data folder.")


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
