"""Finding withheld strings in folded text, word by word.

The sweep finds needles with one large regular expression. This check must not fail the same
way, so it works differently: the haystack is cut once into words, each needle is filed under
its first two words (its only word, if it has one), and only where the haystack's words are a
needle's first words is the needle compared in full. Time grows with the text and with the
needles that begin with the same two words ("Mr H Brackley", "Mr H. Brackley"), never with the
product of text and needles: thousands of needles starting "Mr" cost nothing where "Mr" is
followed by a word none of them continues with.
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


class NeedleIndex:
    """The withheld strings, filed by their first words."""

    def __init__(self, needles: Mapping[str, str]):
        self._by_key: dict[tuple[str, ...], list[Needle]] = {}
        # Strings with no letter or digit ("£"): rare, and found by plain search.
        self._wordless: list[Needle] = []
        seen: set[str] = set()
        for written, code in needles.items():
            folded = fold(written).strip()
            if not folded or folded in seen:
                continue
            seen.add(folded)
            words = list(WORD.finditer(folded))[:KEY_WORDS]
            if not words:
                self._wordless.append(Needle(written, code, folded, (), 0, False))
                continue
            needle = Needle(written, code, folded, tuple(word.group() for word in words), words[-1].start(),
                            BARE_NUMBER.fullmatch(folded) is not None)
            self._by_key.setdefault(needle.key, []).append(needle)
        self._first_words = {key[0] for key in self._by_key}

    def find(self, text: str, *, bare_numbers: bool = True) -> Iterator[Needle]:
        """Each needle that occurs in `text` as a whole word, once, in the order first met; needles
        that are only a number ("900") are skipped unless `bare_numbers`."""
        haystack = fold(text)
        # Most texts start no needle at all; telling so from the set of their words is cheap.
        if not self._first_words.isdisjoint(WORD.findall(haystack)):
            yield from self._anchored(haystack, bare_numbers)
        for needle in self._wordless:
            if needle.folded in haystack:
                yield needle

    def _anchored(self, haystack: str, bare_numbers: bool) -> Iterator[Needle]:
        found: set[str] = set()
        previous = ""
        for word in WORD.finditer(haystack):
            token = word.group()
            # Only a word that begins some needle can begin a key of one or two words.
            keys = ((token,), (previous, token)) if previous else ((token,),)
            for key in keys:
                for needle in self._by_key.get(key, ()):
                    if (needle.folded not in found and (bare_numbers or not needle.bare_number)
                            and needle.occurs_at(haystack, word.start())):
                        found.add(needle.folded)
                        yield needle
            previous = token if token in self._first_words else ""
