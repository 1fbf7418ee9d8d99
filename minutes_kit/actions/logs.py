"""Action logs of a series: a landscape Word document and a workbook, chosen by the output's suffix,
as the Action Point Log or the Provider Action Plan (`action_plan.py`).

All record text reaches both through a context builder's gateways
(`series_builder`), so a release subclass can redact the logs as it does
the minutes.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from minutes_kit.actions.action_plan import write_action_plan_docx, write_action_plan_workbook
from minutes_kit.actions.lifecycle import ActionState
from minutes_kit.actions.register import Register, action_location, series_builder, status_label
from minutes_kit.actions.sheets import Column, Formula, letter, new_workbook, numeric_date, title_block, write_table
from minutes_kit.errors import OutputError
from minutes_kit.files import atomic_output
from minutes_kit.record.model import DEFAULT_LANGUAGE, ActionStatus
from minutes_kit.rendering.context import MinutesContextBuilder, day_month_year, join_names, long_date, short_date
from minutes_kit.rendering.docx import TEMPLATES_DIR, DocumentProperties, render_docx

ACTION_LOG_TEMPLATE = TEMPLATES_DIR / "action_log.docx"
OVERDUE_FILL = "F4CCCC"
"""Light red: shading a reader sees at once that still leaves the text legible in print."""


ACTION_LOG_SUBJECT = "Action log"


class Layout(str, Enum):
    """What the log lists and how: the Action Point Log, or the Provider Action Plan."""

    LOG = "log"
    ACTION_PLAN = "action-plan"


def write_action_log(register: Register, output: Path, layout: Layout = Layout.LOG) -> None:
    """Write the action log of `register` to `output` in `layout`: Word for .docx, a workbook for .xlsx."""
    suffix = Path(output).suffix.lower()
    if suffix not in (".docx", ".xlsx"):
        raise OutputError(f"cannot write an action log as {output}: give a .docx or .xlsx file name")
    if Layout(layout) is Layout.ACTION_PLAN:
        if suffix == ".docx":
            write_action_plan_docx(register, output)
        else:
            write_action_plan_workbook(register, output)
    elif suffix == ".docx":
        render_docx(ACTION_LOG_TEMPLATE, action_log_context(register), output, register.series.inputs,
                    properties=action_log_properties(register))
    else:
        write_workbook(register, output)


def action_log_properties(register: Register) -> DocumentProperties:
    """Title ("Regional Estates Steering Group: action log as of 20 August 2026"), subject and language."""
    series = register.series.file
    return DocumentProperties(title=f"{series.title}: action log as of {day_month_year(register.as_of)}",
                              subject=ACTION_LOG_SUBJECT, language=series.language or DEFAULT_LANGUAGE)


def _owners(action: ActionState, builder: MinutesContextBuilder) -> str:
    return join_names([builder.name(key, at=action_location(action)) for key in action.owners])


def _latest_update(action: ActionState, builder: MinutesContextBuilder) -> str:
    latest = action.latest_note
    return f"{short_date(latest.meeting)}: {builder.text(latest.note, at=action_location(action))}" if latest and latest.note else ""


def _docx_row(action: ActionState, register: Register, builder: MinutesContextBuilder) -> dict[str, str]:
    due = short_date(action.due) if action.due else "Not set"
    if action.original_due and action.due != action.original_due:
        due += f"\n(was {short_date(action.original_due)})"  # a line of its own: no date breaks across lines
    return {
        "ref": action.ref,
        "text": builder.text(action.text, at=action_location(action)).rstrip("."),
        "owners": _owners(action, builder),
        "raised": f"{short_date(action.raised_on)}, paragraph {action.raised_in}",
        "due": due,
        "status": status_label(action, register.as_of),
        "progress": _latest_update(action, builder),
        "fill": OVERDUE_FILL if action.overdue(register.as_of) else "auto",
    }


def action_log_context(register: Register, builder: MinutesContextBuilder | None = None) -> dict[str, Any]:
    """The variables of the action log template (docs/templates.md)."""
    builder = builder or series_builder(register.series)
    series = register.series.file
    last = register.last_meeting

    def rows(actions: list[ActionState]) -> list[dict[str, str]]:
        return [_docx_row(action, register, builder) for action in actions] if builder else []

    return {
        "marking": series.marking,
        "title": series.title,
        "series": series.id,
        "as_of": long_date(register.as_of),
        "last_meeting": long_date(last) if last else "none held yet",
        "summary": register.summary(),
        "outstanding": rows(register.outstanding),
        "closed": rows(register.closed),
    }


PENDING_LABELS = tuple(status.label for status in ActionStatus if status.is_pending)
"""The Status values of an action with work still to do: the only ones that can be overdue."""
DATE_COLUMN = {"narrowest": 12, "widest": 12}
SHARED_COLUMNS = (
    Column("Ref", 10, 20), Column("Action", 30, 40, wrap=True), Column("Owner", 12, 24, wrap=True),
    Column("Raised at meeting", **DATE_COLUMN), Column("Paragraph", 11, 11), Column("Due", **DATE_COLUMN),
    Column("Original due", **DATE_COLUMN), Column("Status", 12, 30),
)
HISTORY = Column("History", 30, 50, wrap=True)
OPEN_COLUMNS = (*SHARED_COLUMNS, Column("Overdue", 10, 10),
                Column("Days overdue", 9, 9, number_format="0", horizontal="center"), HISTORY)
CLOSED_COLUMNS = (*SHARED_COLUMNS, Column("Closed on", **DATE_COLUMN), HISTORY)
RECALCULATED = "Overdue and Days overdue are worked out against today's date whenever the workbook is opened."


def write_workbook(register: Register, output: Path) -> None:
    """Outstanding and closed actions on separate sheets, ready to sort, filter and print; the overdue
    ones found by formulas against TODAY(), so the workbook stays right after its as-of date."""
    builder = series_builder(register.series)
    workbook = new_workbook(action_log_properties(register))
    open_sheet = workbook.active
    open_sheet.title = "Open"
    _open_sheet(open_sheet, register, builder)
    _closed_sheet(workbook.create_sheet("Closed"), register, builder)
    with atomic_output(output, register.series.inputs) as temporary:
        workbook.save(temporary)


def _title_block(sheet: Worksheet, register: Register, which: str) -> int:
    series = register.series.file
    last = register.last_meeting
    position = f"Actions as of {day_month_year(register.as_of)}"
    position += f", after the meeting of {day_month_year(last)}" if last else ", before the first meeting"
    lines = [position, register.summary()] + ([RECALCULATED] if which == "outstanding" else [])
    return title_block(sheet, f"{series.title} ({series.id}): {which} actions", lines)


def _shared_cells(action: ActionState, builder: MinutesContextBuilder) -> list[Any]:
    return [
        action.ref,
        builder.text(action.text, at=action_location(action)).rstrip("."),
        _owners(action, builder),
        action.raised_on,
        action.raised_in,
        action.due,
        action.original_due,
        action.status.describe(action.superseded_by),
    ]


def _open_sheet(sheet: Worksheet, register: Register, builder: MinutesContextBuilder | None) -> None:
    header = _title_block(sheet, register, "outstanding")
    due, status, overdue = (letter(OPEN_COLUMNS, heading) for heading in ("Due", "Status", "Overdue"))
    pending = ",".join(f'{status}{{row}}="{label}"' for label in PENDING_LABELS)
    rows = []
    for row, action in enumerate(register.outstanding if builder else [], start=header + 1):
        rows.append([
            *_shared_cells(action, builder),
            Formula(f'=IF(AND(ISNUMBER({due}{row}),{due}{row}<TODAY(),OR({pending.format(row=row)})),"Overdue","")'),
            Formula(f'=IF({overdue}{row}="Overdue",TODAY()-{due}{row},"")'),
            _history(action, builder),
        ])
    write_table(sheet, header, OPEN_COLUMNS, rows, marking=register.series.file.marking)
    if rows:
        first, last = header + 1, header + len(rows)
        sheet.conditional_formatting.add(
            f"A{first}:{letter(OPEN_COLUMNS, HISTORY.heading)}{last}",
            FormulaRule(formula=[f'${overdue}{first}="Overdue"'],
                        fill=PatternFill(start_color=OVERDUE_FILL, end_color=OVERDUE_FILL, fill_type="solid")),
        )


def _closed_sheet(sheet: Worksheet, register: Register, builder: MinutesContextBuilder | None) -> None:
    header = _title_block(sheet, register, "closed")
    rows = [[*_shared_cells(action, builder), action.closed_on, _history(action, builder)]
            for action in (register.closed if builder else [])]
    write_table(sheet, header, CLOSED_COLUMNS, rows, marking=register.series.file.marking)


def _history(action: ActionState, builder: MinutesContextBuilder) -> str:
    """Every update of the action, oldest first, one line each, and each move of its due date with the reason."""
    at = action_location(action)
    lines = []
    due = action.original_due
    for event in action.history:
        line = f"{numeric_date(event.meeting)} – {event.status.describe(event.superseded_by)}"
        lines.append(line + (f": {builder.text(event.note, at=at)}" if event.note else ""))
        if event.due is not None and event.due != due:
            moved = f"from {numeric_date(due)} to {numeric_date(event.due)}" if due else f"to {numeric_date(event.due)}"
            reason = f": {builder.text(event.due_reason, at=at)}" if event.due_reason else ""
            lines.append(f"{numeric_date(event.meeting)} – due date moved {moved}{reason}")
            due = event.due
    return "\n".join(lines)
