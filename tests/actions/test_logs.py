"""The action logs read back: the Word log with python-docx and LibreOffice, the workbook with openpyxl."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.rendering.pdf import convert_to_pdf
from tests.actions.conftest import SAMPLE_SERIES
from tests.conftest import pdf_pages

MARKING = "OFFICIAL-SENSITIVE COMMERCIAL"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OUTSTANDING = ["RESG-260609-01", "RESG-260714-01", "RESG-260714-02", "RESG-260811-01"]
CLOSED = ["RESG-01", "RESG-260512-02", "RESG-260512-03", "RESG-260609-02", "RESG-260714-03"]
OVERDUE = {"RESG-260609-01", "RESG-260714-02"}


def _write(tmp_path, name: str):
    output = tmp_path / name
    result = CliRunner().invoke(app, ["action-log", str(SAMPLE_SERIES), "-o", str(output), "--as-of", "2026-08-20"])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="module")
def log_docx(tmp_path_factory):
    return _write(tmp_path_factory.mktemp("log"), "log.docx")


def _fill(cell) -> str | None:
    shading = cell._tc.tcPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")
    return None if shading is None else shading.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill")


def test_docx_log_lists_outstanding_and_closed_actions_with_every_column(log_docx):
    document = Document(log_docx)
    outstanding, closed = document.tables
    assert [c.text for c in outstanding.rows[0].cells] == ["Ref", "Action", "Owner", "Raised", "Due", "Status", "Latest update"]
    assert [row.cells[0].text for row in outstanding.rows[1:]] == OUTSTANDING
    assert [row.cells[0].text for row in closed.rows[1:]] == CLOSED
    roof = [c.text for c in outstanding.rows[1].cells]
    assert roof[1:5] == ["obtain three quotes for the Hallam Street roof repair", "Kieran Patel",
                         "9 Jun 2026, paragraph 3.1", "11 Aug 2026\n(was 7 Jul 2026)"]
    assert roof[6] == "11 Aug 2026: The third quote is expected this week."
    assert closed.rows[2].cells[5].text == "Superseded by RESG-260714-01"


def test_docx_log_flags_overdue_rows_in_words_and_red(log_docx):
    outstanding = Document(log_docx).tables[0]
    for row in outstanding.rows[1:]:
        ref, status = row.cells[0].text, row.cells[5].text
        fills = {_fill(cell) for cell in row.cells}
        if ref in OVERDUE:
            assert status.endswith("– OVERDUE") and fills == {"F4CCCC"}, ref
        else:
            assert "OVERDUE" not in status and fills == {"auto"}, ref


def test_docx_log_is_landscape_with_marking_in_header_and_footer(log_docx):
    section = Document(log_docx).sections[0]
    assert section.page_width > section.page_height
    assert section.header.paragraphs[0].text == MARKING
    assert section.footer.paragraphs[0].text == MARKING


@pytest.fixture(scope="module")
def log_pages(office, log_docx) -> list[str]:
    pdf = log_docx.with_suffix(".pdf")
    convert_to_pdf(log_docx, pdf)
    return pdf_pages(pdf)


def test_docx_log_has_the_marking_on_every_page(log_pages):
    pages = log_pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == MARKING and lines[-2] == MARKING, f"page {number}"
        assert lines[-1] == f"Page {number} of {len(pages)}"
    assert "OVERDUE" in "".join(pages)


def _twips(element, name: str) -> int:
    return int(element.get(f"{{{W}}}{name}"))


def test_docx_log_tables_span_the_text_width(log_docx):
    document = Document(log_docx)
    section = document.sections[0]
    text_width = round((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU to twips
    for table in document.tables:
        grid = [_twips(column, "w") for column in table._tbl.tblGrid.findall(f"{{{W}}}gridCol")]
        assert abs(sum(grid) - text_width) <= 5
        width = table._tbl.tblPr.find(f"{{{W}}}tblW")
        assert width.get(f"{{{W}}}type") == "dxa" and abs(_twips(width, "w") - text_width) <= 5


# The widest a character of Arial can be on average in a reference or a date: digits and capitals are
# 0.56-0.72 em, hyphens and spaces narrower; 0.6 em is generous for a run of them.
AVERAGE_EM = 0.6


def _fits(text: str, column_twips: int, points: float, margins_twips: int) -> bool:
    return len(text) * AVERAGE_EM * points * 20 + margins_twips <= column_twips


def test_docx_log_references_owners_and_dates_fit_their_columns(log_docx):
    document = Document(log_docx)
    points = document.styles["Table Text"].font.size.pt
    margins = document.styles["Table Grid"].element.find(f"{{{W}}}tblPr/{{{W}}}tblCellMar")
    padding = sum(_twips(margins.find(f"{{{W}}}{side}"), "w") for side in ("left", "right"))
    for table in document.tables:
        grid = [_twips(column, "w") for column in table._tbl.tblGrid.findall(f"{{{W}}}gridCol")]
        headings = [cell.text for cell in table.rows[0].cells]
        for row in table.rows[1:]:
            cells = dict(zip(headings, (cell.text for cell in row.cells)))
            assert _fits(cells["Ref"], grid[headings.index("Ref")], points, padding), cells["Ref"]
            # The longest reference the issue names, and dates written both ways.
            assert _fits("ESG-2026-07-03", grid[headings.index("Ref")], points, padding)
            for heading in ("Raised", "Due"):
                for day in re.findall(r"\d{1,2} [A-Z][a-z]{2} \d{4}", cells[heading]) + ["15 Sep 2026", "15/09/2026"]:
                    assert _fits(day, grid[headings.index(heading)], points, padding), (heading, day)
            for owner in cells["Owner"].split(" and "):
                assert _fits(owner, grid[headings.index("Owner")], points, padding), owner


def test_docx_log_references_and_dates_are_not_broken_across_lines(log_pages):
    """As LibreOffice lays the log out: every reference and every due date whole on one line."""
    lines = "\n".join(log_pages)
    for ref in OUTSTANDING + CLOSED:
        assert re.search(rf"(^|\s){re.escape(ref)}(\s|$)", lines, re.MULTILINE), ref
    for due in ("11 Aug 2026", "(was 7 Jul 2026)", "14 Jul 2026", "(was 9 Jun 2026)", "30 Jun 2026"):
        assert due in lines, due


def test_xlsx_log_has_open_and_closed_sheets_ready_to_filter(tmp_path):
    workbook = load_workbook(_write(tmp_path, "log.xlsx"))
    assert workbook.sheetnames == ["Open", "Closed"]
    for sheet, refs in ((workbook["Open"], OUTSTANDING), (workbook["Closed"], CLOSED)):
        header = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Ref")
        assert sheet.freeze_panes == f"A{header + 1}"
        last = sheet.cell(header, sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A{header}:{last}{header + len(refs)}"
        assert [cell.value for cell in sheet["A"][header:]] == refs
        assert sheet.oddHeader.center.text == MARKING
    sheet = workbook["Open"]
    header = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Ref")
    headings = [cell.value for cell in sheet[header]]
    assert headings[:6] == ["Ref", "Action", "Owner", "Raised at meeting", "Paragraph", "Due"]
    for row in sheet.iter_rows(min_row=header + 1):
        due = row[headings.index("Due")]
        assert due.is_date and isinstance(due.value, dt.datetime)
        assert {cell.fill.fill_type for cell in row} == {None}  # overdue is conditional formatting, not a fill
        assert "OVERDUE" not in row[headings.index("Status")].value
    assert sheet.cell(header + 1, headings.index("Due") + 1).value == dt.datetime(2026, 8, 11)
    assert workbook.properties.creator in ("", None)


def test_other_suffixes_are_refused(tmp_path):
    result = CliRunner().invoke(app, ["action-log", str(SAMPLE_SERIES), "-o", str(tmp_path / "log.pdf")])
    assert result.exit_code == 1
    assert "give a .docx or .xlsx file name" in result.output
