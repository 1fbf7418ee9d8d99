"""Finding withheld strings in text the way a reader would: case-insensitive, across line
breaks and runs of spaces, and as whole words ("Hall" is not found in "Hallam")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

Value = TypeVar("Value")


def _needle_regex(needle: str) -> str:
    tokens = needle.split()
    body = r"\s+".join(re.escape(token) for token in tokens)
    start = r"(?<!\w)" if tokens[0][0].isalnum() else ""
    end = r"(?!\w)" if tokens[-1][-1].isalnum() else ""
    return f"{start}{body}{end}"


@dataclass(frozen=True)
class NeedleSet(Generic[Value]):
    """Many needles searched in one pass; each match maps back to the value of its needle."""

    pattern: re.Pattern[str] | None
    values: tuple[Value, ...]

    @classmethod
    def of(cls, needles: Mapping[str, Value]) -> NeedleSet[Value]:
        ordered = sorted(needles, key=len, reverse=True)  # the longest form wins: "Ms Hall" before "Hall"
        if not ordered:
            return cls(None, ())
        alternatives = "|".join(f"(?P<n{index}>{_needle_regex(n)})" for index, n in enumerate(ordered))
        return cls(re.compile(alternatives, re.IGNORECASE), tuple(needles[n] for n in ordered))

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], Value]]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            yield match, self.values[int(match.lastgroup[1:])]

    def search(self, text: str) -> Value | None:
        return next((value for _, value in self.finditer(text)), None)
