"""The series file: what every meeting of a series shares.

A series is a folder holding ``series.yaml`` and one record per meeting. The
series file names the series, its marking, the people registry every action
owner must belong to, the standing attendees and the standing agenda items
that ``minutes new`` writes into each new record.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from minutes_kit.record.base import StrictModel, Text
from minutes_kit.record.model import Classification, Contact, Descriptor, Language, Person, PersonKey, marking

SERIES_FILE = "series.yaml"


class StandingItem(StrictModel):
    title: Text
    reviews_actions: bool = Field(False, description="The action-points item, where outstanding actions are reviewed.")
    paragraphs: list[Text] = Field(
        default_factory=list, description="Paragraphs written into every new record under this item."
    )


class SeriesFile(StrictModel):
    """The shared part of a meeting series, in ``series.yaml`` beside the meeting records."""

    id: Text = Field(description="The series identifier every record gives as meeting.series, e.g. 'CPG-NORTH'.")
    title: Text
    classification: Classification
    descriptor: Descriptor | None = None
    location: Text = Field(description="Where the series usually meets; a new record starts with it.")
    start: dt.time | None = None
    end: dt.time | None = None
    people: dict[PersonKey, Person] = Field(description="The series registry: every action owner must be here.")
    chair: PersonKey
    attendees: list[PersonKey] = Field(min_length=1, description="Standing attendees, chair first.")
    notes_by: PersonKey | None = None
    standing_items: list[StandingItem] = Field(min_length=1)
    contact: Contact | None = None
    language: Language | None = Field(
        None, description="The language of the series' documents (en-GB by default, cy-GB for Welsh); a record "
                          "that gives none in its meeting takes this one.")

    @property
    def marking(self) -> str:
        return marking(self.classification, self.descriptor)
