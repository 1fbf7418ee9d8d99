"""The values a minutes template sees, built from a record.

Everything here is plain text, lists and dicts, so that a template author
never needs to know the model; docs/templates.md lists every name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, get_args

from minutes_kit.record.markup import Marked, PersonMention, Plain, segments
from minutes_kit.record.model import Action, MeetingRecord, Paragraph, Status, WithholdableField
from minutes_kit.rendering.performance import lot_context


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
        # Where the text being built will appear (``3.2``, ``Title block: Chair``); the FOI
        # release quotes it in the redaction schedule.
        self.location = ""
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

    def ref(self, reference: str) -> str:
        return reference

    def action_sentence(self, action: Action) -> str:
        return f"{self.owners(action)} took an action to {self.text(action.text).rstrip('.')} ({self.ref(action.ref)})."

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
            self.location = f"Reviewed actions, update {len(rows) + 1}"
            action = self.raised.get(update.ref)
            progress = [self.text(update.note)] if update.note else []
            if update.due is not None and update.due_reason is not None:
                progress.append(f"Due date revised to {short_date(update.due)}: {self.text(update.due_reason).rstrip('.')}.")
            due = update.due or (action.due if action else None)
            rows.append({
                "ref": self.ref(update.ref),
                "text": self.text(action.text).rstrip(".") if action else "",
                "owners": self.owners(action) if action else "",
                "status": update.status.describe(self.ref(update.superseded_by) if update.superseded_by else None),
                "progress": " ".join(progress),
                "due": short_date(due) if due else "",
            })
        return rows

    def items(self) -> list[dict[str, Any]]:
        reviewed = self.reviewed_actions()
        items = []
        for item_number, item in enumerate(self.record.items, start=1):
            self.location = f"Item {item_number} title"
            title = self.text(item.title)
            paragraphs = []
            for number, paragraph in enumerate(item.all_paragraphs(), start=1):
                self.location = f"{item_number}.{number}"
                paragraphs.append({"number": f"{item_number}.{number}.", "text": self.paragraph_text(paragraph)})
            performance = []
            if item.performance is not None:
                # Each lot is a numbered paragraph, numbered on from the item's own paragraphs.
                for number, lot in enumerate(item.performance.lots, start=len(paragraphs) + 1):
                    self.location = f"{item_number}.{number}"
                    performance.append(lot_context(lot, item.performance, f"{item_number}.{number}.", self.text))
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
            self.location = f"Action Point Log, row {row}"
            rows.append({
                "ref": self.ref(action.ref),
                "text": self.text(action.text).rstrip("."),
                "owners": self.owners(action),
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
            parts.append(self.text(upcoming.location))
        return ", ".join(part for part in parts if part)

    def contact(self) -> dict[str, str] | None:
        contact = self.record.contact
        if contact is None:
            return None
        person = self.person(contact.person)
        person["email"] = contact.email or person["email"]
        return person

    def title_block(self) -> dict[str, Any]:
        """The withholdable fields (see `WithholdableField`), built in title-block order."""
        record = self.record
        meeting = record.meeting
        builders = {
            "title": lambda: self.text(meeting.title),
            "date": lambda: long_date(meeting.date),
            "time": lambda: time_range(meeting.start, meeting.end),
            "location": lambda: self.text(meeting.location),
            "chair": lambda: self.person(record.chair),
            "attendees": lambda: self.people(record.attendees),
            "observers": lambda: self.people(record.observers),
            "apologies": lambda: self.people(record.apologies),
            "notes_by": lambda: self.person(record.notes_by) if record.notes_by else None,
        }
        fields = {}
        for name, build in builders.items():
            self.location = f"Title block: {name.replace('_', ' ').capitalize()}"
            fields[name] = build()
        return fields

    def context(self) -> dict[str, Any]:
        meeting = self.record.meeting
        context = {
            "marking": meeting.marking,
            "draft": meeting.status == Status.DRAFT,
            "series": meeting.series,
            **self.title_block(),
            "items": self.items(),
            "actions": self.actions(),
        }
        self.location = "Next meeting"
        context["next_meeting"] = self.next_meeting()
        self.location = "Contact"
        context["contact"] = self.contact()
        context["codes"] = {name: "" for name in get_args(WithholdableField)}
        return context


def minutes_context(record: MeetingRecord, raised: Mapping[str, Action] | None = None) -> dict[str, Any]:
    """The template context of the minutes of `record` (with `raised`, the series' actions it reviews)."""
    return MinutesContextBuilder(record, raised).context()
