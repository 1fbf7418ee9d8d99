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
_ASCII_CHARACTERS = frozenset(map(chr, range(128)))
# How every ASCII character folds (each to one ASCII character), as a bytes table: a byte of
# UTF-8 at or past 128 is part of a longer character and is left as it is.
_ASCII_FOLDING = bytes(ord(_fold_character(chr(code))) for code in range(128)) + bytes(range(128, 256))
# Past this many different characters outside ASCII that folding changes, one `str.translate`
# beats a replace for each (most characters fold to themselves, ideographs for one).
FEW_OTHERS = 128
# Below this length `str.translate` is as quick as any other way.
SHORT = 4096


def fold(text: str) -> str:
    """`text` folded (see the module's description)."""
    if len(text) < SHORT:
        folded = text.translate(_TABLE)
    else:
        # Long text (a part's XML, binary read as UTF-16) holds few different characters outside
        # ASCII that folding changes: each is folded by one replace, then the whole folds byte by
        # byte. Folding goes character by character and folds what it made to itself, so the
        # order changes nothing.
        if not text.isascii():
            changing = {character: _TABLE[ord(character)] for character in set(text).difference(_ASCII_CHARACTERS)
                        if _TABLE[ord(character)] != character}
            # One replace each, unless there are many or one folds into another that changes.
            if len(changing) > FEW_OTHERS or not changing.keys().isdisjoint("".join(changing.values())):
                return SPACE_RUN.sub(" ", text.translate(_TABLE))
            for character, folded in changing.items():
                text = text.replace(character, folded)
        folded = text.encode("utf-8", "surrogatepass").translate(_ASCII_FOLDING).decode("utf-8", "surrogatepass")
    return SPACE_RUN.sub(" ", folded) if "  " in folded else folded


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
