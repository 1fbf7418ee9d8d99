"""The minutes as LibreOffice lays them out: marking on every page, correct page numbers."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from minutes_kit.cli import app
from tests.conftest import SAMPLE, pdf_pages

MARKING = "OFFICIAL-SENSITIVE COMMERCIAL"


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def test_marking_is_at_the_top_and_bottom_of_every_page(sample_pdf_pages):
    assert len(sample_pdf_pages) >= 2
    for number, page in enumerate(sample_pdf_pages, start=1):
        lines = _lines(page)
        assert lines[0] == MARKING, f"page {number} starts with {lines[0]!r}"
        assert lines[-2] == MARKING, f"page {number} ends with {lines[-2:]!r}"


def test_every_page_says_page_x_of_y(sample_pdf_pages):
    total = len(sample_pdf_pages)
    footers = [_lines(page)[-1] for page in sample_pdf_pages]
    assert footers == [f"Page {number} of {total}" for number in range(1, total + 1)]


def test_pdf_shows_numbered_items_and_the_action_log(sample_pdf_pages):
    text = "\n".join(sample_pdf_pages)
    assert re.search(r"^1\.\s+Welcome", text, re.MULTILINE)
    assert re.search(r"^\s*1\.1\.\s+\S", text, re.MULTILINE)
    assert "Action Point Log" in text


def test_render_pdf_option_writes_both_files(office, tmp_path):
    output = tmp_path / "minutes.docx"
    result = CliRunner().invoke(app, ["render", str(SAMPLE), "-o", str(output), "--pdf"])
    assert result.exit_code == 0, result.output
    assert output.is_file()
    pages = pdf_pages(output.with_suffix(".pdf"))
    assert _lines(pages[0])[0] == MARKING
