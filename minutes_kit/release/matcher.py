"""The sweep's matcher: every withheld string found in folded text, as whole words.

Needles and text are compared through the canonical folding (`minutes_kit.text.folding`),
so case, apostrophes, hyphens, accents, invisible characters and line breaks cannot hide a
name. All needles are compiled into one regular expression shaped as a trie, so a search
costs about one step per character of text however many needles there are. The trie is
path-compressed (a chain of single children is one literal), so the expression nests as
deep as needles branch, never as deep as they are long: a 10,000-character marked span is
one literal.

The independent leak check (`minutes_kit.verify`) shares none of this.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

from minutes_kit.text.folding import Folded, fold

Value = TypeVar("Value")
_END = ""
# Whole words: no letter or digit right before or after. Underscore counts as a separator, as
# in "helen_brackley".
_NOT_BEFORE_WORD = r"(?![^\W_])"
_BOUNDARY_AFTER_FIRST = r"(?<![^\W_].)"
BARE_NUMBER = re.compile(r"[\d.,]+")
"""A number with nothing to say what it is: withheld where people read it, not in attribute
values, where it is a width or a count ("w:w=\"900\"") that masking would break."""


def _is_word(character: str) -> bool:
    return character.isalnum()


def _insert(trie: dict[str, Any], needle: str) -> None:
    node = trie
    for character in needle:
        node = node.setdefault(character, {})
    node[_END] = True


def _chain(node: dict[str, Any], character: str) -> tuple[str, dict[str, Any]]:
    """The literal from `character` down a chain of single children, and the node it ends at."""
    literal, child = character, node[character]
    while _END not in child and len(child) == 1:
        (next_character, grandchild), = child.items()
        literal += next_character
        child = grandchild
    return literal, child


def _pattern(node: dict[str, Any], previous: str) -> str:
    """The expression for the needles below `node`; `previous` is the character matched just
    before it (for the word boundary at the end)."""
    branches = []
    for character in sorted(key for key in node if key != _END):
        literal, child = _chain(node, character)
        branches.append(re.escape(literal) + _pattern(child, literal[-1]))
    if _END in node:
        # Last, so that a longer needle wins over its prefix.
        branches.append(_NOT_BEFORE_WORD if _is_word(previous) else "")
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


class Matcher(Generic[Value]):
    """Many needles searched in one pass over folded text; each match maps back to its value."""

    def __init__(self, needles: Mapping[str, Value]):
        self.values: dict[str, Value] = {}
        for needle, value in needles.items():
            self.values.setdefault(fold(needle).strip(), value)
        self.values.pop("", None)
        trie: dict[str, Any] = {}
        for folded in self.values:
            _insert(trie, folded)
        branches = []
        for first in sorted(trie):
            literal, child = _chain(trie, first)
            # The boundary is checked after the first character rather than before it, so each
            # branch starts with a plain character and the engine can skip to where one may begin.
            boundary = _BOUNDARY_AFTER_FIRST if _is_word(first) else ""
            branches.append(re.escape(first) + boundary + re.escape(literal[1:]) + _pattern(child, literal[-1]))
        self._expression = re.compile("|".join(branches)) if branches else None

    def spans(self, text: str) -> Iterator[tuple[int, int, Value]]:
        """Start, end and value of every needle in `text` (original positions), left to right."""
        if self._expression is None:
            return
        folded = Folded(text)
        for match in self._expression.finditer(folded.text):
            start, end = folded.original_span(match.start(), match.end())
            yield start, end, self.values[match.group(0)]

    def search(self, text: str, *, bare_numbers: bool = True) -> Value | None:
        """The value of the first needle in `text`, without mapping positions back; needles that are
        only a number ("48120") are passed over unless `bare_numbers`."""
        if self._expression is None:
            return None
        for match in self._expression.finditer(fold(text)):
            if bare_numbers or BARE_NUMBER.fullmatch(match.group(0)) is None:
                return self.values[match.group(0)]
        return None

    def mask(self, text: str, replacement: str) -> str:
        """`text` with every needle replaced by `replacement`."""
        for start, end, _ in reversed(list(self.spans(text))):
            text = text[:start] + replacement + text[end:]
        return text
