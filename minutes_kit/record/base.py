"""Building blocks shared by every part of the record model."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
"""An email address: something, an @, a domain with a dot; checked no further, as mail servers do."""

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
"""A time of day as records write it: HH:MM, 24-hour."""


def _hours_minutes(value: Any) -> Any:
    """Only HH:MM text, so that the model accepts exactly what the JSON Schema's pattern does (pydantic
    alone would take seconds, a time zone, or a number of seconds since midnight)."""
    if isinstance(value, dt.time) or (isinstance(value, str) and re.fullmatch(TIME_PATTERN, value)):
        return value
    raise PydanticCustomError("time_format", "a time is written HH:MM")  # schema_errors words every time_ error


Time = Annotated[
    dt.time,
    BeforeValidator(_hours_minutes),
    # Not `format: time`, which needs seconds and a time zone: validators that check formats refused every record.
    WithJsonSchema({"type": "string", "pattern": TIME_PATTERN, "description": "A time of day, HH:MM (24-hour)."}),
]


class StrictModel(BaseModel):
    """Unknown fields are errors, so a misspelt field name is never silently ignored."""

    # Not `defer_build`: measured, a record model built on first use (with every model it nests,
    # each built again inside it) costs `minutes render` more than building each class at import.
    model_config = ConfigDict(extra="forbid", frozen=True)


def written_digits(value: Decimal) -> tuple[int, int]:
    """How many digits `value` has before and after the point when written out in full, without
    leading or trailing zeros: ``18420.50`` has (5, 1), ``1E+3`` has (4, 0), ``0.05`` has (0, 2)."""
    _, coefficient, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity: pydantic refuses them before this is asked
        return 0, 0
    significant = len(coefficient)
    for digit in reversed(coefficient):
        if digit:
            break
        significant -= 1
        exponent += 1
    if significant == 0:
        return 0, 0
    return max(significant + exponent, 0), max(-exponent, 0)


def bounded_decimal(expected: str, *, whole: int, fraction: int, total: int) -> AfterValidator:
    """A validator refusing a number with more than `whole` digits before the point, `fraction` after
    it or `total` in all, with the sentence `expected` saying what is allowed.

    Bounding every number a record holds keeps its arithmetic (totals, mitigation, changes, rounding
    to pence) within the default decimal context, so that no `decimal.InvalidOperation` can arise
    from it, and keeps a number such as ``1e999999999`` from being written out in full.
    """

    def check(value: Decimal) -> Decimal:
        if not value.is_finite():
            raise ValueError(f"{value} is not a number")
        before, after = written_digits(value)
        if before > whole or after > fraction or before + after > total:
            raise ValueError(f"expected {expected}; this one has {_count(before)} before the point and {after} after")
        return value

    return AfterValidator(check)


def _count(digits: int) -> str:
    return f"{digits} digit" + ("" if digits == 1 else "s")


