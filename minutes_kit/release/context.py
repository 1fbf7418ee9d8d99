"""The minutes context with exempt information replaced by marks.

The release builder overrides only the gateways through which record text
reaches the context (names, people, marked spans, references and the
withholdable fields), so everything the ordinary minutes show passes through
the same decisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from minutes_kit.record.exemptions import Exemption
from minutes_kit.record.markup import Marked
from minutes_kit.record.model import Action
from minutes_kit.release.ledger import RedactionLedger
from minutes_kit.release.plan import RedactionPlan
from minutes_kit.text.forms import date_forms, person_forms
from minutes_kit.rendering.context import MinutesContextBuilder, title_block_location

REVIEW_MARKING = "REVIEW COPY – NOT FOR RELEASE"
PEOPLE_FIELDS = ("chair", "attendees", "observers", "apologies", "notes_by")


class ReleaseContextBuilder(MinutesContextBuilder):
    def __init__(self, plan: RedactionPlan, ledger: RedactionLedger, *, review: bool = False,
                 raised: Mapping[str, Action] | None = None):
        super().__init__(plan.record, raised)
        self.plan = plan
        self.ledger = ledger
        self.review = review
        self.plain = MinutesContextBuilder(plan.record, raised)
        self.withheld_codes: dict[str, str] = {}
        for key in plan.record.people:
            exemption = plan.person_code(key)
            if exemption is not None:
                person = plan.record.people[key]
                for needle in person_forms(person.name, person.email):
                    ledger.search_for(needle, exemption)

    def name(self, key: str, *, at: str) -> str:
        exemption = self.plan.person_code(key)
        if exemption is None:
            return super().name(key, at=at)
        return self.ledger.add(exemption, at, self.record.people[key].name)

    def marked(self, span: Marked, *, at: str) -> str:
        exemption = self.plan.category_code(span.category) if span.category else self.plan.code(span.label)
        if exemption is None:
            return self.text(span.text, at=at)
        return self.ledger.add(exemption, at, self.plain.text(span.text, at=at))

    def person(self, key: str, *, at: str) -> dict[str, str]:
        exemption = self.plan.person_code(key)
        shown = super().person(key, at=at)
        if exemption is None:
            return shown
        person = self.record.people[key]
        # A role can identify its holder as surely as a name, so both go.
        identity = ", ".join(part for part in (person.name, person.role) if part)
        mark = self.ledger.add(exemption, at, identity, also_search=(person.name,))
        shown.update(role="", listing=f"{mark}, {person.organisation}")
        if person.email:
            local, domain = person.email.split("@", 1)
            shown["email"] = f"{self.ledger.add(exemption, at, local)}@{domain}"
        return shown

    def ref(self, reference: str, *, at: str) -> str:
        exemption = self.plan.action_ref_code() or self._withheld_date_in(reference)
        if exemption is None:
            return reference
        return self.ledger.add(exemption, at, reference)

    def _withheld_date_in(self, reference: str) -> Exemption | None:
        """A derived reference (``ADV-260512-01``) carries the meeting's date: withheld with it."""
        exemption = self.plan.field_code("date")
        return exemption if exemption is not None and f"{self.record.meeting.date:%y%m%d}" in reference else None

    def _withheld(self, name: str, shown: str, at: str, also_search: tuple[str, ...] = ()) -> str:
        exemption = self.plan.field_code(name)
        self.withheld_codes[name] = exemption.code
        return self.ledger.add(exemption, at, shown, glue_code=False, also_search=also_search)

    def title_block(self) -> dict[str, Any]:
        fields = super().title_block()
        plain = self.plain.title_block()
        for name in fields:
            if self.plan.field_code(name) is None or not plain[name]:
                continue
            at = title_block_location(name)
            if name in PEOPLE_FIELDS:
                entries = plain[name] if isinstance(plain[name], list) else [plain[name]]
                listing = "; ".join(entry["listing"] for entry in entries)
                mark = self._withheld(name, listing, at, tuple(entry["name"] for entry in entries))
                withheld = {key: mark for key in entries[0]}
                fields[name] = [withheld] if isinstance(plain[name], list) else withheld
            else:
                extra = tuple(date_forms(self.record.meeting.date)) if name == "date" else ()
                fields[name] = self._withheld(name, plain[name], at, extra)
        return fields

    def next_meeting(self) -> str:
        upcoming = self.record.next_meeting
        if upcoming is None or self.plan.field_code("next_meeting") is None:
            return super().next_meeting()
        extra = tuple(date_forms(upcoming.date)) + ((upcoming.location,) if upcoming.location else ())
        return self._withheld("next_meeting", self.plain.next_meeting(), "Next meeting", extra)

    def contact(self) -> dict[str, str] | None:
        shown = super().contact()
        if shown is None or self.plan.field_code("contact") is None:
            return shown
        plain = self.plain.contact()
        mark = self._withheld("contact", f"{plain['listing']} {plain['email']}".strip(), "Contact",
                              tuple(value for value in (plain["name"], plain["email"]) if value))
        return {key: mark for key in shown}

    def context(self) -> dict[str, Any]:
        context = super().context()
        context["codes"].update(self.withheld_codes)
        if self.review:
            context["marking"] = f"{context['marking']} – {REVIEW_MARKING}"
        return context
