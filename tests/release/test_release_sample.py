"""The sample released under the contract-performance policy, in both styles."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.rendering.context import long_date
from tests.conftest import SAMPLE, pdf_pages, title_block
from tests.release.helpers import body_text, part_texts, parts_holding

POLICY = "contract-performance"


def _withheld_strings(record) -> list[str]:
    """What the policy withholds, worked out here from the record, not by the toolkit."""
    strings = [record.meeting.location, long_date(record.meeting.date), record.meeting.date.isoformat()]
    for person in record.people.values():
        if not person.disclosable:
            strings.append(person.name)
            if person.email:
                strings.append(person.email.split("@")[0])
    strings += [action.ref for _, action in record.actions()]
    return strings


@pytest.fixture(scope="module", params=["xxxx", "box"])
def released(request, tmp_path_factory) -> tuple[str, Path]:
    output = tmp_path_factory.mktemp(request.param) / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--policy", POLICY,
                                      "--style", request.param, "--by", "FOI Team"])
    assert result.exit_code == 0, result.output
    return request.param, output


def test_no_withheld_string_is_anywhere_in_the_package(released, sample_record):
    _, output = released
    leaks = {secret: parts_holding(output, secret) for secret in _withheld_strings(sample_record)}
    assert {secret: parts for secret, parts in leaks.items() if parts} == {}


def test_money_in_the_minutes_is_absent_from_the_release(released, sample_docx):
    _, output = released
    amounts = set(re.findall(r"£[\d,]+(?:\.\d\d)?", body_text(sample_docx)))
    assert len(amounts) > 10  # the performance review's credits, no-pay amounts and totals
    assert {amount: parts_holding(output, amount) for amount in amounts if parts_holding(output, amount)} == {}


def test_whole_fields_carry_their_code_after_the_label(released):
    style, output = released
    values = title_block(Document(output))
    assert "Date:S38" in values and "Location:S38" in values
    assert values["Date:S38"] == (["XXXXXX"] if style == "xxxx" else [" Redacted S38 "])


def test_names_and_references_are_marked_inline(released):
    style, output = released
    text = body_text(output)
    if style == "xxxx":
        assert "XXXXXXS40(2) opened the meeting" in text
        assert re.search(r"took an action to [^()]+\(XXXXXXS38\)", text)
    else:
        assert " Redacted S40(2)  opened the meeting" in text


@pytest.mark.parametrize("released", ["box"], indirect=True)
def test_box_marks_are_black_with_white_code(released):
    _, output = released
    document = zipfile.ZipFile(output).read("word/document.xml").decode()
    # The box's text is what a screen reader announces: the word and the code.
    box = re.search(r'<w:r><w:rPr>(?:(?!</w:rPr>).)*<w:color w:val="FFFFFF"/>(?:(?!</w:rPr>).)*'
                    r'<w:shd w:val="clear" w:color="auto" w:fill="000000"/>(?:(?!</w:rPr>).)*</w:rPr>'
                    r'<w:t xml:space="preserve"> Redacted S40\(2\) </w:t></w:r>', document)
    assert box, "no black box carrying Redacted S40(2)"


def test_disclosable_people_keep_their_names(tmp_path, sample_record):
    record = tmp_path / "meeting.yaml"
    chair = sample_record.people[sample_record.chair]
    record.write_text(SAMPLE.read_text().replace(
        f"    name: {chair.name}\n", f"    name: {chair.name}\n    disclosable: true\n", 1))
    output = tmp_path / "release.docx"
    result = CliRunner().invoke(app, ["release", str(record), "-o", str(output), "--policy", POLICY])
    assert result.exit_code == 0, result.output
    assert f"1.1.{chair.name} opened the meeting" in body_text(output)


def test_proportional_masks_follow_the_removed_length(tmp_path, sample_record):
    output = tmp_path / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--policy", POLICY,
                                      "--mask-length", "proportional"])
    assert result.exit_code == 0, result.output
    chair = sample_record.people[sample_record.chair].name
    assert f"1.1.{'X' * len(chair)}S40(2) opened the meeting" in body_text(output)


def test_schedule_lists_every_redaction_without_the_removed_text(released, sample_record):
    _, output = released
    rows = list(csv.DictReader(output.with_suffix(".redactions.csv").open()))
    assert [int(row["number"]) for row in rows] == list(range(1, len(rows) + 1))
    assert rows[0] == {"number": "1", "reference": "", "location": "Title block: Date", "page": "", "code": "S38",
                       "exemption": "Health and safety", "absolute": "no"}
    assert any(row["location"] == "1.1" and row["code"] == "S40(2)" for row in rows)
    schedule = output.with_suffix(".redactions.csv").read_text()
    assert not [s for s in _withheld_strings(sample_record) if s.lower() in schedule.lower()]


def test_release_ends_with_a_redaction_summary(released):
    _, output = released
    document = Document(output)
    headings = [p.text for p in document.paragraphs if p.text == "Redaction Summary"]
    summary = document.tables[-1]
    assert headings == ["Redaction Summary"]
    assert [c.text for c in summary.rows[0].cells] == ["Where", "Redactions and exemptions"]
    assert [c.text for c in summary.rows[1].cells] == ["Title block: Date", "1: S.38 - Health and safety"]
    # Without pages (the tests release with MINUTES_PAGES=off), the summary says why.
    assert any("Page numbers are not given because the release was made with MINUTES_PAGES=off" in p.text
               for p in document.paragraphs)


def test_no_summary_option(tmp_path):
    output = tmp_path / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--no-summary"])
    assert result.exit_code == 0
    assert "Redaction Summary" not in body_text(output)


def test_audit_log_records_who_what_and_counts(released):
    _, output = released
    audit = json.loads(output.with_suffix(".audit.json").read_text())
    assert audit["released_by"] == "FOI Team"
    assert audit["policy"] == POLICY
    assert re.fullmatch(r"[0-9a-f]{64}", audit["record_sha256"])
    schedule = list(csv.DictReader(output.with_suffix(".redactions.csv").open()))
    assert audit["redactions"] == len(schedule)
    assert audit["redactions_by_code"]["S38"] == sum(row["code"] == "S38" for row in schedule)


def test_release_carries_no_identifying_properties(released):
    _, output = released
    texts = part_texts(output)
    core = texts["docProps/core.xml"]
    assert "python-docx" not in core and "<dc:creator>" not in core and "lastModifiedBy" not in core
    assert "Template" not in texts["docProps/app.xml"]


def test_review_copy_highlights_in_colour_and_says_not_for_release(tmp_path, sample_record):
    output = tmp_path / "review.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--policy", POLICY, "--review"])
    assert result.exit_code == 0, result.output
    chair = sample_record.people[sample_record.chair].name
    xml = zipfile.ZipFile(output).read("word/document.xml").decode()
    assert re.search(rf'<w:highlight w:val="yellow"/>(?:(?!</w:r>).)*<w:t xml:space="preserve">{chair}</w:t>', xml)
    assert 'w:fill="000000"' not in xml and '<w:highlight w:val="black"/>' not in xml
    assert "[S40(2)]" in body_text(output)
    header = Document(output).sections[0].header.paragraphs[0].text
    assert header.endswith("REVIEW COPY – NOT FOR RELEASE")
    assert not output.with_suffix(".redactions.csv").exists()


def test_pdf_release_has_no_withheld_text_and_pages_in_the_schedule(office, tmp_path, sample_record):
    output = tmp_path / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--policy", POLICY, "--pdf"])
    assert result.exit_code == 0, result.output
    text = "\n".join(pdf_pages(output.with_suffix(".pdf")))
    flat = " ".join(text.split()).lower()
    assert not [s for s in _withheld_strings(sample_record) if " ".join(s.split()).lower() in flat]
    assert "XXXXXXS40(2)" in text
    rows = list(csv.DictReader(output.with_suffix(".redactions.csv").open()))
    assert rows[0]["page"] == "1"
    # The date in the title property is withheld too: a row with no page.
    assert [row["page"] for row in rows if row["location"] == "Document properties"] == [""]
    pages = [int(row["page"]) for row in rows if row["location"] != "Document properties"]
    assert pages == sorted(pages) and pages[-1] > 1


def test_sample_decisions_file_is_current_so_release_needs_no_scan(runner, tmp_path):
    result = runner.invoke(app, ["release", str(SAMPLE), "-o", str(tmp_path / "release.docx")])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
