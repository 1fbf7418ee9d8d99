"""The minutes context with exempt information replaced by marks.

The release builder overrides only the gateways through which record text
reaches the context (names, people, marked spans, references and the
withholdable fields), so everything the ordinary minutes show passes through
the same decisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from minutes_kit.record.markup import Marked
from minutes_kit.record.model import Action
from minutes_kit.release.plan import Register, RedactionPlan, date_needles, person_needles
from minutes_kit.rendering.context import MinutesContextBuilder

REVIEW_MARKING = "REVIEW COPY – NOT FOR RELEASE"
PEOPLE_FIELDS = ("chair", "attendees", "observers", "apologies", "notes_by")


class ReleaseContextBuilder(MinutesContextBuilder):
    def __init__(self, plan: RedactionPlan, register: Register, *, review: bool = False,
                 raised: Mapping[str, Action] | None = None):
        super().__init__(plan.record, raised)
        self.plan = plan
        self.register = register
        self.review = review
        self.plain = MinutesContextBuilder(plan.record, raised)
        self.withheld_codes: dict[str, str] = {}
        for key in plan.record.people:
            exemption = plan.person_code(key)
            if exemption is not None:
                person = plan.record.people[key]
                for needle in (person.name, *person_needles(person)):
                    register.search_for(needle, exemption)

    def name(self, key: str) -> str:
        exemption = self.plan.person_code(key)
        if exemption is None:
            return super().name(key)
        return self.register.add(exemption, self.location, self.record.people[key].name)

    def marked(self, span: Marked) -> str:
        exemption = self.plan.category_code(span.category) if span.category else self.plan.code(span.label)
        if exemption is None:
            return self.text(span.text)
        return self.register.add(exemption, self.location, self.plain.text(span.text))

    def person(self, key: str) -> dict[str, str]:
        exemption = self.plan.person_code(key)
        shown = super().person(key)
        if exemption is None:
            return shown
        person = self.record.people[key]
        # A role can identify its holder as surely as a name, so both go.
        identity = ", ".join(part for part in (person.name, person.role) if part)
        mark = self.register.add(exemption, self.location, identity, also_search=(person.name,))
        shown.update(role="", listing=f"{mark}, {person.organisation}")
        if person.email:
            local, domain = person.email.split("@", 1)
            shown["email"] = f"{self.register.add(exemption, self.location, local)}@{domain}"
        return shown

    def ref(self, reference: str) -> str:
        exemption = self.plan.action_ref_code()
        if exemption is None:
            return reference
        return self.register.add(exemption, self.location, reference)

    def _withheld(self, name: str, shown: str, also_search: tuple[str, ...] = ()) -> str:
        exemption = self.plan.field_code(name)
        self.withheld_codes[name] = exemption.code
        return self.register.add(exemption, self.location, shown, glue_code=False, also_search=also_search)

    def title_block(self) -> dict[str, Any]:
        fields = super().title_block()
        plain = self.plain.title_block()
        for name in fields:
            if self.plan.field_code(name) is None or not plain[name]:
                continue
            self.location = f"Title block: {name.replace('_', ' ').capitalize()}"
            if name in PEOPLE_FIELDS:
                entries = plain[name] if isinstance(plain[name], list) else [plain[name]]
                listing = "; ".join(entry["listing"] for entry in entries)
                mark = self._withheld(name, listing, tuple(entry["name"] for entry in entries))
                withheld = {key: mark for key in entries[0]}
                fields[name] = [withheld] if isinstance(plain[name], list) else withheld
            else:
                extra = date_needles(self.record.meeting.date) if name == "date" else ()
                fields[name] = self._withheld(name, plain[name], extra)
        return fields

    def next_meeting(self) -> str:
        upcoming = self.record.next_meeting
        if upcoming is None or self.plan.field_code("next_meeting") is None:
            return super().next_meeting()
        extra = date_needles(upcoming.date) + ((upcoming.location,) if upcoming.location else ())
        return self._withheld("next_meeting", self.plain.next_meeting(), extra)

    def contact(self) -> dict[str, str] | None:
        shown = super().contact()
        if shown is None or self.plan.field_code("contact") is None:
            return shown
        plain = self.plain.contact()
        mark = self._withheld("contact", f"{plain['listing']} {plain['email']}".strip(),
                              tuple(value for value in (plain["name"], plain["email"]) if value))
        return {key: mark for key in shown}

    def context(self) -> dict[str, Any]:
        context = super().context()
        context["codes"].update(self.withheld_codes)
        if self.review:
            context["marking"] = f"{context['marking']} – {REVIEW_MARKING}"
        return context
