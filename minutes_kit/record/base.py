"""Building blocks shared by every part of the record model."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class StrictModel(BaseModel):
    """Unknown fields are errors, so a misspelt field name is never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)
