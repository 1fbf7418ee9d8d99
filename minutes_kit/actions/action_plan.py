"""The Provider Action Plan of a series, in Word and as a workbook (`minutes action-log --layout action-plan`).

Under a header block (provider, contract, leads, date: the series file's `action_plan`) and the
monthly update, every action of the series is listed by the area it addresses and, within an
area, by its outcome objective, numbered area by area (1.1, 1.2, 2.1): what is to be done, its
targets or outputs, its due or review date, its progress (the latest update) and when it was
completed. Actions that name no area go under "Other", last.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes_kit.actions.lifecycle import ActionState
from minutes_kit.actions.register import Register, action_location, series_builder
from minutes_kit.actions.sheets import Column, new_workbook, title_block, wrap_across, write_table
from minutes_kit.files import atomic_output
from minutes_kit.record.model import DEFAULT_LANGUAGE, Action, ActionStatus
from minutes_kit.rendering.context import MinutesContextBuilder, day_month_year, long_date, short_date
from minutes_kit.rendering.docx import TEMPLATES_DIR, DocumentProperties, render_docx

ACTION_PLAN_TEMPLATE = TEMPLATES_DIR / "action_plan.docx"
ACTION_PLAN_TITLE = "Provider Action Plan"
OTHER_AREA = "Other"
"""The area of the actions that name none."""
DONE = (ActionStatus.COMPLETE, ActionStatus.CLOSED)


@dataclass(frozen=True)
class PlanRow:
    number: str
    action: str
    targets: str
    due: dt.date | None
    progress: str
    completed: dt.date | None


@dataclass
class PlanGroup:
    """The actions of an area with one outcome objective (or none)."""

    objective: str | None
    rows: list[PlanRow] = field(default_factory=list)


@dataclass
class PlanArea:
    number: int
    name: str
    groups: list[PlanGroup] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.name}"


def plan_areas(register: Register, builder: MinutesContextBuilder) -> list[PlanArea]:
    """Every action of the register by area (in the order first raised, "Other" last), then by objective
    (those without one first), numbered within its area."""
    raised = raised_actions(register)
    grouped: dict[str, dict[str | None, list[ActionState]]] = {}
    for state in register.actions:
        action = raised[state.ref]
        at = action_location(state)
        area = builder.text(action.area, at=at) if action.area else OTHER_AREA
        objective = builder.text(action.objective, at=at) if action.objective else None
        grouped.setdefault(area, {}).setdefault(objective, []).append(state)
    names = sorted(grouped, key=lambda name: name == OTHER_AREA)  # stable: first raised first, Other last
    areas = []
    for number, name in enumerate(names, start=1):
        area = PlanArea(number, name)
        objectives = sorted(grouped[name], key=lambda objective: objective is not None)
        count = 0
        for objective in objectives:
            group = PlanGroup(objective)
            for state in grouped[name][objective]:
                count += 1
                group.rows.append(_row(f"{number}.{count}", state, raised[state.ref], builder))
            area.groups.append(group)
        areas.append(area)
    return areas


def raised_actions(register: Register) -> dict[str, Action]:
    """The actions of the series as their meetings raised them, by reference (the first raise of each)."""
    raised: dict[str, Action] = {}
    for meeting in register.series.meetings:
        for _, action in meeting.record.actions():
            raised.setdefault(str(action.ref), action)
    return raised


def _row(number: str, state: ActionState, action: Action, builder: MinutesContextBuilder) -> PlanRow:
    at = action_location(state)
    text = builder.text(state.text, at=at).rstrip(".")
    return PlanRow(
        number=number,
        action=text[:1].upper() + text[1:],
        targets=builder.text(action.targets, at=at) if action.targets else "",
        due=state.due,
        progress=progress(state, builder),
        completed=completed_on(state),
    )


def progress(state: ActionState, builder: MinutesContextBuilder) -> str:
    """The action's status and its latest note: "In progress (11 Aug 2026): Two of three quotes are in."."""
    status = state.status.describe(state.superseded_by)
    latest = state.latest_note
    if latest is None or latest.note is None:
        return status
    return f"{status} ({short_date(latest.meeting)}): {builder.text(latest.note, at=action_location(state))}"


