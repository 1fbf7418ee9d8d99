"""The register as text: a terminal table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from typing import Any

from minutes_kit.actions.lifecycle import ActionState
from minutes_kit.actions.register import Register, action_location, series_builder, status_label
from minutes_kit.rendering.context import MinutesContextBuilder, join_names, short_date

ACTION_WIDTH = 60


class ListFormat(str, Enum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


def action_row(action: ActionState, register: Register, builder: MinutesContextBuilder) -> dict[str, Any]:
    latest = action.latest_note
    at = action_location(action)
    return {
        "ref": action.ref,
        "status": action.status.value,
        "overdue": action.overdue(register.as_of),
        "due": action.due.isoformat() if action.due else "",
        "original_due": action.original_due.isoformat() if action.original_due else "",
        "owners": join_names([builder.name(key, at=at) for key in action.owners]),
        "action": builder.text(action.text, at=at).rstrip("."),
        "raised_on": action.raised_on.isoformat(),
        "raised_in": action.raised_in,
        "latest_update": builder.text(latest.note, at=at) if latest and latest.note else "",
        "updated_on": latest.meeting.isoformat() if latest else "",
        "closed_on": action.closed_on.isoformat() if action.closed_on else "",
        "superseded_by": action.superseded_by or "",
    }


def format_register(register: Register, actions: list[ActionState], form: ListFormat) -> str:
    """`actions` (a selection of the register) in `form`; the table and JSON carry the summary line too."""
    builder = series_builder(register.series)
    rows = [action_row(action, register, builder) for action in actions] if builder else []
    if form is ListFormat.JSON:
        for row, action in zip(rows, actions):
            row["history"] = [_event(event, builder, action_location(action)) for event in action.history]
        return json.dumps({"as_of": register.as_of.isoformat(), "summary": register.summary(), "actions": rows}, indent=2) + "\n"
    if form is ListFormat.CSV:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["ref"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    return _table(register, actions, rows)


def _event(event, builder: MinutesContextBuilder, at: str) -> dict[str, str]:
    return {
        "meeting": event.meeting.isoformat(),
        "status": event.status.value,
        "note": builder.text(event.note, at=at) if event.note else "",
        "due": event.due.isoformat() if event.due else "",
        "due_reason": builder.text(event.due_reason, at=at) if event.due_reason else "",
        "superseded_by": event.superseded_by or "",
    }


def _table(register: Register, actions: list[ActionState], rows: list[dict[str, Any]]) -> str:
    headings = ("Ref", "Status", "Due", "Owner", "Action")
    lines = [
        (row["ref"], status_label(action, register.as_of), short_date(action.due) if action.due else "Not set",
         row["owners"], _shorten(row["action"]))
        for row, action in zip(rows, actions)
    ]
    widths = [max(len(cell) for cell in column) for column in zip(headings, *lines)]
    text = [_line(headings, widths), _line(tuple("-" * width for width in widths), widths)]
    text += [_line(line, widths) for line in lines]
    if not lines:
        text = ["No actions match."]
    return "\n".join(text + ["", register.summary()]) + "\n"


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()


def _shorten(text: str) -> str:
    return text if len(text) <= ACTION_WIDTH else text[: ACTION_WIDTH - 1].rstrip() + "…"
