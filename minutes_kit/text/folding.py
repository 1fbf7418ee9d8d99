"""The one canonical folding of text: how every part of the toolkit decides that two pieces of
text say the same thing.

Folding is what a reader does without noticing: "İLKER", "İlker" and "ilker" are one word,
so are "O’Connor" and "O'Connor", "Lewis‑Grant" (non-breaking hyphen) and "Lewis-Grant",
"Zoë" typed as one character or as "e" and a combining diaeresis, and "Helen" with a
zero-width space or a soft hyphen hidden inside it. Folded text is:

- decomposed with Unicode compatibility (NFKD), so ligatures, full-width letters and
  superscripts become plain letters, and combining marks (accents, the dot of "İ") dropped;
- fully case-folded ("ß" is "ss"), with the dotless "ı" as "i";
- written with one apostrophe for ’ ‘ ʼ ′ ` ´ and ', and one hyphen for ‐ ‑ ‒ – — ― and −;
- free of invisible characters (soft hyphen, zero-width space and joiners, word joiner,
  byte-order mark, direction marks: every format character except the private-use marks
  a release places);
- with every run of whitespace (spaces, non-breaking spaces, tabs, line breaks) as one space.

`Folded` keeps the map back to the original, so a match found in folded text is replaced
in the original characters, whatever was folded away inside it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property

APOSTROPHES = "’‘ʼ′`´'ʹ＇"
HYPHENS = "‐‑‒–—―−﹣－"
FOLDED_APOSTROPHE = "'"
FOLDED_HYPHEN = "-"
SPACE_RUN = re.compile(" {2,}")


def _fold_character(character: str) -> str:
    if unicodedata.category(character) == "Cf":
        return ""
    decomposed = unicodedata.normalize("NFKD", character)
    folded = "".join(piece for piece in decomposed if not unicodedata.combining(piece)).casefold()
    return "".join(_canonical(piece) for piece in folded)


def _canonical(character: str) -> str:
    """One space, one apostrophe, one hyphen and one "i" for each of the ways they are written."""
    if character.isspace():
        return " "
    if character in APOSTROPHES:
        return FOLDED_APOSTROPHE
    if character in HYPHENS:
        return FOLDED_HYPHEN
    return "i" if character == "ı" else character


class _FoldingTable(dict[int, str]):
    """A `str.translate` table filled in as characters are met, so folding runs at C speed."""

    def __missing__(self, code: int) -> str:
        folded = _fold_character(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldingTable()


def fold(text: str) -> str:
    """`text` folded (see the module's description)."""
    return SPACE_RUN.sub(" ", text.translate(_TABLE))


class Folded:
    """A text with its folding, and the way back from folded positions to original ones."""

    def __init__(self, original: str):
        self.original = original
        self.text = fold(original)

    @cached_property
    def _starts(self) -> list[int]:
        """For each folded character, the index of the original character it came from; computed
        only when a match is mapped back, which most texts never need."""
        starts: list[int] = []
        previous_space = False
        for index, character in enumerate(self.original):
            folded = _TABLE[ord(character)]
            for piece in folded:
                if piece == " ":
                    if previous_space:
                        continue
                    previous_space = True
                else:
                    previous_space = False
                starts.append(index)
        return starts

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters that folded into `self.text[start:end]` (end exclusive), with
        every folded-away character inside them; whitespace runs are taken whole."""
        starts = self._starts
        original_start = starts[start]
        if end >= len(starts):
            return original_start, len(self.original)
        # Up to where the next folded character begins, so that combining accents and invisible
        # characters after the last matched letter go with it; a match ending inside a character
        # that folds to several ("ﬁ", "ß") takes that character whole.
        return original_start, max(starts[end], starts[end - 1] + 1)
