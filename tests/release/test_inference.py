"""A withheld figure that disclosed figures give away is refused, naming both places."""

from __future__ import annotations

import json

from docx import Document
from typer.testing import CliRunner

from minutes_kit.cli import app
from tests.records import TEST_GROUP

PERFORMANCE = """\
  - title: Performance
    paragraphs:
      - "{paragraph}"
    performance:
      period: 2026-06
      lots:
        - name: Lot 1
          measures:
            - {{ref: SL1, name: Referrals cleared in time, unit: percentage, value: 91.5, service_credit: 12400}}
            - {{ref: SL2, name: Reports returned late, unit: count, value: 7, service_credit: 3150}}
{extra}"""


def _release(tmp_path, paragraph: str, extra: str = "", *options: str):
    record = tmp_path / "group.yaml"
    record.write_text(TEST_GROUP + PERFORMANCE.format(paragraph=paragraph, extra=extra), encoding="utf-8")
    output = tmp_path / "group.release.docx"
    result = CliRunner().invoke(app, ["release", str(record), "-o", str(output), *options])
    return result, output


def test_a_credit_withheld_beside_its_disclosed_total_is_refused(tmp_path):
    # The author withholds SL1's credit where the paragraph gives it; the lot's total, £15,550, is disclosed.
    result, output = _release(tmp_path, "The credit of [[S43: £12,400]] was disputed.")
    assert result.exit_code == 1
    assert "item 2, Lot 1: SL1 service credit is withheld but can be worked out from what is disclosed" in result.output
    assert "item 2, Lot 1: total service credits before mitigation" in result.output
    assert not output.exists()


def test_the_credit_is_safe_when_the_total_is_withheld_too(tmp_path):
    result, output = _release(tmp_path, "The credits of [[S43: £12,400]] and of [[S43: £15,550]] in all were disputed.")
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(output).paragraphs)
    assert "£12,400" not in text and "£15,550" not in text
    assert "£3,150" in text


def test_allow_derivable_releases_with_a_warning_kept_in_the_audit_log(tmp_path):
    result, output = _release(tmp_path, "The credit of [[S43: £12,400]] was disputed.", "", "--allow-derivable")
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "SL1 service credit is withheld but can be worked out" in result.output
    audit = json.loads(output.with_suffix(".audit.json").read_text(encoding="utf-8"))
    [entry] = [e for e in audit["derivable_figures_allowed"] if "SL1 service credit" in e]
    assert "total service credits before mitigation" in entry


def test_a_trend_end_withheld_beside_its_start_and_change_is_refused(tmp_path):
    trend = """\
          trends:
            - name: Average clearance time
              unit: days
              start: {period: 2026-03, value: 31}
              end: {period: 2026-06, value: 24}
"""
    result, _ = _release(tmp_path, "Clearance took [[S43: 24 days]] on average.", trend)
    assert result.exit_code == 1
    assert "Average clearance time in June 2026 is withheld but can be worked out" in result.output
    assert "Average clearance time in March 2026" in result.output and "Average clearance time, its change" in result.output


def test_a_month_end_figure_withheld_beside_its_change_is_refused(tmp_path):
    stock = """\
          stock:
            - {name: Assessors in post, counted: assessor(s), value: 58, change: 7}
"""
    result, _ = _release(tmp_path, "There were [[S43: 58 assessors]] in post.", stock)
    assert result.exit_code == 1
    assert "Assessors in post at the end of the month is withheld but can be worked out" in result.output
    assert "Assessors in post, its change in the month" in result.output


def test_withholding_every_figure_of_a_category_is_safe(tmp_path):
    # The contract-performance policy withholds all money: every credit and every total.
    result, _ = _release(tmp_path, "Credits were discussed.", "", "--policy", "contract-performance")
    assert result.exit_code == 0, result.output
    assert "derivable" not in result.output


def test_a_percentage_withheld_beside_its_cases_is_refused(tmp_path):
    measure = """\
            - {ref: SL3, name: Complaints answered in time, unit: percentage, value: 87.5, counted: complaint(s),
               cases: {met: 35, total: 40}}
"""
    result, _ = _release(tmp_path, "Complaints were answered in time in [[S43: 87.5%]] of cases.", measure)
    assert result.exit_code == 1
    assert "item 2, Lot 1: SL3 performance is withheld but can be worked out" in result.output
    assert "SL3 cases that met the standard" in result.output and "SL3 cases counted" in result.output


def test_cases_beside_a_percentage_are_read_out_and_checked(tmp_path):
    measure = """\
            - {ref: SL3, name: Complaints answered in time, unit: percentage, value: 87.5, counted: complaint(s),
               cases: {met: 35, total: 40}}
"""
    record = tmp_path / "group.yaml"
    record.write_text(TEST_GROUP + PERFORMANCE.format(paragraph="Figures.", extra=measure), encoding="utf-8")
    output = tmp_path / "group.docx"
    result = CliRunner().invoke(app, ["render", str(record), "-o", str(output)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(output).paragraphs)
    assert "performance for June 2026 was 87.5% (35 of 40 complaints)" in text
    record.write_text(TEST_GROUP + PERFORMANCE.format(paragraph="Figures.", extra=measure.replace("met: 35", "met: 36")),
                      encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(record)])
    assert result.exit_code == 1
    assert "SL3: 36 of 40 is 90.0%, not the 87.5% the measure gives" in result.output
    assert "group.yaml:29:16: error: items[2].performance.lots[1].measures[3].cases" in result.output
