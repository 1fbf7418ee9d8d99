"""The Provider Action Plan (`minutes action-log --layout action-plan`) read back from Word and Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook
from typer.testing import CliRunner

from minutes_kit.cli import app
from tests.actions.conftest import SAMPLE_SERIES, edit

COLUMNS = ["Number", "Action", "Targets/outputs", "Due/review date", "Progress", "Action completed"]
HEADER = {
    "Date": "14 August 2026",
    "Provider": "Northgate Property Partners Ltd",
    "Contract": "Regional office estate facilities management, Lot 2",
    "Provider accountable lead": "Marcus Bell",
    "Performance manager": "Kieran Patel",
    "Senior performance manager": "Alison Hartley",
}
# The sample series by area (in the order first raised, Other last), then objective (none first):
# (area, objective, [(number, reference words of the action)]).
GROUPS = [
    ("1. Building condition", "Hallam Street weathertight before the winter",
     [("1.1", "Circulate the Hallam Street condition survey"), ("1.2", "Obtain three quotes")]),
    ("2. Storage costs", "A fifth off the cost of storage by April 2027",
     [("2.1", "Draft a business case"), ("2.2", "Prepare an options appraisal")]),
    ("3. Health and safety", None, [("3.1", "Review the energy meter readings")]),
    ("3. Health and safety", "Every leased building assessed on one cycle",
     [("3.2", "Confirm the date of the last fire risk assessment")]),
    ("4. Other", None, [("4.1", "Set up a shared tracker"), ("4.2", "Arrange a site visit"),
                        ("4.3", "Share the revised lease schedule")]),
]


def write(series: Path, output: Path, *extra: str) -> Path:
    result = CliRunner().invoke(app, ["action-log", str(series), "-o", str(output), "--as-of", "2026-08-20",
                                      "--layout", "action-plan", *extra])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory) -> Path:
    return write(SAMPLE_SERIES, tmp_path_factory.mktemp("plan") / "plan.docx")


def blocks(document):
    """The body in reading order: paragraphs and tables."""
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            yield Paragraph(element, document)
        elif element.tag.endswith("}tbl"):
            yield Table(element, document)


def grouped_tables(document) -> list[tuple[str, str | None, list[list[str]]]]:
    """Each table with the area (Heading 1) and outcome objective (Heading 2) it sits under."""
    found, area, objective = [], None, None
    for block in blocks(document):
        if isinstance(block, Paragraph) and block.style.name == "Heading 1":
            area, objective = block.text, None
        elif isinstance(block, Paragraph) and block.style.name == "Heading 2":
            objective = block.text.removeprefix("Outcome objective: ")
        elif isinstance(block, Table):
            found.append((area, objective, [[cell.text for cell in row.cells] for row in block.rows]))
    return found


def test_the_plan_opens_with_its_header_block_and_monthly_update(plan_docx):
    document = Document(plan_docx)
    assert document.paragraphs[0].text == "Provider Action Plan"
    block = dict(paragraph.text.split(":\t", 1) for paragraph in document.paragraphs
                 if paragraph.style.name == "Plan Details")
    assert block == HEADER
    texts = [paragraph.text for paragraph in document.paragraphs]
    update = texts.index("Monthly update")
    assert document.paragraphs[update].style.name == "Heading 1"
    assert texts[update + 1].startswith("Two of the three roof quotes are in")


def test_actions_are_grouped_by_area_then_objective_and_numbered_within_their_area(plan_docx):
    tables = grouped_tables(Document(plan_docx))
    assert [(area, objective) for area, objective, _ in tables] == [(area, objective) for area, objective, _ in GROUPS]
    for (_, _, rows), (area, _, actions) in zip(tables, GROUPS):
        assert rows[0] == COLUMNS
        assert [(row[0], row[1][: len(words)]) for row, (_, words) in zip(rows[1:], actions)] == actions, area
        assert len(rows) == len(actions) + 1, area


def test_each_row_gives_targets_due_date_progress_and_completion(plan_docx):
    rows = {row[0]: dict(zip(COLUMNS, row)) for _, _, table in grouped_tables(Document(plan_docx)) for row in table[1:]}
    assert rows["1.2"] == {
        "Number": "1.2", "Action": "Obtain three quotes for the Hallam Street roof repair",
        "Targets/outputs": "Three written quotes compared on cost and start date.",
        "Due/review date": "11 Aug 2026",
        "Progress": "In progress (11 Aug 2026): The third quote is expected this week.",
        "Action completed": "",
    }
    assert rows["1.1"]["Action completed"] == "9 Jun 2026"
    # Complete on 14 July, closed on 11 August: completed when the group heard it was done.
    assert rows["3.2"]["Action completed"] == "14 Jul 2026"
    assert rows["2.1"]["Progress"].startswith("Superseded by RESG-260714-01")
    assert rows["2.1"]["Action completed"] == ""
    assert rows["4.3"]["Progress"] == "Open" and rows["4.3"]["Targets/outputs"] == ""


def test_the_default_layout_is_still_the_action_log(tmp_path):
    output = tmp_path / "log.docx"
    result = CliRunner().invoke(app, ["action-log", str(SAMPLE_SERIES), "-o", str(output), "--as-of", "2026-08-20"])
    assert result.exit_code == 0, result.output
    assert Document(output).paragraphs[0].text == "Action Log"


def test_an_unknown_layout_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["action-log", str(SAMPLE_SERIES), "-o", str(tmp_path / "x.docx"),
                                      "--layout", "plan"])
    assert result.exit_code == 2
    assert "action-plan" in result.output


def test_a_series_without_a_plan_header_dates_the_plan_by_the_as_of_date(series_dir, tmp_path):
    text = (series_dir / "series.yaml").read_text(encoding="utf-8")
    (series_dir / "series.yaml").write_text(text[: text.index("# The header block of the Provider Action Plan")],
                                            encoding="utf-8")
    document = Document(write(series_dir, tmp_path / "plan.docx"))
    block = [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "Plan Details"]
    assert block == ["Date:\t20 August 2026"]
    assert "Monthly update" not in [paragraph.text for paragraph in document.paragraphs]


def test_a_misspelt_plan_header_field_is_reported_at_its_line(series_dir):
    line = edit(series_dir / "series.yaml", "  accountable_lead: Marcus Bell", "  acountable_lead: Marcus Bell")
    result = CliRunner().invoke(app, ["validate", str(series_dir)])
    assert result.exit_code == 1
    assert f"series.yaml:{line}" in result.output and "acountable_lead" in result.output


def test_the_plan_workbook_lists_the_same_rows_with_area_and_objective_columns(tmp_path):
    sheet = load_workbook(write(SAMPLE_SERIES, tmp_path / "plan.xlsx"))["Action plan"]
    header = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Area to be addressed")
    block = [sheet[f"A{row}"].value for row in range(1, header) if sheet[f"A{row}"].value]
    assert block[0] == "Provider Action Plan"
    for label, value in HEADER.items():
        assert f"{label}: {value}" in block
    assert any(line.startswith("Monthly update: Two of the three roof quotes") for line in block)
    headings = [cell.value for cell in sheet[header]]
    assert headings == ["Area to be addressed", "Outcome objective", *COLUMNS]
    rows = [dict(zip(headings, (cell.value for cell in row))) for row in sheet.iter_rows(min_row=header + 1)]
    expected = [(area, objective, number) for area, objective, actions in GROUPS for number, _ in actions]
    assert [(row["Area to be addressed"], row["Outcome objective"], row["Number"]) for row in rows] == expected
    roof = rows[1]
    assert roof["Due/review date"] == dt.datetime(2026, 8, 11) and roof["Action completed"] is None
    assert rows[0]["Action completed"] == dt.datetime(2026, 6, 9)
    assert sheet.cell(header + 1, headings.index("Due/review date") + 1).number_format == "dd/mm/yyyy"
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
