"""The values a minutes template sees, built from a record.

Everything here is plain text, lists and dicts, so that a template author
never needs to know the model; docs/templates.md lists every name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, get_args

from minutes_kit.record.markup import Marked, PersonMention, Plain, segments
from minutes_kit.record.model import DEFAULT_LANGUAGE, Action, MeetingRecord, Paragraph, Status, WithholdableField
from minutes_kit.record.texts import paragraph_reference
from minutes_kit.rendering.docx import DocumentProperties
from minutes_kit.rendering.performance import lot_context


def long_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def day_month_year(day: dt.date) -> str:
    """``15 September 2026``: a date in a document's title."""
    return f"{day.day} {day:%B %Y}"


def time_range(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return f"{start:%H:%M} to {end:%H:%M}"
    return f"{start:%H:%M}" if start else ""


def title_block_location(field: str) -> str:
    """Where a title-block field appears, as the redaction schedule names it."""
    return f"Title block: {field.replace('_', ' ').capitalize()}"


def join_names(names: list[str]) -> str:
    """``['A', 'B', 'C']`` -> ``'A, B and C'``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


class MinutesContextBuilder:
    """Builds the template context of a record's minutes.

    Every piece of record text reaches the context through `name`, `text` or
    `person`, so a subclass (the FOI release) can change how people and
    marked spans appear without touching the rest. Each is told, with the value,
    where it will appear (``at``: ``3.2``, ``Title block: Chair``); the FOI release
    quotes it in the redaction schedule.
    """

    def __init__(self, record: MeetingRecord, raised: Mapping[str, Action] | None = None):
        """`raised`: the series' actions by reference, as they stand after this meeting, for the reviewed actions."""
        self.record = record
        self.raised = raised or {}

    def name(self, key: str, *, at: str) -> str:
        return self.record.name_of(key)  # a person or, for an owner or an @mention, a team

    def marked(self, span: Marked, *, at: str) -> str:
        """How a ``[[LABEL: text]]`` span appears; in ordinary minutes, as its text."""
        return self.text(span.text, at=at)

    def text(self, text: str, *, at: str) -> str:
        parts = []
        for segment in segments(text.strip()):
            if isinstance(segment, Plain):
                parts.append(segment.text)
            elif isinstance(segment, PersonMention):
                parts.append(self.name(segment.key, at=at))
            else:
                parts.append(self.marked(segment, at=at))
        return "".join(parts)

    def person(self, key: str, *, at: str) -> dict[str, str]:
        person = self.record.people[key]
        name = self.name(key, at=at)
        details = ", ".join(part for part in (person.role, person.organisation) if part)
        return {
            "name": name,
            "role": person.role or "",
            "organisation": person.organisation,
            "email": person.email or "",
            "listing": f"{name}, {details}" if details else name,
        }

    def people(self, keys: list[str], *, at: str) -> list[dict[str, str]]:
        return [self.person(key, at=at) for key in keys]

    def owners(self, action: Action, *, at: str) -> str:
        return join_names([self.name(key, at=at) for key in action.owners])

    def ref(self, reference: str, *, at: str) -> str:
        return reference

    def action_sentence(self, action: Action, *, at: str) -> str:
        return (f"{self.owners(action, at=at)} took an action to {self.text(action.text, at=at).rstrip('.')} "
                f"({self.ref(action.ref, at=at)}).")

    def paragraph_text(self, paragraph: Paragraph, *, at: str) -> str:
        body = self.text(paragraph.text, at=at)
        if not paragraph.actions:
            return body
        if not body.endswith((".", "!", "?", ":")):
            body += "."
        return " ".join([body, *(self.action_sentence(action, at=at) for action in paragraph.actions)])

    def reviewed_actions(self) -> list[dict[str, str]]:
        """The earlier actions this meeting reviewed, with their updates, for its action-points item."""
        rows = []
        for update in self.record.action_updates:
            at = f"Reviewed actions, update {len(rows) + 1}"
            action = self.raised.get(update.ref)
            progress = [self.text(update.note, at=at)] if update.note else []
            if update.due is not None and update.due_reason is not None:
                reason = self.text(update.due_reason, at=at).rstrip(".")
                progress.append(f"Due date revised to {short_date(update.due)}: {reason}.")
            due = update.due or (action.due if action else None)
            rows.append({
                "ref": self.ref(update.ref, at=at),
                "text": self.text(action.text, at=at).rstrip(".") if action else "",
                "owners": self.owners(action, at=at) if action else "",
                "status": update.status.describe(self.ref(update.superseded_by, at=at) if update.superseded_by else None),
                "progress": " ".join(progress),
                "due": short_date(due) if due else "",
            })
        return rows

    def items(self) -> list[dict[str, Any]]:
        reviewed = self.reviewed_actions()
        items = []
        for item_number, item in enumerate(self.record.items, start=1):
            title = self.text(item.title, at=f"Item {item_number} title")
            paragraphs = []
            for number, paragraph in enumerate(item.all_paragraphs(), start=1):
                text = self.paragraph_text(paragraph, at=paragraph_reference(item_number - 1, number - 1))
                paragraphs.append({"number": f"{item_number}.{number}.", "text": text})
            performance = []
            if item.performance is not None:
                # Each lot is a numbered paragraph, numbered on from the item's own paragraphs.
                for number, lot in enumerate(item.performance.lots, start=len(paragraphs) + 1):
                    at = paragraph_reference(item_number - 1, number - 1)
                    performance.append(lot_context(lot, item.performance, f"{at}.",
                                                   lambda text, at=at: self.text(text, at=at)))
            items.append({
                "number": f"{item_number}.",
                "title": title,
                "paragraphs": paragraphs,
                "performance": performance,
                "reviewed_actions": reviewed if item.reviews_actions else [],
            })
        return items

    def actions(self) -> list[dict[str, str]]:
        rows = []
        for row, (paragraph, action) in enumerate(self.record.actions(), start=1):
            at = f"Action Point Log, row {row}"
            rows.append({
                "ref": self.ref(action.ref, at=at),
                "text": self.text(action.text, at=at).rstrip("."),
                "owners": self.owners(action, at=at),
                "raised": paragraph,
                "due": short_date(action.due) if action.due else "Not set",
            })
        return rows

    def next_meeting(self) -> str:
        upcoming = self.record.next_meeting
        if upcoming is None:
            return ""
        parts = [long_date(upcoming.date), time_range(upcoming.start, upcoming.end)]
        if upcoming.location:
            parts.append(self.text(upcoming.location, at="Next meeting"))
        return ", ".join(part for part in parts if part)

    def contact(self) -> dict[str, str] | None:
        contact = self.record.contact
        if contact is None:
            return None
        person = self.person(contact.person, at="Contact")
        person["email"] = contact.email or person["email"]
        return person

    def title_block(self) -> dict[str, Any]:
        """The withholdable fields (see `WithholdableField`), built in title-block order."""
        record = self.record
        meeting = record.meeting
        builders = {
            "title": lambda at: self.text(meeting.title, at=at),
            "date": lambda at: long_date(meeting.date),
            "time": lambda at: time_range(meeting.start, meeting.end),
            "location": lambda at: self.text(meeting.location, at=at),
            "chair": lambda at: self.person(record.chair, at=at),
            "attendees": lambda at: self.people(record.attendees, at=at),
            "observers": lambda at: self.people(record.observers, at=at),
            "apologies": lambda at: self.people(record.apologies, at=at),
            "notes_by": lambda at: self.person(record.notes_by, at=at) if record.notes_by else None,
        }
        return {name: build(title_block_location(name)) for name, build in builders.items()}

    def context(self) -> dict[str, Any]:
        meeting = self.record.meeting
        context = {
            "marking": meeting.marking,
            "draft": meeting.status == Status.DRAFT,
            "series": meeting.series,
            **self.title_block(),
            "items": self.items(),
            "actions": self.actions(),
            "next_meeting": self.next_meeting(),
            "contact": self.contact(),
        }
        context["codes"] = {name: "" for name in get_args(WithholdableField)}
        return context


def minutes_context(record: MeetingRecord, raised: Mapping[str, Action] | None = None) -> dict[str, Any]:
    """The template context of the minutes of `record` (with `raised`, the series' actions it reviews)."""
    return MinutesContextBuilder(record, raised).context()


MINUTES_SUBJECT = "Minutes"


def record_language(record: MeetingRecord) -> str:
    """The language of the record's documents: its own, else (laid behind it) its series', else en-GB."""
    return record.meeting.language or DEFAULT_LANGUAGE


def document_title(title: str, date: dt.date) -> str:
    """A meeting's title as its document's title property: "Contract Performance Group, 15 September 2026"."""
    return f"{title}, {day_month_year(date)}"


def minutes_properties(record: MeetingRecord) -> DocumentProperties:
    """The title, subject and language of the minutes of `record`."""
    title = MinutesContextBuilder(record).text(record.meeting.title, at="Document title")
    return DocumentProperties(title=document_title(title, record.meeting.date), subject=MINUTES_SUBJECT,
                              language=record_language(record))
