"""`minutes release DOC.docx`: any Word document released with a terms file and decisions, its
Word structures cleaned, its look kept, checked by an oracle independent of the toolkit."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import docx
import pytest

from minutes_kit.cli import app
from minutes_kit.detection.decisions import record_digest
from minutes_kit.rendering.pdf import convert_to_pdf
from tests.conftest import pdf_pages
from tests.release.documents import (
    REFERENCE, SECRET, SUM, UNMARKED, bad_inputs, libreoffice_document, python_docx_document, word_document,
    write_terms,
)
from tests.release.oracle import leaks

SECRETS = [SECRET, "Mrs Brackley", "H. Brackley", "Ms Brackley", "Dr Brackley", "helen.brackley", SUM, "48120",
           REFERENCE]
KEPT = ["met the supplier about", "agreed to write to the board", "the contract manager", "The annex keeps"]


def _release(runner, document: Path, tmp_path: Path, *extra: str):
    output = tmp_path / "out" / f"{document.stem}.release.docx"
    result = runner.invoke(app, ["release", str(document), "-o", str(output),
                                 "--terms", str(write_terms(tmp_path)), *extra])
    return result, output


def _all_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(name).decode("utf-8", "ignore") for name in package.namelist())


def _pages(document: Path, folder: Path) -> int:
    pdf = folder / f"{document.stem}.pdf"
    convert_to_pdf(document, pdf)
    return len(pdf_pages(pdf))


def test_a_python_docx_document_loses_every_term_everywhere_and_keeps_its_text(runner, tmp_path):
    document = python_docx_document(tmp_path / "review.docx")
    result, output = _release(runner, document, tmp_path)
    assert result.exit_code == 0, result.output
    assert leaks(output, SECRETS) == {}
    released = docx.Document(output)
    body = "\n".join(paragraph.text for paragraph in released.paragraphs)
    assert all(kept in body for kept in KEPT)
    assert "XXXXXXS40(2) met the supplier about XXXXXXS38 and a claim of XXXXXXS43." in body
    assert released.tables[0].cell(1, 0).text == "XXXXXXS40(2)"
    assert [section.header.paragraphs[0].text for section in released.sections] == [
        "Prepared by XXXXXXS40(2)", "Annex: notes for XXXXXXS40(2)"]
    assert [section.footer.paragraphs[0].text for section in released.sections] == [
        "Reference XXXXXXS38", "Sum XXXXXXS43"]
    assert "mailto:" not in _all_text(output)  # the link's target named her: unlinked, its text kept
    assert "was not scanned" in result.output  # no decisions file: said, and no scan run
    with (output.with_suffix(".redactions.csv")).open(encoding="utf-8") as schedule:
        locations = [row["location"] for row in csv.DictReader(schedule)]
    assert locations[0] == "paragraph 2"
    assert "header of section 1" in locations
    audit = json.loads(output.with_suffix(".audit.json").read_text(encoding="utf-8"))
    assert audit["document_sha256"] == record_digest(document)
    assert audit["terms_sha256"] and audit["decisions"] is None
    properties = released.core_properties
    assert (properties.title, properties.subject, properties.author) == ("FOI release", "FOI release", "")


def test_word_structures_are_resolved_removed_or_unlinked(runner, tmp_path):
    document = word_document(tmp_path / "word.docx")
    result, output = _release(runner, document, tmp_path)
    assert result.exit_code == 0, result.output
    assert leaks(output, [*SECRETS, *UNMARKED]) == {}
    text = _all_text(output)
    assert "MERGEFIELD" not in text and "commentReference" not in text and "oleObject" not in text.lower()
    body = "\n".join(paragraph.text for paragraph in docx.Document(output).paragraphs)
    assert "Agreed with the panel today." in body  # insertion accepted, deletion gone
    assert "Dear colleague, thank you." in body and "Merge field for the officer" in body  # results kept
    assert "Boxed note from XXXXXXS40(2) on XXXXXXS38." in text
    assert "Source: XXXXXXS40(2), claim XXXXXXS43." in text  # the footnote
    assert "2 tracked changes were resolved: insertions accepted, deletions removed" in result.output
    audit = json.loads(output.with_suffix(".audit.json").read_text(encoding="utf-8"))
    assert audit["tracked_changes_resolved"] == 2
    assert len(audit["embedded_objects"]) == 1 and "embedded object" in audit["embedded_objects"][0]
    assert any("comments" in part for part in audit["dropped_parts"])


def test_images_are_kept_with_a_warning_that_their_text_is_not_checked(runner, tmp_path):
    document = python_docx_document(tmp_path / "pictured.docx", image=True)
    result, output = _release(runner, document, tmp_path)
    assert result.exit_code == 0, result.output
    assert "text inside images is not checked" in result.output
    assert any(name.startswith("word/media/") for name in zipfile.ZipFile(output).namelist())


@pytest.mark.parametrize("make", ["python-docx", "word", "libreoffice"])
def test_libreoffice_opens_the_release_with_the_pages_of_the_original(runner, tmp_path, office, make):
    work = tmp_path / "work"
    work.mkdir()
    document = {"python-docx": lambda path: python_docx_document(path),
                "word": lambda path: word_document(path),
                "libreoffice": lambda path: libreoffice_document(path, office, work)}[make](tmp_path / "doc.docx")
    result, output = _release(runner, document, tmp_path, "--no-summary")
    assert result.exit_code == 0, result.output
    assert leaks(output, SECRETS) == {}
    assert abs(_pages(output, work) - _pages(document, work)) <= 1
    if make == "libreoffice":
        released = docx.Document(output)
        body = "\n".join(paragraph.text for paragraph in released.paragraphs)
        assert "The chair thanked XXXXXXS40(2) for the report on XXXXXXS38." in body
        assert "Next steps were agreed with XXXXXXS40(2)." in body
        assert released.tables[0].cell(1, 1).text == "XXXXXXS43"


def test_verify_release_checks_a_document_release_with_its_terms(runner, tmp_path):
    document = python_docx_document(tmp_path / "checked.docx")
    result, output = _release(runner, document, tmp_path)
    assert result.exit_code == 0, result.output
    checked = runner.invoke(app, ["verify-release", str(output), str(document)])
    assert checked.exit_code == 0, checked.output
    leaked = runner.invoke(app, ["verify-release", str(document), str(document),
                                 "--audit", str(output.with_suffix(".audit.json"))])
    assert leaked.exit_code == 3 and "withheld under S38" in leaked.output
    (tmp_path / "terms.yaml").write_text("terms: []\n", encoding="utf-8")
    changed = runner.invoke(app, ["verify-release", str(output), str(document)])
    assert changed.exit_code == 1 and "has changed since the release" in changed.output
    other = python_docx_document(tmp_path / "other.docx")
    other.write_bytes(other.read_bytes() + b"\0")
    mismatch = runner.invoke(app, ["verify-release", str(output), str(other),
                                   "--audit", str(output.with_suffix(".audit.json"))])
    assert mismatch.exit_code == 1 and "is not the document released" in mismatch.output


def _decisions(path: Path, digest: str = "0" * 64) -> Path:
    path.write_text(f"""record_sha256: {digest}
