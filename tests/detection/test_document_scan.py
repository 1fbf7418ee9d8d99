"""`minutes scan DOC.docx`: personal data in every place of any Word document, in
``DOC.decisions.yaml`` beside it, each finding with the places a person finds it in Word."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.detection.decisions import decisions_path, record_digest
from tests.ooxml.test_places import build_document, not_a_docx, rewrite

EXPECTED = {
    ("Joanna Pike", "PERSON"): ["paragraph 1", "paragraph 8"],
    ("Tomasz Nowak", "PERSON"): ["table 1, row 2", "first-page header of section 2"],
    ("Rachel Dunne", "PERSON"): ["deleted text in paragraph 3"],
    ("jo.okafor@example.org", "EMAIL"): ["link in paragraph 4"],
    ("Daniel Osei", "PERSON"): ["field code in paragraph 4"],
    ("Siobhan O'Connell", "PERSON"): ["image 1 description"],
    ("Ewa Zielinska", "PERSON"): ["equation in paragraph 6"],
    ("Marek Kowalski", "PERSON"): ["text box 1"],
    ("07700 900123", "PHONE"): ["text box 1"],
    ("AB 12 34 56 C", "NI_NUMBER"): ["footer of section 1"],
    ("Amara Nwosu", "PERSON"): ["header of section 2"],
    ("0113 496 0123", "PHONE"): ["header of section 2"],
    ("Grace Whitfield", "PERSON"): ["footnote 1"],
    ("Priya Raman", "PERSON"): ["comment 1"],
    ("Oliver Grant", "PERSON"): ["author of comment 1"],
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> tuple[Path, str, dict]:
    """One scan of the document with personal data in every kind of place (spaCy loads once)."""
    document = build_document(tmp_path_factory.mktemp("scan") / "board paper.docx")
    result = CliRunner().invoke(app, ["scan", str(document)])
    assert result.exit_code == 0, result.output
    return document, result.output, yaml.safe_load(decisions_path(document).read_text(encoding="utf-8"))


def test_every_finding_names_the_places_a_person_finds_it_in_word(scanned):
    _, _, decisions = scanned
    found = {(entry["text"], entry["category"]): entry["found_in"] for entry in decisions["findings"]}
    assert found == EXPECTED


def test_the_decisions_file_is_the_records_format_beside_the_document(scanned):
    document, output, decisions = scanned
    written = decisions_path(document)
    assert written == document.with_name("board paper.decisions.yaml")
    assert written.read_text(encoding="utf-8").startswith(
        "# Personal data that `minutes scan` found in board paper.docx and nobody marked.")
    assert decisions["record_sha256"] == record_digest(document)
    assert all(entry["decision"] == "undecided" and entry["suggested"] == "S40(2)" for entry in decisions["findings"])
    assert f"{len(EXPECTED)} findings, {len(EXPECTED)} undecided, 0 stale; wrote {written}" in output
    assert "undecided: paragraph 1, paragraph 8: 'Joanna Pike' (PERSON)" in output


@pytest.mark.parametrize("kind", ["doc", "odt", "truncated", "docm"])
def test_a_file_that_is_not_a_docx_is_refused_and_nothing_is_written(tmp_path, kind):
    path, message = not_a_docx(tmp_path)[kind]
    result = CliRunner().invoke(app, ["scan", str(path)])
    assert result.exit_code == 1
    assert str(path) in result.output and message in result.output
    assert not decisions_path(path).exists()


def test_a_part_that_is_not_well_formed_xml_is_refused_and_nothing_is_written(tmp_path):
    document = build_document(tmp_path / "damaged.docx")
    rewrite(document, {"word/footnotes.xml": lambda data: data[:-20]}, {})
    result = CliRunner().invoke(app, ["scan", str(document)])
    assert result.exit_code == 1
    assert f"{document} is damaged" in result.output and "save it again as .docx" in result.output
    assert not decisions_path(document).exists()


def test_with_pdf_a_finding_in_the_body_names_its_page(office, tmp_path):
    from docx.enum.text import WD_BREAK

    document = Document()
    document.add_paragraph("The panel met in the morning.")
    document.add_paragraph("The agenda was agreed.").add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("The figures were presented by Tomasz Nowak for the quarter.")
    path = tmp_path / "paged.docx"
    document.save(path)

    result = CliRunner().invoke(app, ["scan", str(path), "--pdf"])

    assert result.exit_code == 0, result.output
    decisions = yaml.safe_load((tmp_path / "paged.decisions.yaml").read_text(encoding="utf-8"))
    [finding] = [entry for entry in decisions["findings"] if entry["text"] == "Tomasz Nowak"]
    assert finding["found_in"] == ["paragraph 3 on page 2"]
