"""Marks as records hold them, released: a long mark is withheld whole, and so is one over lines."""

from __future__ import annotations

import zipfile
from pathlib import Path


from minutes_kit.cli import app
from tests.records import TEST_GROUP

LONG_MARK = " ".join(f"figure{number:04d}" for number in range(1000))

RECORD = TEST_GROUP.replace("organisation: Department}", "organisation: Department, disclosable: true}").replace(
    "organisation: Supplier}", "organisation: Supplier, disclosable: true}").replace(
    '      - "@ab opened the meeting."\n', """\
      - "@ab reported that the supplier was paid [[S43: LONG]] this year."
      - text: |
          @cd set out the costs: [[S43: quarterly15 and
          quarterly16]] were agreed.
""")


def _document_xml(docx: Path) -> str:
    with zipfile.ZipFile(docx) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_long_mark_is_released_without_its_text(runner, tmp_path):
    assert len(LONG_MARK) >= 10_000
    record = tmp_path / "long.yaml"
    record.write_text(RECORD.replace("LONG", LONG_MARK), encoding="utf-8")
    output = tmp_path / "release.docx"

    result = runner.invoke(app, ["release", str(record), "-o", str(output)])

    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    document = _document_xml(output)
    assert "reported that the supplier was paid" in document
    assert "figure" not in document
    assert "quarterly" not in document


def test_record_with_a_nested_mark_is_not_released(runner, tmp_path):
    record = tmp_path / "nested.yaml"
    record.write_text(RECORD.replace("[[S43: LONG]]", "[[S43: £1 [[S41: advice]] £2]]"), encoding="utf-8")
    output = tmp_path / "release.docx"

    result = runner.invoke(app, ["release", str(record), "-o", str(output)])

    assert result.exit_code == 1, result.output
    assert f"{record}:17:" in result.stderr and "cannot be nested" in result.stderr
    assert "Traceback" not in result.output
    assert not output.exists()
