"""`minutes scan` on a record, the decisions file it keeps, and the release that applies it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from minutes_kit.cli import app
from minutes_kit.detection.decisions import decisions_path
from tests.conftest import imports_spacy
from tests.release.helpers import body_text, parts_holding

RECORD = """\
meeting:
  series: EST
  title: Estates review
  date: 2026-05-12
  location: Kirkgate House, Leeds
  classification: OFFICIAL-SENSITIVE
  status: final
people:
  gb: {name: Grace Bell, role: Director of Estates, organisation: Department, disclosable: true}
  ph: {name: Peter Hall, role: Estates Officer, organisation: Department}
chair: gb
attendees: [gb, ph]
notes_by: ph
items:
  - title: Estates
    paragraphs:
      - "@gb reported that Mrs Okonkwo had complained about the Hallam Street site."
      - "Mr Hall noted that queries go to jo.okafor@example.org or 0113 496 0123."
      - "The surveyor's note [[S40(2): Tomasz Nowak]] was accepted."
"""
SERIES = Path(__file__).resolve().parents[2] / "samples" / "series" / "estates-steering-group"
UNMARKED = ["Mrs Okonkwo", "jo.okafor@example.org", "0113 496 0123"]


@pytest.fixture
def record(tmp_path) -> Path:
    path = tmp_path / "estates.yaml"
    path.write_text(RECORD, encoding="utf-8")
    return path


def _scan(runner, record: Path) -> dict:
    result = runner.invoke(app, ["scan", str(record)])
    assert result.exit_code == 0, result.output
    return yaml.safe_load(decisions_path(record).read_text(encoding="utf-8"))


def _decide(record: Path, text: str, **decision: str) -> None:
    """Edit the decisions file as a reviewer would: change the lines of one finding."""
    path = decisions_path(record)
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line in (f"- text: {text}", f'- text: "{text}"'))
    at = next(index for index in range(start, len(lines)) if lines[index].startswith("  decision:"))
    lines[at:at + 1] = [f"  {key}: {value}" for key, value in decision.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_scan_lists_unmarked_personal_data_with_where_it_is(runner, record):
    findings = _scan(runner, record)["findings"]
    assert [(f["text"], f["category"], f["found_in"], f["decision"], f["suggested"]) for f in findings] == [
        ("Mrs Okonkwo", "PERSON", ["1.1"], "undecided", "S40(2)"),
        ("jo.okafor@example.org", "EMAIL", ["1.2"], "undecided", "S40(2)"),
        ("0113 496 0123", "PHONE", ["1.2"], "undecided", "S40(2)"),
    ]  # registry people, their titled names and the marked span are decided already
    assert all(0 < f["confidence"] <= 1 for f in findings)


def test_decisions_survive_a_rescan_and_a_vanished_finding_is_kept_as_stale(runner, record):
    _scan(runner, record)
    _decide(record, "Mrs Okonkwo", decision="keep", reason="not personal data", by="A Reviewer", on="2026-05-20")
    _decide(record, "0113 496 0123", decision="redact", by="A Reviewer", on="2026-05-20")
    record.write_text(RECORD.replace(" or 0113 496 0123", "").replace("Hallam Street", "Hallam Road"), encoding="utf-8")
    findings = {f["text"]: f for f in _scan(runner, record)["findings"]}
    assert findings["Mrs Okonkwo"]["decision"] == "keep" and findings["Mrs Okonkwo"]["by"] == "A Reviewer"
    assert findings["0113 496 0123"]["decision"] == "redact" and findings["0113 496 0123"]["stale"] is True
    assert findings["jo.okafor@example.org"]["decision"] == "undecided"


def test_a_number_found_reads_back_as_text_and_keeps_its_decision(runner, record):
    record.write_text(RECORD.replace("Mr Hall noted", "NHS number 9434765919 was quoted; Mr Hall noted"), encoding="utf-8")
    _scan(runner, record)
    _decide(record, "9434765919", decision="redact", by="A Reviewer", on="2026-05-20")
    findings = {f["text"]: f for f in _scan(runner, record)["findings"]}
    assert findings["9434765919"]["decision"] == "redact"


def test_scan_needs_a_record_or_jsonl(runner):
    result = runner.invoke(app, ["scan"])
    assert result.exit_code == 2
    assert "give a record to scan, or --jsonl" in result.stderr


def test_a_wrong_decision_is_reported_at_its_line(runner, record):
    _scan(runner, record)
    _decide(record, "Mrs Okonkwo", decision="keep", by="A Reviewer", on="2026-05-20")
    _decide(record, "0113 496 0123", decision="redact", code="S99", by="A Reviewer", on="2026-05-20")
    result = runner.invoke(app, ["scan", str(record)])
    assert result.exit_code == 1
    lines = decisions_path(record).read_text(encoding="utf-8").splitlines()
    okonkwo = lines.index("- text: Mrs Okonkwo") + 1
    assert '- text: "0113 496 0123"' in lines
    code = next(number for number, line in enumerate(lines, 1) if line == "  code: S99")
    assert f"estates.decisions.yaml:{okonkwo}:3: error: findings[1]: " in result.stderr
    assert "a kept finding needs its reason" in result.stderr
    assert f"estates.decisions.yaml:{code}:3: error: findings[3].code: 'S99' is not a known exemption code" in result.stderr
    validated = runner.invoke(app, ["validate", str(decisions_path(record))])
    assert validated.exit_code == 1 and "2 errors" in validated.stdout
    assert f"estates.decisions.yaml:{okonkwo}:3: error: findings[1]: a kept finding needs its reason" in validated.stderr


def test_release_withholds_undecided_findings_with_a_warning_and_strict_refuses(runner, record, tmp_path):
    _scan(runner, record)
    output = tmp_path / "release.docx"
    strict = runner.invoke(app, ["release", str(record), "-o", str(output), "--strict"])
    assert strict.exit_code == 1
    assert "3 finding(s) of `minutes scan` are undecided" in strict.stderr
    assert "1.1: 'Mrs Okonkwo' (PERSON)" in strict.stderr and not output.exists()
    lenient = runner.invoke(app, ["release", str(record), "-o", str(output)])
    assert lenient.exit_code == 0, lenient.output
    assert "warning: undecided finding withheld under its suggested code: 1.2: '0113 496 0123' (PHONE)" in lenient.stderr
    for secret in UNMARKED:
        assert parts_holding(output, secret) == [], secret


def test_strict_release_passes_once_decided_redacting_and_keeping_as_decided(runner, record, tmp_path):
    _scan(runner, record)
    _decide(record, "Mrs Okonkwo", decision="redact", by="A Reviewer", on="2026-05-20")
    _decide(record, "jo.okafor@example.org", decision="keep", reason="disclosable", by="A Reviewer", on="2026-05-20")
    _decide(record, "0113 496 0123", decision="keep", reason="not personal data", by="A Reviewer", on="2026-05-20")
    output = tmp_path / "release.docx"
    result = runner.invoke(app, ["release", str(record), "-o", str(output), "--strict"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert parts_holding(output, "Mrs Okonkwo") == []  # read from the zip parts, not the toolkit's leak check
    text = body_text(output)
    assert "reported that XXXXXXS40(2) had complained about the Hallam Street site" in text
    assert "jo.okafor@example.org or 0113 496 0123" in text
    verify = runner.invoke(app, ["verify-release", str(output), str(record)])
    assert verify.exit_code == 0, verify.output


def test_verify_release_finds_a_redacted_finding_in_an_unredacted_file(runner, record, tmp_path):
    _scan(runner, record)
    _decide(record, "Mrs Okonkwo", decision="redact", by="A Reviewer", on="2026-05-20")
    rendered = tmp_path / "minutes.docx"
    assert runner.invoke(app, ["render", str(record), "-o", str(rendered)]).exit_code == 0
    result = runner.invoke(app, ["verify-release", str(rendered), str(record)])
    assert result.exit_code == 3
    assert "not safe to release" in result.stderr


def test_release_with_current_decisions_does_not_load_spacy(runner, record, tmp_path):
    _scan(runner, record)
    assert not imports_spacy(["release", str(record), "-o", str(tmp_path / "r.docx")])


def test_release_without_decisions_scans_and_says_so(runner, record, tmp_path):
    result = runner.invoke(app, ["release", str(record), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    assert "decisions file is missing or out of date; run `minutes scan`" in result.stderr
    assert parts_holding(tmp_path / "r.docx", "Mrs Okonkwo") == []


def test_jsonl_interface_answers_one_line_per_input(runner):
    lines = [
        {"text": "Mrs Hall rang 0113 496 0123.", "known": []},
        {"text": "Peter Hall's team met Pennine Health Assessments Ltd.", "known": ["Peter Hall"]},
        {"text": "Nothing personal here."},
    ]
    result = runner.invoke(app, ["scan", "--jsonl"], input="\n".join(json.dumps(line) for line in lines) + "\n")
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert answers == [
        {"findings": [{"start": 0, "end": 8, "category": "PERSON", "code": "S40(2)"},
                      {"start": 14, "end": 27, "category": "PHONE", "code": "S40(2)"}]},
        {"findings": [{"start": 0, "end": 10, "category": "PERSON", "code": "S40(2)"}]},
        {"findings": []},
    ]


def test_jsonl_interface_names_a_bad_line(runner):
    result = runner.invoke(app, ["scan", "--jsonl"], input='{"text": "fine"}\nnot json\n')
    assert result.exit_code == 1
    assert "line 2: not JSON" in result.stderr


def test_a_decisions_file_in_a_series_folder_is_not_read_as_a_meeting(runner, tmp_path):
    series = tmp_path / "series"
    shutil.copytree(SERIES, series)
    first = sorted(series.glob("2026-*.yaml"))[0]
    assert runner.invoke(app, ["scan", str(first)]).exit_code == 0
    assert decisions_path(first).exists()
    result = runner.invoke(app, ["validate", str(series)])
    assert result.exit_code == 0, result.output
