"""The Redaction Summary grouped by page, as FOI releases give it, read back from the PDF."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.record.exemptions import load_catalogue
from minutes_kit.release.ledger import Redaction
from minutes_kit.release.summary import summary_by_page, summary_by_place
from tests.conftest import SAMPLE, pdf_pages

# What a reader sees of a redaction: X's with the code glued on, or a whole field's code after
# its label ("Next meeting:S38").
SHOWN_MARK = re.compile(r"(?:X{3,}|:)(S\d+[A-Z]?(?:\(\d+\))*)")
REFERENCES = re.compile(r"(\d+)\.(\d+)(?:\u2013\d+\.(\d+))?")


@pytest.fixture(scope="module")
def paged_release(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("paged") / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--pdf", "--pages",
                                      "--by", "FOI Team"])
    assert result.exit_code == 0, result.output
    return output


def _summary_rows(pages: list[str]) -> dict[str, str]:
    """The summary table as pdftotext lays it out: "Page 3   3.1–3.6: S.40(2) - ...", wrapped
    lines joined to the row they continue."""
    start = next(i for i, page in enumerate(pages) if "Redaction Summary" in page)
    rows: dict[str, str] = {}
    current = None
    for line in "\n".join(pages[start:]).splitlines():
        heading = re.match(r"\s*(Page \d+|Not on a page)\s{2,}(.*)", line)
        if heading:
            current = heading.group(1)
            rows[current] = heading.group(2).strip()
        elif current and line.startswith(" " * 10) and line.strip() and "OFFICIAL" not in line \
                and not re.fullmatch(r"\s*Page \d+ of \d+\s*", line):
            rows[current] += " " + line.strip()
    return rows


def _counted(row: str) -> Counter:
    """How many redactions a row lists under each code, ranges counted out: "3.1–3.6: S.40(2) - ..."."""
    counts: Counter = Counter()
    for group in row.split("; "):
        references, _, title = group.partition(": ")
        code = title.split(" - ")[0].replace(".", "", 1)
        for match in REFERENCES.finditer(references):
            counts[code] += int(match.group(3)) - int(match.group(2)) + 1 if match.group(3) else 1
    return counts


def test_each_page_row_lists_the_marks_on_that_page(office, paged_release):
    pages = pdf_pages(paged_release.with_suffix(".pdf"))
    rows = _summary_rows(pages)
    summary_start = next(i for i, page in enumerate(pages) if "Redaction Summary" in page)
    for number in range(1, summary_start + 1):
        on_page = Counter(SHOWN_MARK.findall(pages[number - 1]))
        if on_page:
            assert _counted(rows[f"Page {number}"]) == on_page, number
    assert "Page 3" in rows


def test_the_sample_summary_takes_at_most_two_pages(office, paged_release):
    pages = pdf_pages(paged_release.with_suffix(".pdf"))
    summary_start = next(i for i, page in enumerate(pages) if "Redaction Summary" in page)
    assert len(pages) - summary_start <= 2


def test_the_schedule_keeps_one_row_per_redaction_with_its_page(office, paged_release):
    rows = list(csv.DictReader(paged_release.with_suffix(".redactions.csv").open(encoding="utf-8")))
    pages = pdf_pages(paged_release.with_suffix(".pdf"))
    on_page_3 = [row for row in rows if row["page"] == "3"]
    assert len(on_page_3) == len(SHOWN_MARK.findall(pages[2]))
    assert [row["reference"] for row in on_page_3] == [f"3.{n}" for n in range(1, len(on_page_3) + 1)]


def test_without_libreoffice_the_summary_is_by_place_and_says_why(tmp_path, monkeypatch):
    import minutes_kit.release as release

    monkeypatch.delenv("MINUTES_PAGES")
    monkeypatch.setattr(release, "layout_unavailable", lambda: "LibreOffice, which lays the document out, is not installed")
    output = tmp_path / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--by", "FOI Team"])
    assert result.exit_code == 0, result.output
    document = Document(output)
    assert any(p.text.startswith("Page numbers are not given because LibreOffice, which lays the document out, "
                                 "is not installed") for p in document.paragraphs)
    summary = document.tables[-1]
    places = [row.cells[0].text for row in summary.rows[1:]]
    assert places[:2] == ["Title block: Date", "Title block: Location"]
    assert len(places) == len(set(places))


def test_pages_asked_for_without_libreoffice_is_an_error(tmp_path, monkeypatch):
    import minutes_kit.release as release

    monkeypatch.setattr(release, "layout_unavailable", lambda: "LibreOffice, which lays the document out, is not installed")
    output = tmp_path / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--pages"])
    assert result.exit_code == 1
    assert "cannot be laid out into pages" in result.output
    assert not output.exists()


def _redaction(number: int, code: str, page: int | None, reference: str = "", location: str = "4.1") -> Redaction:
    return Redaction(number, load_catalogue().lookup(code), location, "", number=number, page=page,
                     reference=reference)


def test_a_page_row_groups_runs_by_exemption():
    on_page = [_redaction(n, "S40(2)" if n != 7 else "S43", 3, f"3.{n}") for n in range(1, 8)]
    on_page.append(_redaction(8, "S40(2)", 3, "3.8"))
    off_page = _redaction(9, "S40(2)", None, location="Document properties")
    assert summary_by_page([*on_page, off_page]) == [
        ("Page 3", "3.1\u20133.6, 3.8: S.40(2) - Personal information: third-party personal data; "
                   "3.7: S.43 - Commercial interests"),
        ("Not on a page", "Document properties: S.40(2) - Personal information: third-party personal data"),
    ]


def test_a_place_row_names_redactions_by_number():
    redactions = [_redaction(1, "S38", None, location="Title block: Date"),
                  _redaction(2, "S40(2)", None, location="1.1"), _redaction(3, "S40(2)", None, location="1.1")]
    assert summary_by_place(redactions) == [
        ("Title block: Date", "1: S.38 - Health and safety"),
        ("1.1", "2\u20133: S.40(2) - Personal information: third-party personal data"),
    ]
