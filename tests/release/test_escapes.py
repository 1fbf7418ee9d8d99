"""One test for every way withheld text once escaped a release while its leak check passed.

Each release is searched by the attacker's oracle in `oracle.py`, which shares no code with
the toolkit."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from docx import Document

from minutes_kit.cli import app
from tests.release.oracle import leaks, visible_text

RECORD = """\
meeting:
  series: ADV
  title: Estates review
  date: 2026-09-15
  location: Room 4, Calder Court
  classification: OFFICIAL-SENSITIVE
  status: final
people:
  gb: {name: Grace Bell, role: Director of Estates, organisation: Department, disclosable: true}
  iy: {name: İlker Yılmaz, organisation: Department}
  oc: {name: Siobhan O'Connor, organisation: Department}
  vb: {name: Ludo van der Berg, organisation: Survey Partners Ltd}
  lg: {name: Anna Lewis-Grant, organisation: Department}
  hb: {name: Helen Brackley, organisation: Department, email: h.brackley@example.gov.uk}
chair: gb
attendees: [gb, iy, oc, vb, lg, hb]
notes_by: gb
items:
  - title: Estates
    paragraphs:
      - İLKER YILMAZ presented the survey.
      - Ms O’Connor agreed the programme.
      - Mr van der Berg noted the access dates.
      - Anna Lewis‑Grant will chair the working group.
      - text: |
          The plan was agreed with Helen
          Brackley before the meeting.
      - "The fee of [[S43: £48,120]] was agreed; the invoice reads £48120 and the order 48,120."
      - The survey of 15th September 2026 was noted.
      - text: The contractor will confirm dates.
        actions:
          - {owners: [gb], text: confirm the survey dates, due: 2026-10-01}
contact: {person: gb, email: Helen.Brackley@example.gov.uk}
release:
  fields: {date: S38}
"""

SECRETS = ["İlker Yılmaz", "O'Connor", "van der Berg", "Lewis-Grant", "Helen Brackley", "h.brackley",
           "Helen.Brackley", "48,120", "48120", "15 September 2026", "15th September 2026", "260915"]


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("escapes")
    record = folder / "estates.yaml"
    record.write_text(RECORD, encoding="utf-8")
    (folder / "estates.decisions.yaml").write_text(_no_findings(record), encoding="utf-8")
    output = folder / "release.docx"
    result = CliRunner().invoke(app, ["release", str(record), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


def _no_findings(record: Path) -> str:
    """A current decisions file with nothing to decide, so the tests need no spaCy."""
    import hashlib

    return f"record_sha256: {hashlib.sha256(record.read_bytes()).hexdigest()}\nfindings: []\n"


@pytest.mark.parametrize("secret", SECRETS)
def test_nothing_withheld_survives_in_any_form(released, secret):
    assert leaks(released, [secret]) == {}


def test_the_text_around_each_name_stays(released):
    text = visible_text(released)
    for kept in ("presented the survey", "agreed the programme", "noted the access dates",
                 "will chair the working group", "before the meeting", "was agreed; the invoice reads"):
        assert kept in text


def test_dotted_capital_names_typed_in_capitals_are_withheld(released):
    assert "xxxxxxs40(2) presented the survey" in visible_text(released)


def test_a_name_broken_over_two_lines_is_withheld(released):
    assert "with xxxxxxs40(2) before the meeting" in visible_text(released)


def test_derived_action_references_go_with_a_withheld_date(released):
    document = Document(released)
    log = next(table for table in document.tables if table.rows[0].cells[1].text == "Action")
    references = [row.cells[0].text for row in log.rows[1:]]
    assert references and all("ADV-" not in reference for reference in references)


def test_the_contact_mailbox_built_from_a_name_is_withheld(released):
    assert leaks(released, ["Helen.Brackley@example.gov.uk", "helen.brackley"]) == {}


def test_every_redaction_has_a_schedule_row_and_no_mark_is_left(released):
    with zipfile.ZipFile(released) as package:
        assert not [name for name in package.namelist() if "\ue000".encode() in package.read(name)]
    rows = released.with_suffix(".redactions.csv").read_text(encoding="utf-8").splitlines()[1:]
    shown = visible_text(released).count("xxxxxxs")
    assert shown <= len(rows)


def test_the_shipped_template_thumbnail_is_not_released(released):
    with zipfile.ZipFile(released) as package:
        assert not [name for name in package.namelist() if "thumbnail" in name]


def test_verify_release_against_the_wrong_record_is_refused(runner, released, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(RECORD.replace("Estates review", "Another review"), encoding="utf-8")
    result = runner.invoke(app, ["verify-release", str(released), str(other)])
    assert result.exit_code == 1
    assert "is not the record released" in result.stderr


def test_verify_release_names_part_location_and_code_of_a_tampered_release(runner, released, tmp_path):
    record = released.parent / "estates.yaml"
    assert runner.invoke(app, ["verify-release", str(released), str(record)]).exit_code == 0
    tampered = tmp_path / "tampered.docx"
    with zipfile.ZipFile(released) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"presented the survey", b"presented the survey with Mr O\xe2\x80\x99Connor", 1)
            target.writestr(item, data)
    audit = released.with_suffix(".audit.json")
    result = runner.invoke(app, ["verify-release", str(tampered), str(record), "--audit", str(audit)])
    assert result.exit_code == 3
    assert "word/document.xml" in result.stderr and "S40(2)" in result.stderr
    assert "O'Connor" not in result.stderr and "O’Connor" not in result.stderr
    shown = runner.invoke(app, ["verify-release", str(tampered), str(record), "--audit", str(audit), "--show"])
    assert shown.exit_code == 3 and "Connor" in shown.stderr


def test_verify_release_uses_the_policy_the_release_used(runner, tmp_path):
    record = tmp_path / "estates.yaml"
    record.write_text(RECORD, encoding="utf-8")
    (tmp_path / "estates.decisions.yaml").write_text(_no_findings(record), encoding="utf-8")
    output = tmp_path / "release.docx"
    assert runner.invoke(app, ["release", str(record), "-o", str(output), "--policy", "contract-performance"]).exit_code == 0
    audit = json.loads(output.with_suffix(".audit.json").read_text())
    assert audit["policy"] == "contract-performance"
    # The record alone names the default policy; the audit log says what was used.
    result = runner.invoke(app, ["verify-release", str(output), str(record)])
    assert result.exit_code == 0, result.output


def test_verify_release_finds_a_shipped_policy_where_this_install_keeps_it(runner, released, tmp_path):
    record = released.parent / "estates.yaml"
    audit = json.loads(released.with_suffix(".audit.json").read_text())
    moved = tmp_path / "moved.audit.json"
    moved.write_text(json.dumps({**audit, "policy_path": "/elsewhere/policies/default.yaml"}))
    assert runner.invoke(app, ["verify-release", str(released), str(record), "--audit", str(moved)]).exit_code == 0
    changed = tmp_path / "changed.audit.json"
    changed.write_text(json.dumps({**audit, "policy_sha256": "0" * 64}))
    result = runner.invoke(app, ["verify-release", str(released), str(record), "--audit", str(changed)])
    assert result.exit_code == 1 and "is not the one the release used" in result.stderr
