"""Records and templates built to make a release leak, and files tampered with after release."""

from __future__ import annotations

import importlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from minutes_kit.cli import app
from tests.conftest import title_block
from tests.release.helpers import body_text, part_texts, parts_holding
from tests.release.hostile import RECORD, SANITISED_AWAY, WITHHELD, hostile_template, leaky_template


@pytest.fixture
def record(tmp_path) -> Path:
    path = tmp_path / "estates.yaml"
    path.write_text(RECORD, encoding="utf-8")
    return path


def _release(runner, record: Path, output: Path, *options: str):
    return runner.invoke(app, ["release", str(record), "-o", str(output), *options])


def _leaks(output: Path) -> dict[str, list[str]]:
    return {secret: parts for secret in WITHHELD if (parts := parts_holding(output, secret))}


def test_default_template_release_holds_no_withheld_name(runner, record, tmp_path):
    output = tmp_path / "release.docx"
    result = _release(runner, record, output)
    assert result.exit_code == 0, result.output
    assert _leaks(output) == {}
    document = Document(output)
    block = {label: " ".join(lines) for label, lines in title_block(document).items()}
    assert block["Title:"] == "Estates review with XXXXXXS40(2)"
    assert block["Chair:"] == "Grace Bell, Director of Estates, Department"  # disclosable: kept
    text = body_text(output)
    assert "XXXXXXS40(2) to walk the Hallam Street site" in text  # "Mr Hall" gone, "Hallam" untouched
    assert "replies to XXXXXXS40(2)@example.gov.uk please" in text


def test_person_named_only_as_an_action_owner_is_withheld(runner, record, tmp_path):
    output = tmp_path / "release.docx"
    assert _release(runner, record, output).exit_code == 0
    log = Document(output).tables[0]  # the Action Point Log (the title block is not a table)
    assert [cell.text for cell in log.rows[1].cells][:3] == ["ADV-01", "confirm the survey dates", "XXXXXXS40(2)"]
    assert parts_holding(output, "Nia Rhodes") == []


def test_template_header_split_runs_hyperlink_and_table_are_swept(runner, record, tmp_path):
    template = leaky_template(tmp_path / "leaky.docx")
    output = tmp_path / "release.docx"
    result = _release(runner, record, output, "--template", str(template))
    assert result.exit_code == 0, result.output
    assert _leaks(output) == {}
    document = Document(output)
    assert document.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE - prepared by XXXXXXS40(2)"
    paragraphs = [p.text for p in document.paragraphs]
    assert "Checked by XXXXXXS40(2) on site." in paragraphs
    assert "Questions: email the estates officer" in paragraphs  # the text stays, the mailto: target goes
    assert "Meet at Hallam Street." in paragraphs
    assert document.tables[0].rows[0].cells[1].text == "XXXXXXS40(2) (estates)"
    rels = part_texts(output)["word/_rels/document.xml.rels"]
    assert "mailto" not in rels


def test_box_style_sweeps_the_template_too(runner, record, tmp_path):
    template = leaky_template(tmp_path / "leaky.docx")
    output = tmp_path / "release.docx"
    assert _release(runner, record, output, "--template", str(template), "--style", "box").exit_code == 0
    assert _leaks(output) == {}
    assert "Checked by  Redacted S40(2)  on site." in [p.text for p in Document(output).paragraphs]


def test_release_removes_hidden_parts_and_properties(runner, record, tmp_path):
    template = hostile_template(tmp_path / "hostile.docx")
    output = tmp_path / "release.docx"
    result = _release(runner, record, output, "--template", str(template))
    assert result.exit_code == 0, result.output
    texts = part_texts(output)
    assert {secret: [n for n, t in texts.items() if secret in t] for secret in SANITISED_AWAY} == \
        {secret: [] for secret in SANITISED_AWAY}
    assert not [name for name in texts if "comments" in name or "customXml" in name or "embeddings" in name]
    assert "docProps/custom.xml" not in texts
    assert "accepted insertion" in body_text(output) and "visible words" in body_text(output)
    assert _leaks(output) == {}


def test_a_tampered_release_fails_verification(runner, record, tmp_path):
    output = tmp_path / "release.docx"
    assert _release(runner, record, output).exit_code == 0
    clean = runner.invoke(app, ["verify-release", str(output), str(record)])
    assert clean.exit_code == 0 and "no withheld text found" in clean.stdout

    tampered = tmp_path / "tampered.docx"
    with zipfile.ZipFile(output) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/footer1.xml":
                data = data.replace(b"</w:ftr>", b"<w:p><w:r><w:t>Pe</w:t></w:r><w:r><w:t>ter Hall</w:t></w:r></w:p></w:ftr>")
            target.writestr(item, data)
    result = runner.invoke(app, ["verify-release", str(tampered), str(record)])
    assert result.exit_code == 3
    assert "word/footer1.xml, paragraph 3: text withheld under S40(2)" in result.stderr
    assert "not safe to release" in result.stderr


def test_verify_release_checks_the_original_minutes_too(runner, record, tmp_path):
    minutes = tmp_path / "minutes.docx"
    assert runner.invoke(app, ["render", str(record), "-o", str(minutes)]).exit_code == 0
    result = runner.invoke(app, ["verify-release", str(minutes), str(record)])
    assert result.exit_code == 3
    assert "word/document.xml" in result.stderr


