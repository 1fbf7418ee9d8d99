"""The values a minutes template sees, built from a record.

Everything here is plain text, lists and dicts, so that a template author
never needs to know the model; docs/templates.md lists every name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from minutes_kit.record.markup import Marked, PersonMention, Plain, segments
from minutes_kit.record.model import Action, MeetingRecord, Paragraph, Status


def long_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def time_range(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return f"{start:%H:%M} to {end:%H:%M}"
    return f"{start:%H:%M}" if start else ""


def join_names(names: list[str]) -> str:
    """``['A', 'B', 'C']`` -> ``'A, B and C'``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


class MinutesContextBuilder:
    """Builds the template context of a record's minutes.

    Every piece of record text reaches the context through `name`, `text` or
    `person`, so a subclass (the FOI release) can change how people and
    marked spans appear without touching the rest.
    """

    def __init__(self, record: MeetingRecord, raised: Mapping[str, Action] | None = None):
        """`raised`: the series' actions by reference, as they stand after this meeting, for the reviewed actions."""
        self.record = record
        self.raised = raised or {}

    def name(self, key: str) -> str:
        return self.record.people[key].name

    def marked(self, span: Marked) -> str:
        """How a ``[[LABEL: text]]`` span appears; in ordinary minutes, as its text."""
        return self.text(span.text)

    def text(self, text: str) -> str:
        parts = []
        for segment in segments(text.strip()):
            if isinstance(segment, Plain):
                parts.append(segment.text)
            elif isinstance(segment, PersonMention):
                parts.append(self.name(segment.key))
            else:
                parts.append(self.marked(segment))
        return "".join(parts)

    def person(self, key: str) -> dict[str, str]:
        person = self.record.people[key]
        name = self.name(key)
        details = ", ".join(part for part in (person.role, person.organisation) if part)
        return {
            "name": name,
            "role": person.role or "",
            "organisation": person.organisation,
            "email": person.email or "",
            "listing": f"{name}, {details}" if details else name,
        }

    def people(self, keys: list[str]) -> list[dict[str, str]]:
        return [self.person(key) for key in keys]

    def owners(self, action: Action) -> str:
        return join_names([self.name(key) for key in action.owners])

    def action_sentence(self, action: Action) -> str:
        return f"{self.owners(action)} took an action to {self.text(action.text).rstrip('.')} ({action.ref})."

    def paragraph_text(self, paragraph: Paragraph) -> str:
        body = self.text(paragraph.text)
        if not paragraph.actions:
            return body
        if not body.endswith((".", "!", "?", ":")):
            body += "."
        return " ".join([body, *(self.action_sentence(action) for action in paragraph.actions)])

    def reviewed_actions(self) -> list[dict[str, str]]:
        """The earlier actions this meeting reviewed, with their updates, for its action-points item."""
        rows = []
        for update in self.record.action_updates:
            action = self.raised.get(update.ref)
            progress = [self.text(update.note)] if update.note else []
            if update.due is not None and update.due_reason is not None:
                progress.append(f"Due date revised to {short_date(update.due)}: {self.text(update.due_reason).rstrip('.')}.")
            due = update.due or (action.due if action else None)
            rows.append({
                "ref": update.ref,
                "text": self.text(action.text).rstrip(".") if action else "",
                "owners": self.owners(action) if action else "",
                "status": update.status.describe(update.superseded_by),
                "progress": " ".join(progress),
                "due": short_date(due) if due else "",
            })
        return rows

    def items(self) -> list[dict[str, Any]]:
        reviewed = self.reviewed_actions()
        items = []
        for item_number, item in enumerate(self.record.items, start=1):
            paragraphs = [
                {"number": f"{item_number}.{number}.", "text": self.paragraph_text(paragraph)}
                for number, paragraph in enumerate(item.all_paragraphs(), start=1)
            ]
            items.append({
                "number": f"{item_number}.",
                "title": self.text(item.title),
                "paragraphs": paragraphs,
                "reviewed_actions": reviewed if item.reviews_actions else [],
            })
        return items

    def actions(self) -> list[dict[str, str]]:
        return [
            {
                "ref": action.ref,
                "text": self.text(action.text).rstrip("."),
                "owners": self.owners(action),
                "raised": paragraph,
                "due": short_date(action.due) if action.due else "Not set",
            }
            for paragraph, action in self.record.actions()
        ]

    def next_meeting(self) -> str:
        upcoming = self.record.next_meeting
        if upcoming is None:
            return ""
        parts = [long_date(upcoming.date), time_range(upcoming.start, upcoming.end)]
        if upcoming.location:
            parts.append(self.text(upcoming.location))
        return ", ".join(part for part in parts if part)

    def contact(self) -> dict[str, str] | None:
        contact = self.record.contact
        if contact is None:
            return None
        person = self.person(contact.person)
        person["email"] = contact.email or person["email"]
        return person

    def context(self) -> dict[str, Any]:
        record = self.record
        meeting = record.meeting
        return {
            "marking": meeting.marking,
            "draft": meeting.status == Status.DRAFT,
            "series": meeting.series,
            "title": self.text(meeting.title),
            "date": long_date(meeting.date),
            "time": time_range(meeting.start, meeting.end),
            "location": self.text(meeting.location),
            "chair": self.person(record.chair),
            "attendees": self.people(record.attendees),
            "observers": self.people(record.observers),
            "apologies": self.people(record.apologies),
            "notes_by": self.person(record.notes_by) if record.notes_by else None,
            "items": self.items(),
            "actions": self.actions(),
            "next_meeting": self.next_meeting(),
            "contact": self.contact(),
        }


def minutes_context(record: MeetingRecord, raised: Mapping[str, Action] | None = None) -> dict[str, Any]:
    """The template context of the minutes of `record` (with `raised`, the series' actions it reviews)."""
    return MinutesContextBuilder(record, raised).context()
