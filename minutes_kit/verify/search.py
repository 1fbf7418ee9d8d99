"""Finding withheld strings in folded text, word by word.

The sweep finds needles with one large regular expression. This check must not fail the same
way, so it works differently: each needle is filed under its first two words (its only word, if
it has one), and a haystack is looked at only where one of the needles' first words stands in
it as a whole word. The set of the haystack's words tells at C speed which first words it holds
at all (most texts hold none); each of those few is then found by itself, and only there, with
the word after it, is a needle compared in full. Time grows with the text, with the first words
it holds and with the needles that begin with the same two words ("Mr H Brackley", "Mr H.
Brackley"), never with the product of text and needles: thousands of needles starting "Mr" cost
nothing where "Mr" is followed by a word none of them continues with. A text none of whose
characters folds to what a needle starts with is not folded at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from minutes_kit.text.folding import fold

# A word is a run of letters and digits: exactly the characters `str.isalnum` calls a word
# boundary's enemy, so the words cut here line up with the boundaries checked below.
WORD = re.compile(r"[^\W_]+")
KEY_WORDS = 2
# A number with nothing to say it is money, a date or a reference ("900", "1,184", "0.00").
BARE_NUMBER = re.compile(r"[\d.,]+")
# In ASCII text the letters and digits are the only word characters, so its words are what is
# left between the rest turned into spaces: found at C speed, without asking Unicode's classes.
ASCII_NON_WORD = str.maketrans({chr(code): " " for code in range(128) if not chr(code).isalnum()})
# Binary read as text repeats itself: its pieces of this length are far fewer than its characters.
PIECE = 16
# Past this many different first words in one text, walking its every word is cheaper than
# finding each of them by itself.
FEW_WORDS = 16


@dataclass(frozen=True)
class Needle:
    """A withheld string as written, its exemption code, and its folded form."""

    written: str
    code: str
    folded: str
    # Its first words, and where the last of them starts in `folded`.
    key: tuple[str, ...]
    last_key_at: int
    bare_number: bool

    def occurs_at(self, haystack: str, last_key_start: int) -> bool:
        """Whether the needle stands in `haystack` as a whole word, the last of its key words at
        `last_key_start`. No boundary is needed on the left: a needle starting with its first word
        starts where a word of the haystack starts, and one starting with punctuation needs none."""
        start = last_key_start - self.last_key_at
        if start < 0 or not haystack.startswith(self.folded, start):
            return False
        end = start + len(self.folded)
        return not (self.folded[-1].isalnum() and end < len(haystack) and haystack[end].isalnum())


def _implied(folded: str, needles: Mapping[str, object]) -> bool:
    """Whether a shorter needle stands inside this one at word boundaries, so that wherever this
    one is, that one is too ("mrs h. brackley" holds "h. brackley"): searching for it is enough.
    A bare number implies nothing, since bare numbers are not searched everywhere."""
    words = list(WORD.finditer(folded))
    for first in range(len(words)):
        for last in range(first, len(words)):
            inner = folded[words[first].start():words[last].end()]
            if inner != folded and inner in needles and BARE_NUMBER.fullmatch(inner) is None:
                return True
    return False


class NeedleIndex:
    """The withheld strings, filed by their first words."""

    def __init__(self, needles: Mapping[str, str]):
        self._by_key: dict[tuple[str, ...], list[Needle]] = {}
        # Strings with no letter or digit ("£"): rare, and found by plain search.
        self._wordless: list[Needle] = []
        folded_needles: dict[str, tuple[str, str]] = {}
        for written, code in needles.items():
            folded = fold(written).strip()
            if folded:
                folded_needles.setdefault(folded, (written, code))
        for folded, (written, code) in folded_needles.items():
            if _implied(folded, folded_needles):
                continue
            words = list(WORD.finditer(folded))[:KEY_WORDS]
            if not words:
                self._wordless.append(Needle(written, code, folded, (), 0, False))
                continue
            needle = Needle(written, code, folded, tuple(word.group() for word in words), words[-1].start(),
                            BARE_NUMBER.fullmatch(folded) is not None)
            self._by_key.setdefault(needle.key, []).append(needle)
        self._first_words = {key[0] for key in self._by_key}
        # What a needle starts with once folded, whatever the rest of it.
        self._first_characters = {needle.folded[0] for needle in self._wordless}.union(
            *({needle.folded[0] for needle in needles} for needles in self._by_key.values()))
        # The characters of each needle once folded, each set once, and whether it is a bare number.
        self._needle_characters = {(frozenset(needle.folded), needle.bare_number) for needle in self._wordless}.union(
            *({(frozenset(needle.folded), needle.bare_number) for needle in needles} for needles in self._by_key.values()))
        # The first words that some needle continues with a second, and the seconds of each.
        self._seconds: dict[str, set[str]] = {}
        for key in self._by_key:
            if len(key) > 1:
                self._seconds.setdefault(key[0], set()).add(key[1])
        self._continued = set(self._seconds)
        self._alone: dict[str, re.Pattern[str]] = {}

    def find(self, text: str, *, bare_numbers: bool = True) -> Iterator[Needle]:
        """Each needle that occurs in `text` as a whole word, once, in the order first met; needles
        that are only a number ("900") are skipped unless `bare_numbers`."""
        if not self._may_hold_any(text, bare_numbers):
            return
        seen: set[str] = set()
        for _, needle in self.occurrences(fold(text), bare_numbers=bare_numbers):
            if needle.folded not in seen:
                seen.add(needle.folded)
                yield needle

    def _may_hold_any(self, text: str, bare_numbers: bool) -> bool:
        """False only when no needle can be in `text` once folded. Folding goes character by
        character, so a needle's characters must come from the text's. Which
        characters a text holds costs far less to learn than folding it where folding is dearest:
        binary read as UTF-16, where every character is one folding looks up. Nothing is spent on
        ASCII text, which folds fast, nor where a needle's first character is plainly there."""
        if not self._first_characters:
            return False
        if text.isascii() or any(first in text for first in self._first_characters):
            return True
        # Folded together, the characters fold each as it would alone: only runs of spaces merge.
        # A needle can be there only if each of its characters is: binary read as UTF-16 makes
        # a letter or two by chance ("ⓟ" folds to "p"), seldom every letter of a name.
        folded = set(fold("".join(_characters(text))))
        return any(characters <= folded for characters, bare_number in self._needle_characters
                   if bare_numbers or not bare_number)

    def occurrences(self, haystack: str, *, bare_numbers: bool = True) -> list[tuple[int, Needle]]:
        """Every place a needle stands in the folded `haystack` as a whole word, as (start, needle):
        needles with words in the order of the word they are found by, then those without."""
        found: list[tuple[int, int, int, int, Needle]] = []
        for word in self._first_words_in(haystack):
            first = word.group()
            if (first,) in self._by_key:
                found += self._filed(haystack, (first,), word.start(), bare_numbers, rank=0)
            if first in self._continued and (following := WORD.search(haystack, word.end())) is not None:
                key = (first, following.group())
                if key in self._by_key:
                    found += self._filed(haystack, key, following.start(), bare_numbers, rank=1)
        # In the order a reader meets them: by the word a needle is found at, a one-word key before
        # a two-word one, then as filed.
        found.sort(key=lambda place: place[:3])
        places = [(start, needle) for *_, start, needle in found]
        for needle in self._wordless:
            start = haystack.find(needle.folded)
            while start >= 0:
                places.append((start, needle))
                start = haystack.find(needle.folded, start + 1)
        return places

    def _first_words_in(self, haystack: str) -> list[re.Match[str]]:
        """Each whole word of `haystack` that is some needle's first word, unless every needle
        starting with it has a second word the haystack lacks: a first word as common as "p"
        ("P Lomax"; "<w:p>" in markup) is then not looked at in each of its places."""
        words = set(_words(haystack))
        present = {first for first in self._first_words.intersection(words)
                   if (first,) in self._by_key or not self._seconds[first].isdisjoint(words)}
        if len(present) > FEW_WORDS:
            return [word for word in WORD.finditer(haystack) if word.group() in present]
        return [word for first in present for word in self._standing_alone(first).finditer(haystack)]

    def _standing_alone(self, word: str) -> re.Pattern[str]:
        """`word` with no letter or digit on either side. The look behind comes after the word so
        that the search runs at the speed of finding the word itself."""
        pattern = self._alone.get(word)
        if pattern is None:
            literal = re.escape(word)
            pattern = self._alone[word] = re.compile(rf"{literal}(?<![^\W_]{literal})(?![^\W_])")
        return pattern

    def _filed(self, haystack: str, key: tuple[str, ...], last_key_start: int, bare_numbers: bool,
               rank: int) -> list[tuple[int, int, int, int, Needle]]:
        return [(last_key_start, rank, order, last_key_start - needle.last_key_at, needle)
                for order, needle in enumerate(self._by_key[key])
                if (bare_numbers or not needle.bare_number) and needle.occurs_at(haystack, last_key_start)]


def _words(text: str) -> list[str]:
    """The words of `text`, repeats and all."""
    return text.translate(ASCII_NON_WORD).split() if text.isascii() else WORD.findall(text)


def _characters(text: str) -> set[str]:
    """The characters `text` holds: those of its distinct pieces, which cost less to tell apart."""
    return set("".join({text[start : start + PIECE] for start in range(0, len(text), PIECE)}))