findings:
- text: Lysander Grey
  category: PERSON
  confidence: 0.9
  decision: redact
  by: A Reviewer
  on: 2026-03-01
- text: Hermia Lane
  category: PERSON
  confidence: 0.8
- text: Puck Robin
  category: PERSON
  confidence: 0.5
  decision: keep
  reason: disclosable
  by: A Reviewer
  on: 2026-03-01
""", encoding="utf-8")
    return path


def _named(path: Path, *lines: str) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_a_batch_shares_one_decisions_file_and_writes_one_schedule(runner, tmp_path):
    inputs = [
        _named(tmp_path / "a.docx", "Lysander Grey wrote to Puck Robin.", f"{SECRET} replied."),
        _named(tmp_path / "b.docx", "Hermia Lane asked about REF-654321."),
        _named(tmp_path / "c.docx", "Nothing personal here.", f"Mr Brackley paid {SUM}."),
    ]
    decisions = _decisions(tmp_path / "request.decisions.yaml")
    folder = tmp_path / "released"
    result = runner.invoke(app, ["release", *map(str, inputs), "-o", str(folder), "--terms",
                                 str(write_terms(tmp_path)), "--decisions", str(decisions)])
    assert result.exit_code == 0, result.output
    assert "undecided finding withheld under its suggested code" in result.output
    for document in inputs:
        output = folder / f"{document.stem}.release.docx"
        assert leaks(output, ["Lysander Grey", "Hermia Lane", SECRET, "Mr Brackley", SUM, "REF-654321"]) == {}
        assert runner.invoke(app, ["verify-release", str(output), str(document)]).exit_code == 0
    assert "Puck Robin" in docx.Document(folder / "a.release.docx").paragraphs[0].text
    with (folder / "schedule.csv").open(encoding="utf-8") as schedule:
        rows = list(csv.DictReader(schedule))
    assert [(row["document"], row["number"]) for row in rows] == [
        ("a.docx", "1"), ("a.docx", "2"), ("b.docx", "1"), ("b.docx", "2"), ("c.docx", "1"), ("c.docx", "2")]
    strict = runner.invoke(app, ["release", *map(str, inputs), "-o", str(tmp_path / "strict"), "--decisions",
                                 str(decisions), "--strict"])
    assert strict.exit_code == 1 and "undecided" in strict.output


def test_a_decisions_file_beside_the_document_is_applied(runner, tmp_path):
    document = _named(tmp_path / "memo.docx", "Lysander Grey and Hermia Lane met.")
    _decisions(tmp_path / "memo.decisions.yaml", record_digest(document))
    output = tmp_path / "memo.release.docx"
    result = runner.invoke(app, ["release", str(document), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert leaks(output, ["Lysander Grey", "Hermia Lane"]) == {}
    assert "not scanned" not in result.output and "earlier version" not in result.output
    strict = runner.invoke(app, ["release", str(document), "-o", str(tmp_path / "s.docx"), "--strict"])
    assert strict.exit_code == 1 and "Hermia Lane" in strict.output


@pytest.mark.parametrize("kind", ["Word 97-2003", "encrypted", "OpenDocument", "macro-enabled", "damaged or incomplete"])
def test_a_file_that_is_not_a_plain_docx_is_refused_naming_it(runner, tmp_path, kind):
    path = bad_inputs(tmp_path)[kind]
    folder = tmp_path / "out"
    result = runner.invoke(app, ["release", str(path), "-o", str(folder / "x.docx"),
                                 "--terms", str(write_terms(tmp_path))])
    assert result.exit_code == 1
    assert str(path) in result.output and kind in result.output and "save it as .docx" in result.output
    assert not folder.exists()


def test_a_bad_input_in_a_batch_writes_nothing(runner, tmp_path):
    good = python_docx_document(tmp_path / "fine.docx")
    bad = bad_inputs(tmp_path)["OpenDocument"]
    folder = tmp_path / "out"
    result = runner.invoke(app, ["release", str(good), str(bad), "-o", str(folder)])
    assert result.exit_code == 1 and str(bad) in result.output
    assert not folder.exists()


def test_terms_file_errors_name_their_lines(runner, tmp_path):
    document = python_docx_document(tmp_path / "doc.docx")
    terms = write_terms(tmp_path, """\
