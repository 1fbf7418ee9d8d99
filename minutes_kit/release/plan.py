"""What a release withholds: the effective code of every person, field, category and action
reference of one record under one policy."""

from __future__ import annotations

from dataclasses import dataclass

from minutes_kit.record.exemptions import Catalogue, Exemption
from minutes_kit.record.model import MeetingRecord
from minutes_kit.release.policy import LoadedPolicy

@dataclass(frozen=True)
class RedactionPlan:
    """The codes that apply to one record under one policy."""

    record: MeetingRecord
    policy: LoadedPolicy
    catalogue: Catalogue

    def person_code(self, key: str) -> Exemption | None:
        """The code withholding a registry key's name; None for a disclosable person and for a team,
        which is never personal data."""
        if key in self.record.teams:
            return None
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

