"""RFC 9457 problem details: the shape of every error this API answers."""

from pydantic import (
    BaseModel,
    Field,
)


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