terms:
  - {text: "Helen Brackley", code: "S40(3)"}
  - {pattern: 'REF-(\\d', code: "S38"}
  - {text: "x", pattern: "y", code: "S38"}
""")
    result = runner.invoke(app, ["release", str(document), "-o", str(tmp_path / "out.docx"), "--terms", str(terms)])
    assert result.exit_code == 1
    assert f"{terms}:2:" in result.output and "did you mean S40(2)" in result.output
    assert f"{terms}:3:" in result.output and "pattern does not compile" in result.output
    assert "exactly one of 'text' or 'pattern'" in result.output
    assert not (tmp_path / "out.docx").exists()


def test_a_batch_of_documents_and_a_record_shares_the_terms(runner, tmp_path):
    """The issue's request: two documents and a meeting record, one terms file, one schedule."""
    from tests.release.hostile import RECORD as HOSTILE_RECORD

    record = tmp_path / "minutes.yaml"
    record.write_text(HOSTILE_RECORD.replace("The supplier will confirm the survey dates.",
                                             f"The supplier claimed {SUM} under REF-777888."), encoding="utf-8")
    inputs = [_named(tmp_path / "a.docx", f"{SECRET} claimed {SUM}."), _named(tmp_path / "b.docx", "See REF-654321."),
              record]
    folder = tmp_path / "released"
    terms = write_terms(tmp_path)
    result = runner.invoke(app, ["release", *map(str, inputs), "-o", str(folder), "--terms", str(terms)])
    assert result.exit_code == 0, result.output
    released = folder / "minutes.release.docx"
    assert leaks(released, [SUM, "48120", "REF-777888", "Peter Hall"]) == {}
    assert "The supplier claimed XXXXXXS43 under XXXXXXS38" in "\n".join(p.text for p in docx.Document(released).paragraphs)
    assert runner.invoke(app, ["verify-release", str(released), str(record)]).exit_code == 0
    with (folder / "schedule.csv").open(encoding="utf-8") as schedule:
        assert {row["document"] for row in csv.DictReader(schedule)} == {"a.docx", "b.docx", "minutes.yaml"}


def test_decisions_are_for_documents_not_records(runner, tmp_path):
    from tests.conftest import SAMPLE

    result = runner.invoke(app, ["release", str(SAMPLE), "-o", str(tmp_path / "r.docx"),
                                 "--decisions", str(_decisions(tmp_path / "request.decisions.yaml"))])
    assert result.exit_code == 1 and "applies to Word documents" in result.output


def test_record_options_are_refused_for_a_document(runner, tmp_path):
    document = python_docx_document(tmp_path / "doc.docx")
    result = runner.invoke(app, ["release", str(document), "-o", str(tmp_path / "out.docx"), "--policy", "default"])
    assert result.exit_code == 1 and "apply to meeting records" in result.output
    assert not (tmp_path / "out.docx").exists()
