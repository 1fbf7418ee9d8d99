"""The series file: what every meeting of a series shares.

A series is a folder holding ``series.yaml`` and one record per meeting. The
series file names the series, its marking, the registry of people and teams
every action owner must belong to, the standing attendees and the standing agenda items
that ``minutes new`` writes into each new record.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from minutes_kit.record.base import StrictModel, Text, Time
from minutes_kit.record.model import Classification, Contact, Descriptor, Language, Person, PersonKey, Team, TeamKey, marking

SERIES_FILE = "series.yaml"


class StandingItem(StrictModel):
    title: Text
    reviews_actions: bool = Field(False, description="The action-points item, where outstanding actions are reviewed.")
    paragraphs: list[Text] = Field(
        default_factory=list, description="Paragraphs written into every new record under this item."
    )


class ActionPlanHeader(StrictModel):
    """The header block of the series' Provider Action Plan (`minutes action-log --layout action-plan`)."""

    provider: Text = Field(description="The organisation delivering the contract the plan is for.")
    contract: Text | None = Field(None, description="The contract, lot or contract package area the plan covers.")
    accountable_lead: Text | None = Field(None, description="The provider's accountable lead for the plan, by name.")
    performance_manager: Text | None = Field(None, description="The commissioning body's performance manager, by name.")
    senior_performance_manager: Text | None = Field(
        None, description="The commissioning body's senior performance manager, by name.")
    date: dt.date | None = Field(None, description="The date of the plan, YYYY-MM-DD. Default: the as-of date.")
    update: Text | None = Field(
        None, description="The monthly update: key achievements, emerging opportunities and risks, and how each "
                          "risk is mitigated.")


class SeriesFile(StrictModel):
    """The shared part of a meeting series, in ``series.yaml`` beside the meeting records."""

    id: Text = Field(description="The series identifier every record gives as meeting.series, e.g. 'CPG-NORTH'.")
    title: Text
    classification: Classification
    descriptor: Descriptor | None = None
    location: Text = Field(description="Where the series usually meets; a new record starts with it.")
    start: Time | None = Field(None, description="When the series usually starts, HH:MM; a new record starts with it.")
    end: Time | None = Field(None, description="When the series usually ends, HH:MM.")
    people: dict[PersonKey, Person] = Field(description="The series registry: every action owner must be here.")
    teams: dict[TeamKey, Team] = Field(
        default_factory=dict,
        description="Teams and organisations that own actions, by short key: the series registry of teams.",
    )
    chair: PersonKey
    attendees: list[PersonKey] = Field(min_length=1, description="Standing attendees, chair first.")
    notes_by: PersonKey | None = None
    standing_items: list[StandingItem] = Field(min_length=1)
    contact: Contact | None = None
    language: Language | None = Field(
        None, description="The language of the series' documents (en-GB by default, cy-GB for Welsh); a record "
                          "that gives none in its meeting takes this one.")
    action_plan: ActionPlanHeader | None = Field(
        None, description="The header block of the series' Provider Action Plan: provider, contract, leads, date, "
                          "monthly update.")

    @property
    def marking(self) -> str:
        return marking(self.classification, self.descriptor)
