"""A kept finding's reason is the reviewer's own words; the decisions file suggests the usual ones."""

from __future__ import annotations

from minutes_kit.cli import app
from minutes_kit.detection.decisions import decisions_path
from tests.detection.test_scan_and_release import _decide, _scan, record  # noqa: F401 - record is a fixture
from tests.release.helpers import body_text, parts_holding


def test_the_scan_suggests_the_usual_reasons_in_the_decisions_file(runner, record):  # noqa: F811
    _scan(runner, record)
    header = [line for line in decisions_path(record).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    suggested = "\n".join(header)
    for reason in ("reason: not personal data", "reason: disclosable", "reason: in the public domain",
                   "reason: consent"):
        assert reason in suggested


def test_findings_kept_in_the_public_domain_or_by_consent_are_released_as_they_are(runner, record, tmp_path):  # noqa: F811
    _scan(runner, record)
    _decide(record, "Mrs Okonkwo", decision="redact", by="A Reviewer", on="2026-05-20")
    _decide(record, "jo.okafor@example.org", decision="keep", reason="in the public domain", by="A Reviewer",
            on="2026-05-20")
    _decide(record, "0113 496 0123", decision="keep", reason="consent given by the person on 3 March",
            by="A Reviewer", on="2026-05-20")
    validated = runner.invoke(app, ["validate", str(decisions_path(record))])
    assert validated.exit_code == 0, validated.output
    output = tmp_path / "release.docx"
    result = runner.invoke(app, ["release", str(record), "-o", str(output), "--strict"])
    assert result.exit_code == 0, result.output
    assert "jo.okafor@example.org or 0113 496 0123" in body_text(output)
    assert parts_holding(output, "Mrs Okonkwo") == []


def test_an_empty_or_overlong_reason_is_reported_at_its_line(runner, record):  # noqa: F811
    _scan(runner, record)
    _decide(record, "Mrs Okonkwo", decision="keep", reason='""', by="A Reviewer", on="2026-05-20")
    _decide(record, "0113 496 0123", decision="keep", reason="because " * 50, by="A Reviewer", on="2026-05-20")
    result = runner.invoke(app, ["validate", str(decisions_path(record))])
    assert result.exit_code == 1
    lines = decisions_path(record).read_text(encoding="utf-8").splitlines()
    empty = lines.index('  reason: ""') + 1
    overlong = next(number for number, line in enumerate(lines, 1) if line.startswith("  reason: because"))
    assert f"estates.decisions.yaml:{empty}:3: error: findings[1].reason: must not be empty" in result.stderr
    assert (f"estates.decisions.yaml:{overlong}:3: error: findings[3].reason: is 399 characters long; "
            "at most 300 are allowed") in result.stderr
