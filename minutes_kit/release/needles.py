"""Finding withheld strings in text the way a reader would: case-insensitive, across line
breaks and runs of spaces, and as whole words ("Hall" is not found in "Hallam").

All needles are compiled into one regular expression shaped as a trie, so a
search costs about one step per character of text however many needles
there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any, Generic, TypeVar

Value = TypeVar("Value")
_END = ""


def normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def _units(needle: str) -> list[str]:
    """Characters of the lower-cased needle, each run of whitespace as one ``' '``."""
    return list(normalise(needle))


def _trie_pattern(node: dict[str, Any], root: bool = False) -> str:
    branches = []
    for unit in sorted(key for key in node if key != _END):
        piece = r"\s+" if unit == " " else re.escape(unit)
        if root and unit.isalnum():
            # Whole words: the character before the match is not a word character. Checked after the
            # first character rather than before it, so the pattern starts with a plain character and
            # the regular expression engine can skip quickly to where a needle could begin.
            piece += r"(?<!\w.)"
        branches.append(piece + _trie_pattern(node[unit]))
    if _END in node:
        branches.append(node[_END])  # last, so that a longer needle wins over its prefix
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _compile(needles: list[str], flags: int) -> re.Pattern[str] | None:
    trie: dict[str, Any] = {}
    for needle in needles:
        units = _units(needle)
        node = trie
        for unit in units:
            node = node.setdefault(unit, {})
        node[_END] = r"(?!\w)" if units[-1].isalnum() else ""
    return re.compile(_trie_pattern(trie, root=True), flags) if trie else None


class NeedleSet(Generic[Value]):
    """Many needles searched in one pass; each match maps back to the value of its needle."""

    def __init__(self, needles: Mapping[str, Value]):
        self._needles = [needle for needle in needles if needle.strip()]
        self.values = {normalise(needle): needles[needle] for needle in self._needles}
        self.lowered = _compile(self._needles, 0)
        """Matched case-sensitively on ``text.lower()``: fast, for text whose lower case keeps its length."""

    @cached_property
    def folded(self) -> re.Pattern[str] | None:
        """Matched with IGNORECASE, for the rare text whose lower case changes length (a few scripts)."""
        return _compile(self._needles, re.IGNORECASE)

    def spans(self, text: str) -> Iterator[tuple[int, int, Value]]:
        """Start, end and value of every needle in `text`, left to right."""
        if self.lowered is None:
            return
        lowered = text.lower()
        matches = self.lowered.finditer(lowered) if len(lowered) == len(text) else self.folded.finditer(text)
        for match in matches:
            # IGNORECASE can pair characters that lower() does not (rare scripts): fall back to any value.
            value = self.values.get(normalise(match.group(0)), next(iter(self.values.values())))
            yield match.start(), match.end(), value

    def search(self, text: str) -> Value | None:
        return next((value for _, _, value in self.spans(text)), None)

    def mask(self, text: str, replacement: str) -> str:
        """`text` with every needle replaced by `replacement`."""
        for start, end, _ in reversed(list(self.spans(text))):
            text = text[:start] + replacement + text[end:]
        return text