def test_a_weakened_sweep_fails_the_leak_check_and_writes_nothing(runner, record, tmp_path, monkeypatch):
    """The leak check does not depend on the sweep: a sweep that skips every story but the body
    leaves the name in the template's header, and the release refuses."""
    sweep_module = importlib.import_module("minutes_kit.release.sweep")
    body_only = sweep_module.stories
    monkeypatch.setattr(sweep_module, "stories", lambda package: body_only(package)[:1])
    template = leaky_template(tmp_path / "leaky.docx")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = _release(runner, record, out_dir / "release.docx", "--template", str(template))
    assert result.exit_code == 1
    assert "leak check failed, nothing was written" in result.stderr
    assert "word/header1.xml" in result.stderr
    assert list(out_dir.iterdir()) == []


def test_release_refuses_to_overwrite_its_record(runner, record):
    before = record.read_bytes()
    result = _release(runner, record, record.with_suffix(".docx").with_name(record.name))
    assert result.exit_code == 1
    assert "refusing to write" in result.stderr
    assert record.read_bytes() == before


def test_unknown_policy_names_the_available_ones(runner, record, tmp_path):
    result = _release(runner, record, tmp_path / "r.docx", "--policy", "contract-performnce")
    assert result.exit_code == 1
    assert "no release policy 'contract-performnce'" in result.stderr and "contract-performance" in result.stderr


def test_policy_file_errors_carry_their_line(runner, record, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("description: Broken\npeople: S40(2)\ncategories:\n  money: S4e\n")
    result = _release(runner, record, tmp_path / "r.docx", "--policy", str(policy))
    assert result.exit_code == 1
    assert f"{policy}:4:" in result.stderr and "'S4e' is not a known exemption code" in result.stderr


def test_record_field_codes_override_the_policy(runner, record, tmp_path):
    record.write_text(RECORD + "release:\n  fields: {location: s.38, date: section 38}\n")
    output = tmp_path / "release.docx"
    assert _release(runner, record, output).exit_code == 0
    block = {label: " ".join(lines) for label, lines in title_block(Document(output)).items()}
    assert block["Location:S38"] == "XXXXXX" and block["Date:S38"] == "XXXXXX"
    assert parts_holding(output, "Hallam Street office, Room 2") == []
    assert parts_holding(output, "12 May 2026") == []


def test_inline_marks_take_any_written_form_of_a_code(runner, record, tmp_path):
    record.write_text(RECORD.replace("text: The supplier will confirm the survey dates.",
                                     'text: "The supplier, paid [[section 43(2): £48,120]], will confirm the survey dates."'))
    output = tmp_path / "release.docx"
    assert _release(runner, record, output).exit_code == 0
    assert "The supplier, paid XXXXXXS43(2), will confirm" in body_text(output)
    assert parts_holding(output, "£48,120") == []


def test_titled_surname_with_a_full_stop_is_withheld_too(runner, record, tmp_path):
    record.write_text(RECORD.replace("text: The supplier will confirm the survey dates.",
                                     "text: Dr. Hall and MR HALL said the supplier will confirm the survey dates."))
    output = tmp_path / "release.docx"
    assert _release(runner, record, output).exit_code == 0
    assert "1.2.XXXXXXS40(2) and XXXXXXS40(2) said the supplier" in body_text(output)


def test_unknown_code_in_a_record_names_the_closest(runner, record):
    record.write_text(RECORD.replace("text: The supplier will confirm the survey dates.",
                                     'text: "The supplier [[S40(3): x]] will confirm the survey dates."'))
    result = runner.invoke(app, ["validate", str(record)])
    assert result.exit_code == 1
    assert f"{record}:19:" in result.stderr
    assert "'S40(3)' is not a known exemption code; did you mean S40(2)" in result.stderr


def test_review_of_leaky_template_highlights_swept_names(runner, record, tmp_path):
    template = leaky_template(tmp_path / "leaky.docx")
    output = tmp_path / "review.docx"
    assert _release(runner, record, output, "--template", str(template), "--review").exit_code == 0
    paragraphs = [p.text for p in Document(output).paragraphs]
    assert "Checked by Peter Hall [S40(2)] on site." in paragraphs


def test_copy_of_a_clean_release_still_verifies(runner, record, tmp_path):
    output = tmp_path / "release.docx"
    assert _release(runner, record, output).exit_code == 0
    copy = tmp_path / "copy.docx"
    shutil.copyfile(output, copy)
    assert runner.invoke(app, ["verify-release", str(copy), str(record)]).exit_code == 0


def test_the_audit_log_names_no_withheld_text_in_the_parts_it_left_out(runner, record, tmp_path):
    plain = tmp_path / "plain.docx"
    document = Document()
    document.add_paragraph("{{ title }}")
    document.save(plain)
    template = tmp_path / "named.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(template, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdG" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
                    b'Target="media/peter-hall.gif"/></Relationships>'))
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="gif" ContentType="image/gif"/></Types>')
            target.writestr(item, data)
        target.writestr("word/media/peter-hall.gif", b"GIF89a")
    output = tmp_path / "release.docx"
    result = _release(runner, record, output, "--template", str(template))
    assert result.exit_code == 0, result.output
    dropped = json.loads(output.with_suffix(".audit.json").read_text())["dropped_parts"]
    assert any("XXXXXX.gif" in entry for entry in dropped)
    assert not [entry for entry in dropped if "peter" in entry.lower()]
