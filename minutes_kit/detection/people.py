"""People in the record's registry, matched deterministically wherever their names are typed.

A registry person is found by full name, by title and surname ("Mrs Hall",
"Dr. Hall", "Mrs Jane Hall", "Mr van der Berg") and in the possessive
("Peter Hall's team": the span is the name, not the "'s"), in any case
("PETER HALL"). Names match as whole words, so "Hall" is never found in
"Hallam", and a straight apostrophe matches a curly one.

A first name or a surname standing alone ("Mairead agreed", "Brackley
said") is found too, as a span with no registry key: the release withholds a
registry person's full and titled names by itself, but a lone name is only
probably that person, so it goes to a reviewer as a finding. It counts only
when it is a run of one capitalised word, so "Town Hall" is not Mr Hall.

Rather than compile an expression per registry (slow when every line of a
batch has its own, as in `minutes scan --jsonl`), one expression finds runs
of capitalised words and each run's word sequences are looked up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from minutes_kit.detection.shapes import NAME_WORD, PARTICLE, SHOUTED_WORD, TITLE
from minutes_kit.detection.spans import PERSON, Span
from minutes_kit.text.folding import fold
from minutes_kit.text.forms import person_forms, surname

LONE_NAME_CONFIDENCE = 0.8
ANY_WORD = rf"{TITLE}|{NAME_WORD}|{SHOUTED_WORD}"
NAME_RUN = re.compile(rf"(?<![\w'’-])(?:{ANY_WORD})(?:\s+(?:{ANY_WORD}|{PARTICLE}(?=\s)))*(?![\w-])")
WORD = re.compile(rf"(?<![\w'’-])(?:{ANY_WORD}|{PARTICLE})(?![\w'’-])")


def _form(words: list[str]) -> str:
    """How a sequence of words is looked up: folded, as the release compares text."""
    return fold(" ".join(words))


@lru_cache(maxsize=4096)
def _looked_up_forms(name: str) -> tuple[str, ...]:
    """Every form of `name` as looked up; cached, since a batch of texts names the same people often."""
    return tuple(_form(form.split()) for form in person_forms(name))


def _clue(name: str) -> str:
    """The longest run of letters of the surname's last word, folded: in every form of the name."""
    return max(re.findall(r"[^\W\d_]+", fold(surname(name.split())[-1])) or [fold(name)], key=len)


class Registry:
    """The known people of one text: every written form of each name, by the form."""

    def __init__(self, people: Mapping[str, str], lone_names_of: Mapping[str, str] | None = None):
        """`people`: full name by registry key (or by the name itself when there is no key);
        `lone_names_of`: the people whose first name or surname alone is worth a finding
        (default: all of them; a scan leaves out the disclosable)."""
        self.forms: dict[str, str] = {}
        # A person's forms are made when a text first holds their surname: every form does
        # ("Mrs Hall", "P. Hall", "p.hall"), and most registry people are absent from most texts.
        self._absent = {key: (name, _clue(name)) for key, name in people.items() if name.split()}
        self.lone_names = {
            _form([word]) for name in (people if lone_names_of is None else lone_names_of).values()
            if len(name.split()) > 1 for word in (name.split()[0], *surname(name.split())[-1:])
        }
        self.longest = 0

    def _add_people_in(self, text: str) -> None:
        folded = fold(text)
        for key, (name, clue) in list(self._absent.items()):
            if clue in folded:
                del self._absent[key]
                # The forms a release withholds by itself, and no others: a form found here is
                # "already decided", so it must be one the release is sure to withhold.
                for form in _looked_up_forms(name):
                    self.forms[form] = key
                    self.longest = max(self.longest, form.count(" ") + 1)

    def find(self, text: str) -> Iterator[Span]:
        if self._absent:
            self._add_people_in(text)
        if not self.forms and not self.lone_names:
            return
        for run in NAME_RUN.finditer(text):
            words = list(WORD.finditer(run.group(0)))
            if len(words) == 1 and _form([words[0].group(0)]) in self.lone_names:
                yield Span(run.start(), run.end(), PERSON, LONE_NAME_CONFIDENCE, evidence="registry-lone")
                continue
            first = 0
            while first < len(words):
                for last in range(min(len(words), first + self.longest), first, -1):
                    key = self.forms.get(_form([word.group(0) for word in words[first:last]]))
                    if key is not None:
                        yield Span(run.start() + words[first].start(), run.start() + words[last - 1].end(), PERSON, 1.0, key,
                                   "registry")
                        first = last
                        break
                else:
                    first += 1
