"""Carry-forward: the record of a series' next meeting, started from the series and its history.

The new record is YAML text written here rather than dumped from a model, so
that it can carry comments telling the secretariat what to fill in. Every
string is written as a JSON string, which YAML reads back unchanged whatever
it contains.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from minutes_kit.actions.lifecycle import ActionState, Meeting
from minutes_kit.actions.register import compute_register, status_label
from minutes_kit.actions.series import Series
from minutes_kit.errors import OutputError
from minutes_kit.files import atomic_output
from minutes_kit.record.model import Person
from minutes_kit.record.series import StandingItem
from minutes_kit.rendering.context import long_date, short_date
from minutes_kit.validation.placeholders import PLACEHOLDER


def next_record_path(series: Series, date: dt.date) -> Path:
    return series.directory / f"{date.isoformat()}.yaml"


def write_next_record(series: Series, date: dt.date, output: Path | None = None) -> Path:
    """Write the record of the meeting on `date` (by default SERIES_DIR/YYYY-MM-DD.yaml); never overwrites."""
    output = output or next_record_path(series, date)
    held = [meeting for meeting in series.meetings if meeting.date >= date]
    if held:
        raise OutputError(f"the series already has a meeting on or after {date.isoformat()} ({held[0].path.name})")
    text = next_record_text(series, date)
    with atomic_output(output, series.inputs, overwrite=False) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return output


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _time(value: dt.time | None) -> str | None:
    return _quote(f"{value:%H:%M}") if value else None


def next_record_text(series: Series, date: dt.date) -> str:
    """The YAML of the next meeting's record: ready to validate, and to fill in."""
    file = series.file
    previous = series.meetings[-1] if series.meetings else None
    planned = previous.record.next_meeting if previous and previous.record.next_meeting else None
    if planned is not None and planned.date == date:
        start, end, location = planned.start or file.start, planned.end or file.end, planned.location or file.location
    else:
        start, end, location = file.start, file.end, file.location
    register = compute_register(series, date)
    lines = [
        f"# The {file.title} on {long_date(date)}, started by `minutes new`.",
        "# Replace each placeholder paragraph with the discussion, and fill in the action updates.",
        "meeting:",
        f"  series: {_quote(file.id)}",
        f"  title: {_quote(file.title)}",
        f"  date: {date.isoformat()}",
        *([f"  start: {_time(start)}"] if start else []),
        *([f"  end: {_time(end)}"] if end else []),
        f"  location: {_quote(location)}",
        f"  classification: {file.classification.value}",
        *([f"  descriptor: {file.descriptor.value}"] if file.descriptor else []),
        "  status: draft",
        "people:",
        *(f"  {key}: {_person(person)}" for key, person in file.people.items()),
        *(["teams:"] if file.teams else []),
        *(f"  {key}: {_fields([('name', team.name), ('organisation', team.organisation)])}"
          for key, team in file.teams.items()),
        f"chair: {file.chair}",
        f"attendees: [{', '.join(file.attendees)}]",
        "apologies: []",
        *([f"notes_by: {file.notes_by}"] if file.notes_by else []),
        "items:",
    ]
    for index, item in enumerate(file.standing_items):
        lines += _item(item, previous if index == 0 else None, file.chair)
    outstanding = register.outstanding
    if outstanding:
        lines += [
            "action_updates:",
            "  # Each outstanding action at its current status. Change the status (open, in progress, complete,",
            "  # closed, dropped, superseded with superseded_by), write the progress as the note, and give a",
            "  # revised date as due with its due_reason.",
        ]
        for action in outstanding:
            lines += _update(action, register.as_of)
    if file.contact is not None:
        email = f", email: {_quote(file.contact.email)}" if file.contact.email else ""
        lines.append(f"contact: {{person: {file.contact.person}{email}}}")
    return "\n".join(lines) + "\n"


def _person(person: Person) -> str:
    return _fields([("name", person.name), ("role", person.role), ("organisation", person.organisation),
                    ("email", person.email)])


def _fields(fields: list[tuple[str, str | None]]) -> str:
    """A flow mapping of the fields that have a value: ``{name: "...", organisation: "..."}``."""
    return "{" + ", ".join(f"{name}: {_quote(value)}" for name, value in fields if value) + "}"


def _item(item: StandingItem, previous: Meeting | None, chair: str) -> list[str]:
    lines = [f"  - title: {_quote(item.title)}"]
    if item.reviews_actions:
        lines.append("    reviews_actions: true")
    lines.append("    paragraphs:")
    paragraphs = list(item.paragraphs)
    if previous is not None:
        paragraphs.append(f"@{chair} invited comments on the minutes of the meeting held on "
                          f"{long_date(previous.date)}. The minutes were agreed as an accurate record.")
    if not paragraphs:
        return lines + [f"      - {_quote(PLACEHOLDER)}  # replace with the discussion"]
    return lines + [f"      - {_quote(paragraph)}" for paragraph in paragraphs]


def _update(action: ActionState, as_of: dt.date) -> list[str]:
    owners = ", ".join(action.owners)
    due = short_date(action.due) if action.due else "no due date"
    summary = " ".join(action.text.split())
    return [
        f"  - ref: {_quote(action.ref)}",
        f"    # {owners}: {summary} (due {due}; {status_label(action, as_of)})",
        f"    status: {action.status.value}",
        "    note:",
    ]
