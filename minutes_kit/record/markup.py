"""Inline markup in record text: mentions of people and marked spans.

Two kinds of span can appear in any free-text field:

- ``@key`` names a person from the registry (see ``mentions.py``);
- ``[[LABEL: text]]`` marks ``text``. A label is an exemption code written by
  the secretariat (``[[S43: £12,345]]``), or, in text the toolkit generates,
  a category starting with ``#`` (``[[#money: £12,345]]``) that a release
  policy maps to a code. The text may run over several lines (a ``text: |``
  block) and be of any length; it cannot hold ``[[`` or ``]]``.

In ordinary minutes a marked span renders as its text; the release path
replaces it with its redaction marking. Parsing is here, in one place, so
that every renderer sees the same spans.

Broken marks are reported by `mark_problems`, and validation refuses a record
that has any. The spans still err towards withholding, so that a release made
from such text cannot show what its author meant to mark:

- a ``[[`` inside a mark is counted, not obeyed: the outermost ``[[`` and its
  matching ``]]`` make one span with the outer label, whose text is all that
  lies between them less the inner brackets and labels
  (``[[S43: a [[S41: b]] c]]`` is ``S43`` over ``a b c``);
- a ``[[`` never closed marks everything after it;
- a mark without a code and a colon is a span with the empty label, which no
  release policy knows, so a release refuses it rather than show its text;
- a ``]]`` that closes nothing stays in the text: where its mark should have
  started cannot be known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from minutes_kit.record.mentions import MENTION

_OPEN = "[["
_CLOSE = "]]"
CATEGORY_PREFIX = "#"
# Two fixed characters and no repetition: matching cannot backtrack over a
# mark's length, and finding every token is one pass over the text.
_TOKEN = re.compile(r"\[\[|\]\]")
_NOT_IN_LABEL = ("[", "]", "\n")

_NESTED = ("a mark is opened inside another mark; marks cannot be nested: "
          "close the first with ]] before opening the next")
_STRAY = "']]' closes no mark"
_UNLABELLED = "[[...]] needs a code and a colon: [[S43: text]]"


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


@dataclass(frozen=True)
class MarkProblem:
    """Why the marks of a text are broken, at `offset` into the text."""

    offset: int
    message: str


def tag(category: str, text: str) -> str:
    """Mark generated `text` as belonging to `category` (money, staffing, ...)."""
    return f"[[{CATEGORY_PREFIX}{category}: {text}]]"


def marked_spans(text: str) -> Iterator[Marked]:
    return iter(_scan(text)[0])


def mark_problems(text: str) -> list[MarkProblem]:
    """Every broken mark in `text`, in order: nested, never closed, closing nothing, without a code."""
    return _scan(text)[1]


def segments(text: str) -> Iterator[Segment]:
    """Split `text` into plain text, mentions and marked spans, in order."""
    position = 0
    for span in marked_spans(text):
        yield from _mentions_and_text(text[position : span.start])
        yield span
        position = span.end
    yield from _mentions_and_text(text[position:])


def _scan(text: str) -> tuple[list[Marked], list[MarkProblem]]:
    """The outermost marks of `text` and the problems of all of them, in one pass over its tokens.

    Depth is counted rather than recursed into, so neither the length of a
    mark nor how deeply marks are nested can exhaust the stack.
    """
    spans: list[Marked] = []
    problems: list[MarkProblem] = []
    if _OPEN not in text and _CLOSE not in text:
        return spans, problems  # most text marks nothing: found without running the expression
    depth = 0
    opened = 0
    # The text of the current outermost mark, cut at its inner tokens; each
    # piece with the token before it, since a piece after an inner ``[[``
    # starts with that mark's label. The text from `position` on follows `after`.
    pieces: list[tuple[str, str]] = []
    position, after = 0, ""
    for token in _TOKEN.finditer(text):
        at, kind = token.start(), token.group()
        if depth:
            pieces.append((after, text[position:at]))
        if kind == _OPEN:
            if depth:
                problems.append(MarkProblem(at, _NESTED))
            else:
                opened = at
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                spans.append(_marked(opened, token.end(), pieces, problems))
                pieces = []
        else:
            problems.append(MarkProblem(at, _STRAY))
        after, position = kind, token.end()
    if depth:
        pieces.append((after, text[position:]))
        span = _marked(opened, len(text), pieces, problems)
        spans.append(span)
        opening = f"'[[{span.label}:'" if span.label else "'[['"
        problems.append(MarkProblem(opened, f"{opening} is never closed with ]]"))
    problems.sort(key=lambda problem: problem.offset)
    return spans, problems


def _marked(start: int, end: int, pieces: list[tuple[str, str]], problems: list[MarkProblem]) -> Marked:
    """The span from `start` to `end` whose text, cut at inner tokens, is `pieces` (the first after its own ``[[``)."""
    label, first = _labelled(pieces[0][1])
    if label is None:
        problems.append(MarkProblem(start, _UNLABELLED))
    rest = (_labelled(piece)[1] if after == _OPEN else piece for after, piece in pieces[1:])
    return Marked(label or "", "".join((first, *rest)).strip(), start, end)


def _labelled(piece: str) -> tuple[str | None, str]:
    """``S43: text`` -> ``('S43', 'text')``; a piece with no usable label is all text: ``(None, piece)``."""
    label, colon, rest = piece.partition(":")
    label = label.strip()
    if not colon or not label or any(character in label for character in _NOT_IN_LABEL):
        return None, piece
    return label, rest.lstrip()


def _mentions_and_text(text: str) -> Iterator[Segment]:
    position = 0
    for match in MENTION.finditer(text):
        if match.start() > position:
            yield Plain(text[position : match.start()])
        yield PersonMention(match.group(1))
        position = match.end()
    if position < len(text):
        yield Plain(text[position:])
