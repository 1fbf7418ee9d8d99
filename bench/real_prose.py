"""What the real-prose corpus generators share: invented people written in the forms UK public-sector
documents use, document templates with slots, and writing the labelled corpus.

A template is a document: blocks separated by a blank line, each block one corpus line (an
attendance list is one block, a paragraph another). Slots:

- `{1.tinit}`: person 1 of the document in a form (see `FORMS`); a PERSON gold span, except the
  form `initials` ("KB"), which the labelling rules leave unlabelled;
- `{org}`, `{road}`, ...: a word from the generator's pool of that name (never a person).

Telephone numbers written in the template are labelled PHONE.

The same person number in one document is the same invented person, as minutes name someone in
full in the attendance list and by title and surname afterwards. Labelling rules:
bench/REAL_PROSE_LABELLING.md. Kept apart from `minutes_kit.detection`: the corpus must not share
code with what it scores.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

TELEPHONE = re.compile(r"(?<!\d)0\d{3,4} \d{3} \d{3,4}(?!\d)")
SLOT = re.compile(r"\{(?:(\d+)\.(\w+)|(\w+))\}")
TITLES_BY_SEX = {"f": ("Mrs", "Ms", "Miss", "Dr", "Ms", "Mrs"), "m": ("Mr", "Mr", "Dr", "Mr")}


@dataclass(frozen=True)
class Person:
    title: str
    first: str
    middle_initial: str
    surname: str

    def form(self, name: str) -> str:
        initial = self.first[0]
        forms = {
            "full": f"{self.first} {self.surname}",
            "tfull": f"{self.title} {self.first} {self.surname}",
            "tinit": f"{self.title} {initial} {self.surname}",
            "tinitdot": f"{self.title} {initial}. {self.surname}",
            "tinit2": f"{self.title} {initial}{self.middle_initial} {self.surname}",
            "tsur": f"{self.title} {self.surname}",
            "init": f"{initial} {self.surname}",
            "initdot": f"{initial}. {self.surname}",
            "sur": self.surname,
            "first": self.first,
            "caps": f"{self.first} {self.surname}".upper(),
            "tcaps": f"{self.title} {initial} {self.surname}".upper(),
            "capsur": f"{self.first} {self.surname.upper()}",
            "lower": f"{self.first} {self.surname.lower()}",
            "initials": f"{initial}{self.surname[0]}",
        }
        return forms[name]


class Names:
    """Invented people from first-name and surname pools, never the same full name twice in a corpus."""

    def __init__(self, female: str, male: str, surnames: str, rng: random.Random):
        self.pools = {"f": female.split(), "m": male.split()}
        self.surnames = surnames.split()
        self.rng = rng
        self.used: set[str] = set()

    def person(self) -> Person:
        while True:
            sex = self.rng.choice("fm")
            first, surname = self.rng.choice(self.pools[sex]), self.rng.choice(self.surnames).replace("_", " ")
            if f"{first} {surname}" not in self.used:
                self.used.add(f"{first} {surname}")
                middle = self.rng.choice("ABCDEFGHJKLMNPRSTW")
                return Person(self.rng.choice(TITLES_BY_SEX[sex]), first, middle, surname)


def fill(template: str, names: Names, pools: Mapping[str, Sequence[str]], rng: random.Random) -> list[dict]:
    """The document's lines: each block's text and its PERSON spans."""
    people: dict[str, Person] = {}
    drawn: dict[str, list[str]] = {key: rng.sample(list(values), len(values)) for key, values in pools.items()}
    used: dict[str, int] = {}
    lines = []
    for block in (block.strip("\n") for block in template.strip().split("\n\n")):
        text, spans, at = "", [], 0
        for slot in SLOT.finditer(block):
            text += block[at:slot.start()]
            at = slot.end()
            if slot.group(1):
                person = people.setdefault(slot.group(1), names.person())
                piece = person.form(slot.group(2))
                if slot.group(2) != "initials":
                    spans.append({"start": len(text), "end": len(text) + len(piece), "category": "PERSON"})
            else:
                key = slot.group(3)
                index = used.get(key, 0)
                used[key] = index + 1
                piece = drawn[key][index % len(drawn[key])]
            text += piece
        text += block[at:]
        spans += [{"start": match.start(), "end": match.end(), "category": "PHONE"} for match in TELEPHONE.finditer(text)]
        spans.sort(key=lambda span: span["start"])
        lines.append({"text": text, "known": [], "spans": spans})
    return lines


def write(path: Path, documents: Sequence[tuple[str, str]], names: Names, pools: Mapping[str, Sequence[str]],
          rng: random.Random, copies: int) -> None:
    """`copies` instances of each (kind, template), each with new people; one line per block, with
    the document's number and kind."""
    rows = []
    number = 0
    for _ in range(copies):
        for kind, template in documents:
            number += 1
            for line in fill(template, names, pools, rng):
                rows.append({**line, "document": number, "kind": kind})
    for row in rows:
        for span in row["spans"]:
            assert row["text"][span["start"]:span["end"]].strip() == row["text"][span["start"]:span["end"]]
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    words = sum(len(row["text"].split()) for row in rows)
    print(f"wrote {path}: {number} documents, {len(rows)} lines, {words:,} words, "
          f"{sum(len(row['spans']) for row in rows)} names")
