"""Worksheets laid out as a chair keeps them in Excel, shared by the action log and the action plan workbooks.

A sheet is a title block (what it is, as of when) over one table: the header row filled, frozen
and repeated on every printed page, columns as wide as their content within bounds, long text
wrapped, dates real Excel dates, and the whole printed landscape on pages one page wide.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from minutes_kit.rendering.docx import DocumentProperties

DATE_FORMAT = "dd/mm/yyyy"
HEADER_FILL = "D9E2F3"
"""Pale blue: marks the header row on screen and survives greyscale printing."""
TITLE_SIZE = 14
LINE_HEIGHT = 15
"""Points per line of 11-point text."""
TALLEST_ROW = 409
"""The tallest row Excel allows, in points."""
CELL_LIMIT = 32767
"""The most characters Excel holds in a cell; it repairs (and truncates) a file with more."""


class Formula(str):
    """A cell formula such as ``=TODAY()-F6``. Any other text is written as text even when it starts with
    ``=``, so that record text can never become a formula."""


@dataclass(frozen=True)
class Column:
    """A column of a sheet's table: its heading, its width bounds (in Excel's character units) and how
    its cells show."""

    heading: str
    narrowest: float = 8
    widest: float = 30
    wrap: bool = False
    number_format: str | None = None
    horizontal: str = "left"
    """Left, so that a date never runs into the text of the next column; "center" sets a number apart."""


def new_workbook(properties: DocumentProperties) -> Workbook:
    """An empty workbook that says what it is (title, subject, language) and not who made it."""
    workbook = Workbook()
    workbook.properties.creator = ""
    workbook.properties.title = properties.title
    workbook.properties.subject = properties.subject
    workbook.properties.language = properties.language
    return workbook


def numeric_date(day: dt.date) -> str:
    """``15/09/2026``: a date written in text as the sheet's date cells show it."""
    return f"{day:%d/%m/%Y}"


def letter(columns: Sequence[Column], heading: str) -> str:
    """The column letter of `heading` in a table that starts in column A."""
    return get_column_letter([column.heading for column in columns].index(heading) + 1)


def title_block(sheet: Worksheet, title: str, lines: Sequence[str]) -> int:
    """Write the title and the lines under it from A1; the row of the table's header (after a blank row)."""
    for row, line in enumerate([title, *lines], start=1):
        _text_cell(sheet, row, 1, line)
    sheet["A1"].font = Font(bold=True, size=TITLE_SIZE)
    return len(lines) + 3


def write_table(sheet: Worksheet, header_row: int, columns: Sequence[Column], rows: Sequence[Sequence[Any]],
                *, marking: str) -> None:
    """The table under the title block, and the sheet set up to read, filter and print."""
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(header_row, index, column.heading)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for offset, values in enumerate(rows, start=1):
        for index, (column, value) in enumerate(zip(columns, values), start=1):
            cell = _text_cell(sheet, header_row + offset, index, value)
            cell.alignment = Alignment(horizontal=column.horizontal, wrap_text=column.wrap, vertical="top")
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            elif column.number_format:
                cell.number_format = column.number_format
    widths = [_width(column, [row[index] for row in rows]) for index, column in enumerate(columns)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    # Neither Excel nor LibreOffice grows a row to its wrapped text on opening a file: each row is
    # given the height of its tallest cell.
    _fit_height(sheet, header_row, [_lines(column.heading, width) for column, width in zip(columns, widths)])
    for offset, values in enumerate(rows, start=1):
        _fit_height(sheet, header_row + offset,
                    [_lines(value, width) for column, width, value in zip(columns, widths, values) if column.wrap])
    last_column = get_column_letter(len(columns))
    last_row = header_row + max(len(rows), 1)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{last_row}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{last_column}{last_row}"
    _page_setup(sheet, marking)


def wrap_across(sheet: Worksheet, row: int, count: int) -> None:
    """Let a long title-block line wrap across the table's `count` columns instead of running off the
    printed page: one merged cell, as tall as its lines (Excel does not size a merged cell's row)."""
    last = get_column_letter(count)
    sheet.merge_cells(f"A{row}:{last}{row}")
    cell = sheet[f"A{row}"]
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    width = sum(sheet.column_dimensions[get_column_letter(index)].width for index in range(1, count + 1))
    _fit_height(sheet, row, [sum(max(1, math.ceil(len(line) / width)) for line in str(cell.value).splitlines() or [""])])


def _fit_height(sheet: Worksheet, row: int, lines: Sequence[int]) -> None:
    sheet.row_dimensions[row].height = min(LINE_HEIGHT * max(lines, default=1), TALLEST_ROW)


def _lines(value: Any, width: float) -> int:
    """How many lines `value` takes wrapped in a column `width` characters wide (a little pessimistic:
    the average character is narrower than the digit Excel measures widths in)."""
    if not isinstance(value, str) or isinstance(value, Formula):
        return 1
    return sum(len(textwrap.wrap(line, max(int(width) - 2, 1))) or 1 for line in value.splitlines() or [""])


def _text_cell(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    cell = sheet.cell(row, column, _cell_value(value))
    if isinstance(value, str) and not isinstance(value, Formula):
        cell.data_type = "s"
    return cell


def _cell_value(value: Any) -> Any:
    """`value` as a cell can hold it: text without the control characters a workbook cannot contain
    (a record may write them as YAML escapes), and no longer than Excel keeps."""
    if not isinstance(value, str) or isinstance(value, Formula):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"


def _width(column: Column, values: Sequence[Any]) -> float:
    """Wide enough for the longest line of the column (a date as dd/mm/yyyy) and the heading's longest
    word, within the column's bounds; a wrapped column's longer text wraps."""
    longest = max((len(word) for word in column.heading.split()), default=0)
    for value in values:
        if isinstance(value, dt.date):
            longest = max(longest, len(DATE_FORMAT))
        elif isinstance(value, str) and not isinstance(value, Formula):
            longest = max(longest, *(len(line) for line in value.splitlines() or [""]))
        elif isinstance(value, (int, float)):
            longest = max(longest, len(str(value)))
    return min(max(longest + 2, column.narrowest), column.widest)


def _page_setup(sheet: Worksheet, marking: str) -> None:
    """Landscape A4, as many pages down as the rows need but one page wide, the marking on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    sheet.oddHeader.center.text = marking
    sheet.oddFooter.center.text = f"{marking}  Page &P of &N"
