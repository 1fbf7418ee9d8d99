"""Action logs of a series: a landscape Word document and a workbook, chosen by the output's suffix.

All record text reaches both through a context builder's gateways
(`series_builder`), so a release subclass can redact the logs as it does
the minutes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from minutes_kit.actions.lifecycle import ActionState
from minutes_kit.actions.register import Register, action_location, series_builder, status_label
from minutes_kit.errors import OutputError
from minutes_kit.files import atomic_output
from minutes_kit.record.model import DEFAULT_LANGUAGE
from minutes_kit.rendering.context import MinutesContextBuilder, day_month_year, join_names, long_date, short_date
from minutes_kit.rendering.docx import TEMPLATES_DIR, DocumentProperties, render_docx

ACTION_LOG_TEMPLATE = TEMPLATES_DIR / "action_log.docx"
OVERDUE_FILL = "F4CCCC"
"""Light red: shading a reader sees at once that still leaves the text legible in print."""


ACTION_LOG_SUBJECT = "Action log"


def write_action_log(register: Register, output: Path) -> None:
    """Write the action log of `register` to `output`: Word for .docx, a workbook for .xlsx."""
    suffix = Path(output).suffix.lower()
    if suffix == ".docx":
        render_docx(ACTION_LOG_TEMPLATE, action_log_context(register), output, register.series.inputs,
                    properties=action_log_properties(register))
        return
    if suffix == ".xlsx":
        write_workbook(register, output)
        return
    raise OutputError(f"cannot write an action log as {output}: give a .docx or .xlsx file name")


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
        due += f" (was {short_date(action.original_due)})"
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


SHEET_COLUMNS: dict[str, float] = {
    "Ref": 16, "Action": 50, "Owner": 24, "Raised at meeting": 14, "Paragraph": 10, "Due": 12,
    "Original due": 12, "Status": 24, "Latest update": 50, "Updated on": 12, "Closed on": 12,
}
DATE_FORMAT = "d mmm yyyy"
WRAPPED = {"Action", "Latest update"}


def write_workbook(register: Register, output: Path) -> None:
    """Open and closed actions on separate sheets, ready to sort and filter; overdue rows filled red."""
    builder = series_builder(register.series)
    workbook = Workbook()
    workbook.properties.creator = ""
    properties = action_log_properties(register)
    workbook.properties.title = properties.title
    workbook.properties.subject = properties.subject
    workbook.properties.language = properties.language
    open_sheet = workbook.active
    open_sheet.title = "Open"
    _fill_sheet(open_sheet, register.outstanding, register, builder)
    _fill_sheet(workbook.create_sheet("Closed"), register.closed, register, builder)
    with atomic_output(output, register.series.inputs) as temporary:
        workbook.save(temporary)


def _sheet_row(action: ActionState, register: Register, builder: MinutesContextBuilder) -> list[Any]:
    latest = action.latest_note
    return [
        action.ref,
        builder.text(action.text, at=action_location(action)).rstrip("."),
        _owners(action, builder),
        action.raised_on,
        action.raised_in,
        action.due,
        action.original_due,
        status_label(action, register.as_of),
        builder.text(latest.note, at=action_location(action)) if latest and latest.note else "",
        latest.meeting if latest else None,
        action.closed_on,
    ]


def _fill_sheet(sheet: Worksheet, actions: list[ActionState], register: Register,
                builder: MinutesContextBuilder | None) -> None:
    marking = register.series.file.marking
    sheet.oddHeader.center.text = marking
    sheet.oddFooter.center.text = f"{marking}  Page &P of &N"
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "1:1"
    sheet.append(list(SHEET_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    overdue = PatternFill("solid", fgColor=OVERDUE_FILL)
    for action in actions if builder else []:
        sheet.append(_sheet_row(action, register, builder))
        row = sheet[sheet.max_row]
        for cell, heading in zip(row, SHEET_COLUMNS):
            if heading in WRAPPED:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.is_date:
                cell.number_format = DATE_FORMAT
            if action.overdue(register.as_of):
                cell.fill = overdue
    for index, width in enumerate(SHEET_COLUMNS.values(), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(SHEET_COLUMNS))}{max(sheet.max_row, 2)}"
