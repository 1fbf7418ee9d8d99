"""Inline markup in record text: mentions of people and marked spans.

Two kinds of span can appear in any free-text field:

- ``@key`` names a person from the registry (see ``mentions.py``);
- ``[[LABEL: text]]`` marks ``text``. A label is an exemption code written by
  the secretariat (``[[S43: £12,345]]``), or, in text the toolkit generates,
  a category starting with ``#`` (``[[#money: £12,345]]``) that a release
  policy maps to a code.

In ordinary minutes a marked span renders as its text; the release path
replaces it with its redaction marking. Parsing is here, in one place, so
that every renderer sees the same spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from minutes_kit.record.mentions import MENTION

MARKED = re.compile(r"\[\[\s*([^\[\]:]+?)\s*:\s*(.*?)\s*\]\]", re.DOTALL)
CATEGORY_PREFIX = "#"


@dataclass(frozen=True)
class Plain:
    text: str


@dataclass(frozen=True)
class PersonMention:
    key: str


@dataclass(frozen=True)
class Marked:
    """A span marked with `label`; its own text may mention people."""

    label: str
    text: str
    start: int
    end: int

    @property
    def category(self) -> str | None:
        return self.label[1:] if self.label.startswith(CATEGORY_PREFIX) else None


Segment = Plain | PersonMention | Marked


def tag(category: str, text: str) -> str:
    """Mark generated `text` as belonging to `category` (money, staffing, ...)."""
    return f"[[{CATEGORY_PREFIX}{category}: {text}]]"


def marked_spans(text: str) -> Iterator[Marked]:
    for match in MARKED.finditer(text):
        yield Marked(match.group(1), match.group(2), match.start(), match.end())


def segments(text: str) -> Iterator[Segment]:
    """Split `text` into plain text, mentions and marked spans, in order."""
    position = 0
    for span in marked_spans(text):
        yield from _mentions_and_text(text[position : span.start])
        yield span
        position = span.end
    yield from _mentions_and_text(text[position:])


def _mentions_and_text(text: str) -> Iterator[Segment]:
    position = 0
    for match in MENTION.finditer(text):
        if match.start() > position:
            yield Plain(text[position : match.start()])
        yield PersonMention(match.group(1))
        position = match.end()
    if position < len(text):
        yield Plain(text[position:])
