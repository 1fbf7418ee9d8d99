"""What a release withholds: the effective code of every person, field and category, and the
register of redactions made while the document is built.

A redaction's removed text is kept in memory only, to search the finished
file for it; it is never written to any output.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutes_kit.detection import TITLES
from minutes_kit.record.exemptions import Catalogue, Exemption
from minutes_kit.record.model import MeetingRecord, Person
from minutes_kit.release.policy import LoadedPolicy

# Private-use characters: they cannot occur in record text, so a mark in rendered text is unambiguous.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
MARK_PATTERN = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")

MIN_NEEDLE_CHARACTERS = 3
MIN_NEEDLE_LETTERS = 2


@dataclass
class Redaction:
    ident: int
    exemption: Exemption
    location: str
    removed: str
    glue_code: bool = True
    """False for a whole field, whose code stands after its label instead (``Date:S38``)."""
    number: int = 0
    """Its number in the schedule, in document order; 0 until it has been placed."""
    page: int | None = None


@dataclass
class Register:
    """Every redaction made while building a release, and the strings it must never contain."""

    redactions: dict[int, Redaction] = field(default_factory=dict)
    needles: dict[str, Exemption] = field(default_factory=dict)

    def add(self, exemption: Exemption, location: str, removed: str, *, glue_code: bool = True,
            also_search: tuple[str, ...] = ()) -> str:
        """Record a redaction and return the mark that stands in the text for it."""
        ident = len(self.redactions) + 1
        self.redactions[ident] = Redaction(ident, exemption, location, removed, glue_code)
        for needle in (removed, *also_search):
            self.search_for(needle, exemption)
        return f"{MARK_OPEN}{ident}{MARK_CLOSE}"

    def search_for(self, needle: str, exemption: Exemption) -> None:
        """Add a string the finished release must not contain; too short a string is not searchable."""
        needle = " ".join(needle.split())
        if searchable(needle):
            self.needles.setdefault(needle, exemption)

    def placed(self) -> list[Redaction]:
        return sorted((r for r in self.redactions.values() if r.number), key=lambda r: r.number)


@dataclass(frozen=True)
class RedactionPlan:
    """The codes that apply to one record under one policy."""

    record: MeetingRecord
    policy: LoadedPolicy
    catalogue: Catalogue

    def person_code(self, key: str) -> Exemption | None:
        person = self.record.people[key]
        if person.disclosable:
            return None
        return self.catalogue.lookup(person.exemption or self.policy.policy.people)

    def field_code(self, name: str) -> Exemption | None:
        written = (self.record.release.fields.get(name) if self.record.release else None) or \
            self.policy.policy.fields.get(name)
        return self.catalogue.lookup(written) if written else None

    def category_code(self, category: str) -> Exemption | None:
        written = self.policy.policy.categories.get(category)
        return self.catalogue.lookup(written) if written else None

    def action_ref_code(self) -> Exemption | None:
        written = self.policy.policy.action_refs
        return self.catalogue.lookup(written) if written else None

    def code(self, written: str) -> Exemption:
        return self.catalogue.lookup(written)


def searchable(needle: str) -> bool:
    """Long enough to search for as a whole word without hitting page numbers and dates: three
    letters or digits, or two letters (a short name such as "Jo" must still be found; "23" need not)."""
    return (sum(character.isalnum() for character in needle) >= MIN_NEEDLE_CHARACTERS
            or sum(character.isalpha() for character in needle) >= MIN_NEEDLE_LETTERS)


def person_needles(person: Person) -> tuple[str, ...]:
    """The forms in which a withheld person's name may appear: titled surname, email and its local part."""
    surname = person.name.split()[-1]
    forms = [f"{title}{dot} {surname}" for title in TITLES for dot in ("", ".")]
    if person.email:
        local = person.email.split("@")[0]
        # The local part alone, so that "XXXXXXS40(2)@example.gov.uk" keeps the organisation's domain;
        # the whole address when the local part is too short to search for on its own.
        forms.append(local if searchable(local) else person.email)
    return tuple(forms)


def date_needles(day: dt.date) -> tuple[str, ...]:
    """A withheld date in the other ways it is commonly written."""
    return (
        day.isoformat(), f"{day.day} {day:%B %Y}", f"{day.day} {day:%b %Y}",
        f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day.year}",
    )