def completed_on(state: ActionState) -> dt.date | None:
    """The meeting that recorded the action complete (or closed it), if it is done and has stayed done."""
    completed = None
    for event in state.history:
        if event.status in DONE:
            completed = completed or event.meeting
        else:
            completed = None
    return completed


def header_lines(register: Register) -> list[tuple[str, str]]:
    """The header block, label and value, of the fields the series gives; the date always."""
    header = register.series.file.action_plan
    lines = [("Date", day_month_year(header.date if header and header.date else register.as_of))]
    if header is None:
        return lines
    return lines + [(label, value) for label, value in (
        ("Provider", header.provider),
        ("Contract", header.contract),
        ("Provider accountable lead", header.accountable_lead),
        ("Performance manager", header.performance_manager),
        ("Senior performance manager", header.senior_performance_manager),
    ) if value]


def action_plan_properties(register: Register) -> DocumentProperties:
    series = register.series.file
    return DocumentProperties(title=f"{series.title}: {ACTION_PLAN_TITLE.lower()} as of {day_month_year(register.as_of)}",
                              subject=ACTION_PLAN_TITLE, language=series.language or DEFAULT_LANGUAGE)


def action_plan_context(register: Register) -> dict[str, Any]:
    """The variables of the action plan template."""
    builder = series_builder(register.series)
    series = register.series.file
    areas = plan_areas(register, builder) if builder else []
    header = series.action_plan
    return {
        "marking": series.marking,
        "title": series.title,
        "series": series.id,
        "as_of": long_date(register.as_of),
        "header": [{"label": label, "value": value} for label, value in header_lines(register)],
        "update": header.update if header and header.update else "",
        "areas": [
            {"heading": area.heading, "groups": [
                {"objective": group.objective or "", "rows": [_docx_row(row) for row in group.rows]}
                for group in area.groups
            ]}
            for area in areas
        ],
    }


def _docx_row(row: PlanRow) -> dict[str, str]:
    return {
        "number": row.number,
        "action": row.action,
        "targets": row.targets,
        "due": short_date(row.due) if row.due else "Not set",
        "progress": row.progress,
        "completed": short_date(row.completed) if row.completed else "",
    }


def write_action_plan_docx(register: Register, output: Path) -> None:
    render_docx(ACTION_PLAN_TEMPLATE, action_plan_context(register), output, register.series.inputs,
                properties=action_plan_properties(register))


SHEET_COLUMNS = (
    Column("Area to be addressed", 14, 30, wrap=True), Column("Outcome objective", 14, 30, wrap=True),
    Column("Number", 8, 8), Column("Action", 30, 50, wrap=True), Column("Targets/outputs", 20, 40, wrap=True),
    Column("Due/review date", 12, 12), Column("Progress", 30, 50, wrap=True), Column("Action completed", 12, 12),
)


def write_action_plan_workbook(register: Register, output: Path) -> None:
    """One sheet: the header block and monthly update over the actions, one row each, in area and
    objective order, with the area and objective in columns of their own to filter by."""
    builder = series_builder(register.series)
    series = register.series.file
    workbook = new_workbook(action_plan_properties(register))
    sheet = workbook.active
    sheet.title = "Action plan"
    lines = [f"{series.title} ({series.id}), actions as of {day_month_year(register.as_of)}"]
    lines += [f"{label}: {value}" for label, value in header_lines(register)]
    update = series.action_plan.update if series.action_plan else None
    if update:
        lines.append(f"Monthly update: {update}")
    header_row = title_block(sheet, ACTION_PLAN_TITLE, lines)
    rows = [
        [area.heading, group.objective or "", row.number, row.action, row.targets, row.due, row.progress, row.completed]
        for area in (plan_areas(register, builder) if builder else [])
        for group in area.groups
        for row in group.rows
    ]
    write_table(sheet, header_row, SHEET_COLUMNS, rows, marking=series.marking)
    if update:
        wrap_across(sheet, header_row - 2, len(SHEET_COLUMNS))
    with atomic_output(output, register.series.inputs) as temporary:
        workbook.save(temporary)
