"""A piece of personal data found in a text: where it is, what kind, and how sure the finder is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

PERSON = "PERSON"
SUGGESTED_CODE = "S40(2)"
"""Every category found here is personal data of someone other than the requester."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str
    confidence: float
    person: str | None = None
    """The registry key, when the span names a person in the record's registry."""
    evidence: str = ""
    """What found it ("titled", "attendance", "model", ...): the key of its calibrated confidence."""

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep the first-given of any overlapping spans (callers list the surest finders first), in text order."""
    kept: list[Span] = []
    for span in spans:
        if not any(span.overlaps(other) for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda span: span.start)


def finding_key(text: str, category: str) -> tuple[str, str]:
    """Findings are one when their texts differ only in case, spacing or apostrophes."""
    return " ".join(text.replace("’", "'").split()).casefold(), category
