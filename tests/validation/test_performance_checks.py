"""Performance sections that are wrong: each problem names its figures at the line to fix."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from minutes_kit.cli import app

RECORD = """\
meeting:
  series: CPG-TEST
  title: Contract Performance Group
  date: 2026-09-15
  location: Room 4
  classification: OFFICIAL-SENSITIVE
  status: final
people:
  ab: {name: Ann Bishop, organisation: Department}
chair: ab
attendees: [ab]
notes_by: ab
items:
  - title: Performance Review
    performance:
      period: 2026-08
      lots:
        - name: Lot 1
          measures:
            - ref: SL4a
              name: Clearances within 50 days
              unit: percentage
              value: 92.8
              better: higher
              thresholds: {green: 96, amber: 94}
              service_credit: 12000
              mitigation:
                put_forward: 43
                accepted: 43
                value: 93.3
                service_credit: 11000
            - ref: SL1
              name: Unacceptable Grades
              unit: percentage
              value: 3.9
              no_pay: 4000
          stock:
            - name: Work in Progress
              value: 34282
              previous: 35932
          trends:
            - name: Average clearance time
              unit: days
              better: lower
              start: {period: 2026-02, value: 30.7}
              end: {period: 2026-08, value: 21.9}
          totals:
            pre_mitigation: 12000
            post_mitigation: 11000
            no_pay: 4000
            total: 15000
"""


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


BROKEN = {
    "stated total differs": (
        ("            total: 15000", "            total: 15500"),
        "error", "            total: 15500",
        "totals.total: Lot 1: total to apply stated as £15,500, but the measures add up to £15,000",
    ),
    "stated pre-mitigation credits differ": (
        ("            pre_mitigation: 12000", "            pre_mitigation: 12100.50"),
        "error", "pre_mitigation: 12100.50",
        "Lot 1: pre-mitigation service credits stated as £12,100.50, but the measures add up to £12,000",
    ),
    "more accepted than put forward": (
        ("                accepted: 43", "                accepted: 44"),
        "error", "accepted: 44",
        "mitigation.accepted: SL4a: 44 cases accepted but only 43 put forward for mitigation",
    ),
    "negative money": (
        ("              no_pay: 4000", "              no_pay: -4000"),
        "error", "no_pay: -4000",
        "measures[2].no_pay: a money amount cannot be negative (-4000)",
    ),
    "post-mitigation worse than in-month": (
        ("                value: 93.3", "                value: 92.6"),
        "warning", "value: 92.6",
        "SL4a: post-mitigation performance (92.6) is worse than in-month performance (92.8)",
    ),
    "post-mitigation credit above in-month credit": (
        ("                service_credit: 11000", "                service_credit: 12500"),
        "warning", "service_credit: 12500",
        "SL4a: the post-mitigation service credit £12,500 is more than the in-month credit £12,000",
    ),
    "invalid reporting month": (
        ("      period: 2026-08", "      period: 2026-13"),
        "error", "period: 2026-13",
        "performance.period: '2026-13' is not a month; write months as YYYY-MM",
    ),
    "a date instead of a month": (
        ("      period: 2026-08", "      period: 2026-08-01"),
        "error", "period: 2026-08-01",
        "'2026-08-01' is not a month",
    ),
    "trend runs backwards": (
        ("start: {period: 2026-02", "start: {period: 2026-09"),
        "error", "end: {period: 2026-08",
        "Average clearance time: the trend ends in 2026-08, not after it starts in 2026-09",
    ),
    "stated RAG contradicts thresholds": (
        ("              value: 92.8", "              value: 92.8\n              rag: Green"),
        "warning", "rag: Green",
        "SL4a: the stated RAG is Green but 92.8 is Red under the thresholds (Green at 96 or above, Amber at 94 or above)",
    ),
    "thresholds without a direction": (
        ("              better: higher\n", ""),
        "error", "thresholds: {green: 96",
        "SL4a: thresholds need 'better: higher' or 'better: lower'",
    ),
    "stock change contradicts previous figure": (
        ("              previous: 35932", "              previous: 35932\n              change: -1600"),
        "error", "change: -1600",
        "Work in Progress: the stated change is -1600 but 35932 to 34282 is a change of -1650",
    ),
    "count that is not whole": (
        ("              value: 34282", "              value: 34282.5"),
        "error", "value: 34282.5",
        "a count is a whole number (34282.5)",
    ),
    "figure that is not a number": (
        ("              value: 3.9", "              value: three"),
        "error", "value: three",
        "measures[2].value: 'three' is not a number",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_performance_problem_is_reported_at_its_line(case, tmp_path):
    (old, new), severity, at, message = BROKEN[case]
    assert old in RECORD
    text = RECORD.replace(old, new)
    record = tmp_path / "broken.yaml"
    record.write_text(text, encoding="utf-8")

    result = CliRunner().invoke(app, ["validate", "--strict", str(record)])

    assert result.exit_code == 1, result.output
    found = [entry for entry in result.stderr.splitlines() if message in entry]
    assert found, result.stderr
    assert found[0].startswith(f"{record}:{line_of(text, at)}:"), found[0]
    assert f": {severity}: " in found[0]


def test_correct_performance_section_in_an_item_without_paragraphs_passes_strict_validation(tmp_path):
    record = tmp_path / "valid.yaml"
    record.write_text(RECORD, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--strict", str(record)])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings: ok" in result.stdout

