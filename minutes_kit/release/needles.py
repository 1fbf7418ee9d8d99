"""Finding withheld strings in text the way a reader would: case-insensitive, across line
breaks and runs of spaces, and as whole words ("Hall" is not found in "Hallam").

All needles are compiled into one regular expression shaped as a trie, so a
search costs about one step per character of text however many needles
there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

Value = TypeVar("Value")
_END = ""


def normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def _units(needle: str) -> list[str]:
    """Characters of the lower-cased needle, each run of whitespace as one ``' '``."""
    return list(normalise(needle))


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = []
    for unit in sorted(key for key in node if key != _END):
        piece = r"\s+" if unit == " " else re.escape(unit)
        branches.append(piece + _trie_pattern(node[unit]))
    if _END in node:
        branches.append(node[_END])  # last, so that a longer needle wins over its prefix
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _compile(needles: list[str]) -> re.Pattern[str] | None:
    word_start: dict[str, Any] = {}
    other_start: dict[str, Any] = {}
    for needle in needles:
        units = _units(needle)
        node = word_start if units[0].isalnum() else other_start
        for unit in units:
            node = node.setdefault(unit, {})
        node[_END] = r"(?!\w)" if units[-1].isalnum() else ""
    alternatives = []
    if word_start:
        alternatives.append(rf"(?<!\w){_trie_pattern(word_start)}")
    if other_start:
        alternatives.append(_trie_pattern(other_start))
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


@dataclass(frozen=True)
class NeedleSet(Generic[Value]):
    """Many needles searched in one pass; each match maps back to the value of its needle."""

    pattern: re.Pattern[str] | None
    values: dict[str, Value]

    @classmethod
    def of(cls, needles: Mapping[str, Value]) -> NeedleSet[Value]:
        usable = [needle for needle in needles if needle.strip()]
        return cls(_compile(usable), {normalise(needle): needles[needle] for needle in usable})

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], Value]]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            found = normalise(match.group(0))
            # Case-insensitive matching can pair characters that lower() does not (rare scripts).
            yield match, self.values.get(found, next(iter(self.values.values())))

    def search(self, text: str) -> Value | None:
        return next((value for _, value in self.finditer(text)), None)
