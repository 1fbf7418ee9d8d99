"""The action log workbook as an Excel user keeps it: read back with openpyxl, recalculated and printed by LibreOffice."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from minutes_kit.actions.sheets import Column, title_block, write_table
from minutes_kit.cli import app
from minutes_kit.errors import OfficeUnavailable
from minutes_kit.rendering.pdf import convert_to_pdf
from tests.actions.conftest import SAMPLE_SERIES, edit
from tests.conftest import _require, pdf_pages

OUTSTANDING = ["RESG-260609-01", "RESG-260714-01", "RESG-260714-02", "RESG-260811-01"]
CLOSED = ["RESG-01", "RESG-260512-02", "RESG-260512-03", "RESG-260609-02", "RESG-260714-03"]
OPEN_HEADINGS = ["Ref", "Action", "Owner", "Raised at meeting", "Paragraph", "Due", "Original due", "Status",
                 "Overdue", "Days overdue", "History"]
CLOSED_HEADINGS = ["Ref", "Action", "Owner", "Raised at meeting", "Paragraph", "Due", "Original due", "Status",
                   "Closed on", "History"]
# The sample's own figures, as of 20 August 2026.
SUMMARY = "As of 20 Aug 2026: 4 open, 2 overdue, 2 closed since the last meeting (11 Aug 2026)"


def write(series: Path, output: Path) -> Path:
    result = CliRunner().invoke(app, ["action-log", str(series), "-o", str(output), "--as-of", "2026-08-20"])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="module")
def log_xlsx(tmp_path_factory) -> Path:
    return write(SAMPLE_SERIES, tmp_path_factory.mktemp("workbook") / "log.xlsx")


@pytest.fixture(scope="module")
def workbook(log_xlsx):
    return load_workbook(log_xlsx)


def header_row(sheet) -> int:
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == "Ref")


def column(sheet, heading: str) -> str:
    """The letter of the column under `heading`."""
    return next(cell.column_letter for cell in sheet[header_row(sheet)] if cell.value == heading)


def cells(sheet, heading: str) -> dict[str, object]:
    """The cells of the column under `heading`, by the action reference of their row."""
    letter = column(sheet, heading)
    return {sheet[f"A{row}"].value: sheet[f"{letter}{row}"] for row in range(header_row(sheet) + 1, sheet.max_row + 1)}


# Printing: one page wide, the header on every page.

@pytest.mark.parametrize("name", ["Open", "Closed"])
def test_each_sheet_prints_landscape_one_page_wide_with_the_header_on_every_page(workbook, name):
    sheet = workbook[name]
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.page_setup.orientation == "landscape"
    header = header_row(sheet)
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.freeze_panes == f"A{header + 1}"


@pytest.mark.parametrize("name, headings", [("Open", OPEN_HEADINGS), ("Closed", CLOSED_HEADINGS)])
def test_the_header_row_is_bold_and_filled(workbook, name, headings):
    sheet = workbook[name]
    row = sheet[header_row(sheet)]
    assert [cell.value for cell in row] == headings
    for cell in row:
        assert cell.font.b and cell.fill.fill_type == "solid", cell.value
        assert cell.fill.fgColor.rgb[-6:] not in ("FFFFFF", "000000"), cell.value


@pytest.mark.parametrize("name, which", [("Open", "outstanding"), ("Closed", "closed")])
def test_a_title_block_names_the_group_the_date_and_the_summary(workbook, name, which):
    sheet = workbook[name]
    block = [sheet[f"A{row}"].value for row in range(1, header_row(sheet)) if sheet[f"A{row}"].value]
    assert block[0] == f"Regional Estates Steering Group (RESG): {which} actions"
    assert "Actions as of 20 August 2026, after the meeting of 11 August 2026" in block
    assert SUMMARY in block
    assert sheet["A1"].font.b


def test_columns_fit_their_content_within_bounds_and_long_text_wraps(workbook):
    sheet = workbook["Closed"]
    widths = {heading: sheet.column_dimensions[column(sheet, heading)].width for heading in CLOSED_HEADINGS}
    # "Raised at meeting" was cut off: now each heading's longest word fits, and so does a dd/mm/yyyy date.
    for heading, width in widths.items():
        assert width >= max(len(word) for word in heading.split()), heading
    for heading in ("Raised at meeting", "Due", "Original due", "Closed on"):
        assert widths[heading] >= len("15/09/2026"), heading
    assert widths["Status"] >= len("Superseded by RESG-260714-01")
    assert widths["Action"] <= 60 and widths["History"] <= 60
    for heading in ("Action", "History"):
        assert all(cell.alignment.wrap_text for cell in cells(sheet, heading).values()), heading


def test_dates_are_excel_dates_shown_day_month_year(workbook):
    sheet = workbook["Open"]
    due = cells(sheet, "Due")["RESG-260609-01"]
    assert due.value == dt.datetime(2026, 8, 11)
    assert due.number_format == "dd/mm/yyyy"
    assert cells(sheet, "Raised at meeting")["RESG-260609-01"].value == dt.datetime(2026, 6, 9)
    assert cells(workbook["Closed"], "Closed on")["RESG-01"].value == dt.datetime(2026, 6, 9)


# Overdue: formulas against TODAY(), not a static fill.

def test_status_holds_only_the_status(workbook):
    assert {cell.value for cell in cells(workbook["Open"], "Status").values()} == {"Open", "In progress"}
    assert cells(workbook["Closed"], "Status")["RESG-260512-02"].value == "Superseded by RESG-260714-01"
    for sheet in workbook:
        for row in sheet.iter_rows(min_row=header_row(sheet) + 1):
            assert all(cell.fill.fill_type is None for cell in row)


def test_overdue_and_days_overdue_are_formulas_on_the_rows_own_due_date_and_status(workbook):
    sheet = workbook["Open"]
    due, status, overdue = column(sheet, "Due"), column(sheet, "Status"), column(sheet, "Overdue")
    for ref in OUTSTANDING:
        row = cells(sheet, "Overdue")[ref].row
        flag, days = cells(sheet, "Overdue")[ref].value, cells(sheet, "Days overdue")[ref].value
        assert flag.startswith("=") and "TODAY()" in flag and days.startswith("=") and "TODAY()" in days
        assert f"{due}{row}<TODAY()" in flag
        assert f'{status}{row}="Open"' in flag and f'{status}{row}="In progress"' in flag
        assert f'{overdue}{row}="Overdue"' in days and f"TODAY()-{due}{row}" in days


def test_conditional_formatting_fills_the_rows_the_overdue_column_flags(workbook):
    sheet = workbook["Open"]
    first, last = header_row(sheet) + 1, header_row(sheet) + len(OUTSTANDING)
    overdue = column(sheet, "Overdue")
    rules = [(str(ranges.sqref), rule) for ranges in sheet.conditional_formatting for rule in ranges.rules]
    assert len(rules) == 1
    sqref, rule = rules[0]
    assert sqref == f"A{first}:{column(sheet, 'History')}{last}"
    assert rule.type == "expression" and rule.formula == [f'${overdue}{first}="Overdue"']
    assert rule.dxf.fill.fgColor.rgb[-6:] == "F4CCCC"
    assert not list(workbook["Closed"].conditional_formatting)


# History: every update and each revised date's reason.

def test_history_lists_every_update_and_each_due_date_moved_with_its_reason(workbook):
    assert cells(workbook["Open"], "History")["RESG-260609-01"].value.splitlines() == [
        "14/07/2026 – In progress: Two quotes received; the third contractor could not get access to the roof.",
        "14/07/2026 – due date moved from 07/07/2026 to 11/08/2026: contractor access to the roof was delayed",
        "11/08/2026 – In progress: The third quote is expected this week.",
    ]
    assert cells(workbook["Closed"], "History")["RESG-260512-02"].value.splitlines() == [
        "09/06/2026 – In progress: Marcus Bell is waiting for the landlord's service charge figures.",
        "09/06/2026 – due date moved from 09/06/2026 to 14/07/2026: the landlord's figures arrive at the end of June",
        "14/07/2026 – Superseded by RESG-260714-01: Replaced by the wider options appraisal.",
    ]
    assert cells(workbook["Open"], "History")["RESG-260811-01"].value in ("", None)


def test_record_text_that_looks_like_a_formula_stays_text(series_dir, tmp_path):
    edit(series_dir / "2026-08-11.yaml", "text: share the revised lease schedule with the finance team",
         'text: "=HYPERLINK(\\"http://example.invalid\\") share the schedule"')
    sheet = load_workbook(write(series_dir, tmp_path / "log.xlsx"))["Open"]
    action = cells(sheet, "Action")["RESG-260811-01"]
    assert action.data_type == "s" and action.value.startswith("=HYPERLINK(")


# LibreOffice: the workbook recalculated today and printed.

@pytest.fixture(scope="session")
def calc(office, tmp_path_factory) -> str:
    """LibreOffice able to open workbooks (Debian: libreoffice-calc), or a skip."""
    probe = tmp_path_factory.mktemp("calc") / "probe.xlsx"
    Workbook().save(probe)
    try:
        convert_to_pdf(probe, probe.with_suffix(".pdf"))
        opens_workbooks = True
    except OfficeUnavailable:
        opens_workbooks = False
    _require("LibreOffice Calc (libreoffice-calc)", opens_workbooks)
    return office


def test_libreoffice_works_out_overdue_against_today(calc, series_dir, tmp_path):
    """The open sheet as LibreOffice computes it on opening, whatever the day: overdue is due before today
    while open or in progress. A complete action long past its due date and one due in 2099 are not."""
    edit(series_dir / "2026-07-14.yaml", "due: 2026-09-08", "due: 2026-07-20")
    edit(series_dir / "2026-08-11.yaml", "- ref: RESG-260714-01\n    status: in progress",
         "- ref: RESG-260714-01\n    status: complete")
    edit(series_dir / "2026-08-11.yaml", "due: 2026-09-01", "due: 2099-09-01")
    log = write(series_dir, tmp_path / "log.xlsx")
    profile = (tmp_path / "profile").as_uri()
    # UTF-8, and each cell as shown (dates dd/mm/yyyy): LibreOffice's CSV filter options, by position.
    subprocess.run([calc, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", str(tmp_path), str(log)],
                   capture_output=True, check=True, timeout=300)
    rows = list(csv.reader(io.StringIO((tmp_path / "log.csv").read_text(encoding="utf-8"), newline="")))
    header = next(index for index, row in enumerate(rows) if row and row[0] == "Ref")
    today = dt.date.today()
    flags = {}
    for row in rows[header + 1:]:
        record = dict(zip(rows[header], row))
        due = dt.datetime.strptime(record["Due"], "%d/%m/%Y").date()
        late = due < today and record["Status"] in ("Open", "In progress")
        assert record["Overdue"] == ("Overdue" if late else ""), record["Ref"]
        assert record["Days overdue"] == (str((today - due).days) if late else ""), record["Ref"]
        flags[record["Ref"]] = record["Overdue"]
    assert flags.keys() == set(OUTSTANDING)
    assert flags["RESG-260714-01"] == flags["RESG-260811-01"] == ""


def test_the_printed_workbook_is_one_page_wide(calc, log_xlsx):
    """Each sheet's rows fit on one page, so one page per sheet: each holds every column heading and every
    reference of its sheet (not fitted, the columns ran over three pages a sheet)."""
    pdf = log_xlsx.with_suffix(".pdf")
    convert_to_pdf(log_xlsx, pdf)
    pages = pdf_pages(pdf)
    assert len(pages) == 2
    for page, headings, refs in ((pages[0], OPEN_HEADINGS, OUTSTANDING), (pages[1], CLOSED_HEADINGS, CLOSED)):
        words = set(re.findall(r"[\w-]+", page))
        for heading in headings:
            assert set(heading.split()) <= words, heading
        for ref in refs:
            assert ref in words, ref
        assert SUMMARY in " ".join(page.split())


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""The control characters a worksheet cannot hold (tab, line feed and carriage return it can)."""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=80),
                min_size=1, max_size=4))
def test_any_text_is_written_as_text_within_the_column_bounds(texts):
    """Whatever a record says, the workbook holds it as text (never a formula, never a refused file),
    less only the control characters no workbook can hold, in a column within its bounds."""
    sheet = Workbook().active
    header = title_block(sheet, texts[0], texts[1:])
    write_table(sheet, header, [Column("Text", 10, 40, wrap=True)], [[text] for text in texts], marking="OFFICIAL")
    saved = io.BytesIO()
    sheet.parent.save(saved)
    sheet = load_workbook(saved).active
    expected = [CONTROL.sub("", text) or None for text in texts]
    assert [sheet.cell(row, 1).value for row in range(1, len(texts) + 1)] == expected
    assert [sheet.cell(header + row, 1).value for row in range(1, len(texts) + 1)] == expected
    assert all(sheet.cell(row, 1).data_type != "f" for row in range(1, header + len(texts) + 1))
    assert 10 <= sheet.column_dimensions["A"].width <= 40
