"""What the health check answers."""

from typing import Literal

from pydantic import (
    BaseModel,
    Field,
)


class Health(BaseModel):
    status: Literal["ok"] = Field(description="`ok` when the API and its database answer.")
