"""The meeting record: one YAML file per meeting, described as pydantic models.

The JSON Schema in ``schemas/meeting.schema.json`` is generated from these
classes, so field descriptions here are what an editor shows while typing.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag, ValidationInfo, field_validator

from minutes_kit.record.base import StrictModel
from minutes_kit.record.base import Email, Text, Time
from minutes_kit.record.performance import Performance

PERSON_KEY_PATTERN = r"^[a-z][a-z0-9_]*$"

PersonKey = Annotated[
    str,
    StringConstraints(pattern=PERSON_KEY_PATTERN),
    Field(description="A key of the people registry, e.g. 'ab'."),
]

TeamKey = Annotated[
    str,
    StringConstraints(pattern=PERSON_KEY_PATTERN),
    Field(description="A key of the teams registry, e.g. 'estates'."),
]

OwnerKey = Annotated[
    str,
    StringConstraints(pattern=PERSON_KEY_PATTERN),
    Field(description="A key of the people registry or of the teams registry, e.g. 'ab' or 'estates'."),
]


DEFAULT_LANGUAGE = "en-GB"
"""The language of every document the toolkit writes, unless a record or its series says otherwise."""
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?$"
"""A BCP 47 language tag of a language, an optional script and an optional region: en-GB, cy-GB, cy."""


def _language_case(tag: str) -> str:
    """A tag in its usual case, as Word writes it: ``EN-gb`` -> ``en-GB``, ``sr-latn-rs`` -> ``sr-Latn-RS``."""
    parts = tag.split("-")
    shown = [parts[0].lower()]
    for part in parts[1:]:
        shown.append(part.capitalize() if len(part) == 4 else part.upper())
    return "-".join(shown)


Language = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=LANGUAGE_PATTERN),
    AfterValidator(_language_case),
    Field(description="The documents' language, a BCP 47 tag: en-GB (the default), cy-GB for Welsh."),
]


class Classification(str, Enum):
    OFFICIAL = "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"


class Descriptor(str, Enum):
    COMMERCIAL = "COMMERCIAL"
    PERSONAL = "PERSONAL"
    LOCSEN = "LOCSEN"


class Status(str, Enum):
    DRAFT = "draft"
    FINAL = "final"


def marking(classification: Classification, descriptor: Descriptor | None) -> str:
    """The words printed at the top and bottom of every page: 'OFFICIAL-SENSITIVE COMMERCIAL'."""
    return classification.value if descriptor is None else f"{classification.value} {descriptor.value}"


class Person(StrictModel):
    name: Text = Field(description="Full name as it appears in the minutes.")
    role: Text | None = Field(None, description="Job title or role at the meeting.")
    organisation: Text = Field(description="Organisation the person represents.")
    email: Email | None = None
    disclosable: bool = Field(
        False, description="True for a senior official whose name is public: never redacted in a release."
    )
    exemption: Text | None = Field(
        None, description="Exemption code for this person in a release, instead of the policy's (usually S40(2))."
    )


class Team(StrictModel):
    """A team or organisation that owns actions: never personal data, so never withheld in a release."""

    name: Text = Field(description="The name the minutes and action logs show, e.g. 'Patient Safety Team'.")
    organisation: Text | None = Field(None, description="The organisation the team belongs to, if any.")


class Meeting(StrictModel):
    series: Text = Field(description="Identifier of the meeting series, e.g. 'LPG-NORTH'.")
    title: Text
    date: dt.date = Field(description="Date of the meeting, YYYY-MM-DD.")
    start: Time | None = Field(None, description="Start time, HH:MM.")
    end: Time | None = Field(None, description="End time, HH:MM.")
    location: Text
    classification: Classification = Field(
        description="Security classification printed at the top and bottom of every page."
    )
    descriptor: Descriptor | None = Field(
        None, description="Optional handling descriptor added to OFFICIAL-SENSITIVE."
    )
    status: Status = Field(Status.DRAFT, description="A draft carries DRAFT on every page.")
    language: Language | None = Field(
        None,
        description=("The language of the minutes, a BCP 47 tag such as en-GB or cy-GB (Welsh): spelling is "
                     "checked and screen readers speak in it. Default: the series' language, else en-GB."),
    )

    @property
    def marking(self) -> str:
        return marking(self.classification, self.descriptor)


class Action(StrictModel):
    ref: Text | None = Field(
        None,
        description=(
            "Reference quoted in the minutes and the action log, e.g. 'LPG-07-01'. When omitted it is "
            "derived as SERIES-YYMMDD-NN: the series, the meeting date and the action's place in the meeting."
        ),
    )
    owners: list[OwnerKey] = Field(min_length=1, description="The people or teams who own the action, by key.")
    text: Text = Field(description="What is to be done, starting with a verb: 'circulate the ...'.")
    due: dt.date | None = Field(None, description="Due date, YYYY-MM-DD.")
    targets: Text | None = Field(
        None, description="Targets or outputs that show the action done (SMART milestones): the action plan's "
                          "Targets/outputs column.")
    area: Text | None = Field(
        None, description="The area to be addressed, e.g. 'Planned maintenance': the action plan groups actions by it "
                          "(actions without one go under 'Other').")
    objective: Text | None = Field(
        None, description="The outcome objective within the area: the action plan groups an area's actions by it.")


class Paragraph(StrictModel):
    text: Text = Field(description="Paragraph text; write @key to name a person or a team from the registry.")
    actions: list[Action] = Field(default_factory=list, description="Actions raised in this paragraph.")


def _paragraph_form(value: Any) -> str:
    return "text" if isinstance(value, str) else "full"


ParagraphEntry = Annotated[
    Union[Annotated[Text, Tag("text")], Annotated[Paragraph, Tag("full")]],
    Discriminator(_paragraph_form),
]
"""A paragraph is plain text, or an object when it raises actions."""

UNION_TAGS = frozenset({"text", "full"})


class AgendaItem(StrictModel):
    title: Text
    reviews_actions: bool = Field(
        False, description="The action-points item: the minutes list the reviewed actions (action_updates) under it."
    )
    paragraphs: list[ParagraphEntry] = Field(default_factory=list)
    performance: Performance | None = Field(
        None, description="Service-level figures for the month, rendered after the item's paragraphs."
    )

    def paragraph(self, index: int) -> Paragraph:
        entry = self.paragraphs[index]
        return Paragraph(text=entry) if isinstance(entry, str) else entry

    def all_paragraphs(self) -> list[Paragraph]:
        return [self.paragraph(index) for index in range(len(self.paragraphs))]


class ActionStatus(str, Enum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    COMPLETE = "complete"
    CLOSED = "closed"
    DROPPED = "dropped"
    SUPERSEDED = "superseded"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    def describe(self, superseded_by: str | None = None) -> str:
        """'In progress', or 'Superseded by REF'."""
        return f"Superseded by {superseded_by}" if self is ActionStatus.SUPERSEDED and superseded_by else self.label

    @property
    def is_closed(self) -> bool:
        """Closed, dropped and superseded actions leave the register of outstanding actions."""
        return self in _CLOSED_STATUSES

    @property
    def is_pending(self) -> bool:
        """Open or in progress: work still to do, so the action can be overdue."""
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


_CLOSED_STATUSES = frozenset({ActionStatus.CLOSED, ActionStatus.DROPPED, ActionStatus.SUPERSEDED})


class ActionUpdate(StrictModel):
    """The review of an earlier action at this meeting."""

    ref: Text = Field(description="Reference of the action reviewed, as raised at an earlier meeting.")
    status: ActionStatus = Field(description="Status after this meeting; 'open' or 'in progress' reopens a closed action.")
    note: Text | None = Field(None, description="Progress reported at this meeting; write @key to name a person or a team.")
    due: dt.date | None = Field(None, description="Revised due date, YYYY-MM-DD; give due_reason with it.")
    due_reason: Text | None = Field(None, description="Why the due date moved.")
    superseded_by: Text | None = Field(None, description="With status 'superseded': the reference of the action replacing it.")


class NextMeeting(StrictModel):
    date: dt.date
    start: Time | None = Field(None, description="Start time, HH:MM.")
    end: Time | None = Field(None, description="End time, HH:MM.")
    location: Text | None = None


class Contact(StrictModel):
    person: PersonKey = Field(description="Who to contact about these minutes.")
    email: Email | None = Field(
        None, description="A team mailbox to give instead of the person's own email."
    )


WithholdableField = Literal[
    "title", "date", "time", "location", "chair", "attendees", "observers", "apologies",
    "notes_by", "next_meeting", "contact",
]


class ReleaseSettings(StrictModel):
    """How this record is released under FOI; codes may be written as people write them."""

    policy: Text | None = Field(
        None, description="A shipped policy (e.g. 'contract-performance') or a path to a policy file."
    )
    fields: dict[WithholdableField, Text] = Field(
        default_factory=dict, description="Whole fields withheld in a release, with their code, e.g. date: S38."
    )


def derived_ref(series: str, date: dt.date, order: int) -> str:
    """The reference of the `order`-th action of a meeting (counting every action) that gives none."""
    return f"{series}-{date:%y%m%d}-{order:02d}"


class MeetingRecord(StrictModel):
    """One meeting: the header, who was there, what was discussed and decided."""

    model_config = ConfigDict(
        title="minutes-kit meeting record",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    meeting: Meeting
    people: dict[PersonKey, Person] = Field(description="Everyone the record mentions, by short key.")
    teams: dict[TeamKey, Team] = Field(
        default_factory=dict,
        description="Teams and organisations that own actions, by short key (never a person's key too).",
    )
    chair: PersonKey
    attendees: list[PersonKey] = Field(min_length=1, description="In the order they are listed.")
    observers: list[PersonKey] = Field(default_factory=list)
    apologies: list[PersonKey] = Field(default_factory=list)
    notes_by: PersonKey | None = Field(None, description="Who took the notes.")
    items: list[AgendaItem] = Field(min_length=1)
    action_updates: list[ActionUpdate] = Field(
        default_factory=list, description="Earlier actions reviewed at this meeting, with their new status."
    )
    next_meeting: NextMeeting | None = None
    contact: Contact | None = None
    release: ReleaseSettings | None = Field(None, description="FOI release settings.")

    @field_validator("items")
    @classmethod
    def _derive_action_refs(cls, items: list[AgendaItem], info: ValidationInfo) -> list[AgendaItem]:
        """Give every action without a reference its derived one, so later code always has a reference."""
        meeting = info.data.get("meeting")
        if meeting is None:
            return items  # the meeting header has errors of its own; the record will not be used
        order = 0
        derived_items = []
        for item in items:
            paragraphs: list[str | Paragraph] = []
            for entry in item.paragraphs:
                if isinstance(entry, str):
                    paragraphs.append(entry)
                    continue
                actions = []
                for action in entry.actions:
                    order += 1
                    if action.ref is None:
                        action = action.model_copy(update={"ref": derived_ref(meeting.series, meeting.date, order)})
                    actions.append(action)
                paragraphs.append(entry if actions == entry.actions else entry.model_copy(update={"actions": actions}))
            same = all(new is old for new, old in zip(paragraphs, item.paragraphs))
            derived_items.append(item if same else item.model_copy(update={"paragraphs": paragraphs}))
        return derived_items

    def name_of(self, key: str) -> str:
        """The name shown for `key`: a person's, or a team's (an action's owner, an @mention)."""
        person = self.people.get(key)
        return person.name if person is not None else self.teams[key].name

    def actions(self) -> list[tuple[str, Action]]:
        """Every action with the number of the paragraph that raised it, in document order."""
        found = []
        for item_number, item in enumerate(self.items, start=1):
            for paragraph_number, paragraph in enumerate(item.all_paragraphs(), start=1):
                found.extend((f"{item_number}.{paragraph_number}", action) for action in paragraph.actions)
        return found


