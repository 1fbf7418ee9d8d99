"""Outstanding actions as an iCalendar file: one to-do (VTODO) per action, for a chair's or an
owner's task list and its reminders; or, for Outlook, which imports only the events of an .ics
file, one all-day event per action on its due date.

Each to-do's UID is made from the series and the action's reference, so importing a newer file
updates the same tasks instead of adding copies. Owners are named in the description and as
categories (a task list can group by them); an owner whose registry entry gives an email is an
ATTENDEE too, which iCalendar allows only with an address. There is no ORGANIZER: the file is a
list to import, not an assignment sent for replies.
"""

from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Alarm, Calendar, Event, Todo, vCalAddress

from minutes_kit.actions.lifecycle import ActionState
from minutes_kit.actions.register import Register, action_location, series_builder
from minutes_kit.record.model import ActionStatus, Classification
from minutes_kit.rendering.context import MinutesContextBuilder, day_month_year, join_names

PRODID = "-//minutes-kit//Action register//EN"
SUMMARY_LIMIT = 80
"""The most characters of action text in a to-do's title: what a task list shows on one line."""
UID_NAMESPACE = uuid.UUID("5b0f3c1e-7d1a-4c47-9a53-3f0e8f9d2a61")
"""Fixed for ever: a to-do's UID is derived from it, the series and the reference."""

_STATUS = {
    ActionStatus.OPEN: "NEEDS-ACTION",
    ActionStatus.IN_PROGRESS: "IN-PROCESS",
    ActionStatus.COMPLETE: "COMPLETED",  # done; the group has still to agree to close it
}


def action_uid(series_id: str, ref: str) -> str:
    """The same for an action in every file written, and different for every action of every series."""
    return str(uuid.uuid5(UID_NAMESPACE, f"{series_id}\n{ref}"))


def actions_calendar(register: Register, actions: list[ActionState], stamp: dt.datetime | None = None, *,
                     as_events: bool = False) -> bytes:
    """The outstanding actions among `actions` as an iCalendar file: CRLF line ends and long lines
    folded, as RFC 5545 asks; `stamp` (default now) is each entry's DTSTAMP.

    `as_events`: each action with a due date as an all-day event on that day, with a reminder the
    day before, instead of a to-do: Outlook imports the events of an .ics file and ignores
    its to-dos."""
    series = register.series
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = f"{series.file.title}: actions as of {day_month_year(register.as_of)}"
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)  # the name Thunderbird, Apple Calendar and Outlook show
    builder = series_builder(series)
    stamp = (stamp or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    for action in actions:
        if builder is None or action.status.is_closed:
            continue
        todo = _todo(action, register, builder, stamp)
        if not as_events:
            calendar.add_component(todo)
        elif action.due is not None:
            calendar.add_component(_event(todo, action.due))
    return calendar.to_ical()


EVENT_PROPERTIES = ("dtstamp", "summary", "categories", "attendee", "class", "description", "url")
"""What an action's event keeps of its to-do: all but the to-do's own status and due date."""


def _event(todo: Todo, due: dt.date) -> Event:
    """An action's to-do as an all-day event on its due date, with a reminder the day before."""
    event = Event()
    event.add("uid", f"{todo['uid']}-due")  # not the to-do's: a calendar may hold both
    for name in EVENT_PROPERTIES:
        for value in todo.get(name) if isinstance(todo.get(name), list) else [todo.get(name)]:
            if value is not None:
                event.add(name, value, encode=False)
    event.add("dtstart", due)
    event.add("dtend", due + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a deadline, not time spent: the day stays free
    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", str(todo["summary"]))
    reminder.add("trigger", dt.timedelta(days=-1))
    event.add_component(reminder)
    return event


def _todo(action: ActionState, register: Register, builder: MinutesContextBuilder, stamp: dt.datetime) -> Todo:
    series = register.series
    at = action_location(action)
    text = builder.text(action.text, at=at).rstrip(".")
    owners = [builder.name(key, at=at) for key in action.owners]
    todo = Todo()
    todo.add("uid", action_uid(series.file.id, action.ref))
    todo.add("dtstamp", stamp)
    todo.add("summary", f"{_shortened(text)} ({action.ref})")
    todo.add("status", _STATUS[action.status])
    if action.due is not None:
        todo.add("due", action.due)  # a date (VALUE=DATE): due by the end of that day, wherever it is read
    todo.add("categories", owners)
    for key, owner in zip(action.owners, owners):
        person = series.file.people.get(key)
        if person is not None and person.email:
            address = vCalAddress(f"mailto:{person.email}")
            address.params["cn"] = owner
            address.params["role"] = "REQ-PARTICIPANT"
            address.params["cutype"] = "INDIVIDUAL"
            todo.add("attendee", address, encode=False)
    todo.add("class", "CONFIDENTIAL" if series.file.classification is Classification.OFFICIAL_SENSITIVE else "PRIVATE")
    todo.add("description", _description(action, register, builder, text, owners))
    todo.add("url", action.raised_path.resolve().as_uri())
    return todo


def _description(action: ActionState, register: Register, builder: MinutesContextBuilder, text: str,
                 owners: list[str]) -> str:
    series = register.series
    at = action_location(action)
    due = f"due {day_month_year(action.due)}" if action.due else "no due date"
    if action.due and action.original_due and action.due != action.original_due:
        due += f" (first due {day_month_year(action.original_due)})"
    overdue = ", OVERDUE" if action.overdue(register.as_of) else ""
    lines = [
        series.file.marking,
        f"{text[:1].upper()}{text[1:]}.",
        f"Action {action.ref}, owned by {join_names(owners)}.",
        f"{action.status.describe(action.superseded_by)}{overdue}, {due}, as of {day_month_year(register.as_of)}.",
        f"Raised at the {series.file.title} on {day_month_year(action.raised_on)}, paragraph {action.raised_in} "
        f"of the minutes ({action.raised_path.name}).",
    ]
    latest = action.latest_note
    if latest is not None and latest.note:
        lines.append(f"Latest update ({day_month_year(latest.meeting)}): {builder.text(latest.note, at=at)}")
    return "\n".join(lines)


def _shortened(text: str) -> str:
    """`text` with a capital, cut at a word within `SUMMARY_LIMIT` characters and marked with an ellipsis."""
    text = text[:1].upper() + text[1:]
    if len(text) <= SUMMARY_LIMIT:
        return text
    cut = text[: SUMMARY_LIMIT - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > SUMMARY_LIMIT // 2 else cut).rstrip(" ,;:-") + "…"
