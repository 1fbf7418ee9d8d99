"""The ledger of a release: every redaction made while it is built, and every string the
finished file must not contain.

A redaction's removed text is kept in memory only, to search the finished file for it; it is
never written to any output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutes_kit.record.exemptions import Exemption
from minutes_kit.text.forms import money_forms, searchable

# Private-use characters: they cannot occur in record text, so a mark in rendered text is unambiguous.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
MARK_PATTERN = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


@dataclass
class Redaction:
    ident: int
    exemption: Exemption
    location: str
    removed: str
    glue_code: bool = True
    """False for a whole field, whose code stands after its label instead (``Date:S38``)."""
    direct: bool = False
    """Masked where it stood (an attribute, a link target), not through a mark in the text."""
    number: int = 0
    """Its number in the schedule, in document order; 0 until it has been placed."""
    page: int | None = None
    reference: str = ""
    """Its page and place on the page, "3.2", once the page is known: how the summary names it."""


@dataclass
class RedactionLedger:
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

    def add_direct(self, exemption: Exemption, location: str) -> None:
        """Record a redaction masked where it stood, outside the document's text."""
        ident = len(self.redactions) + 1
        self.redactions[ident] = Redaction(ident, exemption, location, "", direct=True)

    def search_for(self, needle: str, exemption: Exemption) -> None:
        """Add a string the finished release must not contain, in every form it can be written
        (a sum of money with or without £ and separators); too short a string is not searchable."""
        for form in (needle, *money_forms(needle)):
            form = " ".join(form.split())
            # A name is withheld wherever it appears: asked again for each, found here at once.
            if form not in self.needles and searchable(form):
                self.needles[form] = exemption

    def placed(self) -> list[Redaction]:
        return sorted((r for r in self.redactions.values() if r.number), key=lambda r: r.number)
