"""The action logs read back: the Word log with python-docx and LibreOffice, the workbook with openpyxl."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.rendering.pdf import convert_to_pdf
from tests.actions.conftest import SAMPLE_SERIES
from tests.conftest import pdf_pages

MARKING = "OFFICIAL-SENSITIVE COMMERCIAL"
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
                         "9 Jun 2026, paragraph 3.1", "11 Aug 2026 (was 7 Jul 2026)"]
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


def test_docx_log_has_the_marking_on_every_page(office, log_docx):
    pdf = log_docx.with_suffix(".pdf")
    convert_to_pdf(log_docx, pdf)
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == MARKING and lines[-2] == MARKING, f"page {number}"
        assert lines[-1] == f"Page {number} of {len(pages)}"
    assert "OVERDUE" in "".join(pages)


def test_xlsx_log_has_open_and_closed_sheets_ready_to_filter(tmp_path):
    workbook = load_workbook(_write(tmp_path, "log.xlsx"))
    assert workbook.sheetnames == ["Open", "Closed"]
    for sheet, refs in ((workbook["Open"], OUTSTANDING), (workbook["Closed"], CLOSED)):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:K{len(refs) + 1}"
        assert [cell.value for cell in sheet["A"][1:]] == refs
        assert sheet.oddHeader.center.text == MARKING
    sheet = workbook["Open"]
    headings = [cell.value for cell in sheet[1]]
    assert headings[:6] == ["Ref", "Action", "Owner", "Raised at meeting", "Paragraph", "Due"]
    for row in sheet.iter_rows(min_row=2):
        due = row[headings.index("Due")]
        assert due.is_date and isinstance(due.value, dt.datetime)
        red = {cell.fill.fgColor.rgb[-6:] for cell in row if cell.fill.fill_type == "solid"}
        if row[0].value in OVERDUE:
            assert red == {"F4CCCC"} and len([c for c in row if c.fill.fill_type == "solid"]) == len(row)
            assert due.value.date() < dt.date(2026, 8, 20)
        else:
            assert red == set()
    assert sheet["F2"].value == dt.datetime(2026, 8, 11)
    assert workbook.properties.creator in ("", None)


def test_other_suffixes_are_refused(tmp_path):
    result = CliRunner().invoke(app, ["action-log", str(SAMPLE_SERIES), "-o", str(tmp_path / "log.pdf")])
    assert result.exit_code == 1
    assert "give a .docx or .xlsx file name" in result.output
