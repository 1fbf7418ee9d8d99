"""Performance sections of a body without money: a health committee's quality figures.

The sample series `quality-and-safety-committee` reports falls, pressure ulcers and
never events counted within the month, and no service credits: its minutes are read
back from the rendered .docx.
"""

from __future__ import annotations

import calendar
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from minutes_kit.cli import app
from minutes_kit.record.markup import segments
from minutes_kit.record.performance import Measure, Performance
from minutes_kit.rendering import render_minutes
from minutes_kit.rendering.performance import lot_context, measure_sentence
from minutes_kit.validation import load_record

ROOT = Path(__file__).resolve().parents[2]
HEALTH = ROOT / "samples" / "series" / "quality-and-safety-committee"
MEETINGS = ["2026-10-15", "2026-11-19", "2026-12-17"]
CONTRACT_WORDS = ["service credit", "no-pay", "£", "totals", "Total"]


def render(tmp_path: Path, meeting: str) -> Document:
    output = tmp_path / f"{meeting}.docx"
    result = CliRunner().invoke(app, ["render", str(HEALTH / f"{meeting}.yaml"), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return Document(output)


def everything(document) -> list[str]:
    """Every paragraph and every table cell a reader sees."""
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [paragraph.text for paragraph in document.paragraphs] + cells


def plain(raw: str) -> str:
    return "".join(segment.text for segment in segments(raw))


def test_the_health_series_validates_strictly_without_warnings():
    result = CliRunner().invoke(app, ["validate", "--strict", str(HEALTH)])
    assert result.exit_code == 0, result.output
    assert "3 meetings, 0 errors, 0 warnings: ok" in result.stdout


def test_events_are_counted_in_the_month_and_stock_at_its_end(tmp_path):
    texts = [paragraph.text for paragraph in render(tmp_path, "2026-11-19").paragraphs]
    for sentence in [
        "PS1 Inpatient falls with harm: there were 6 falls with harm in October 2026 (Amber).",
        "PS2 Hospital-acquired pressure ulcers, category 2 and above: there were 3 pressure ulcers in October 2026 (Amber).",
        "PS3 Never events: there were no never events in October 2026 (Green).",
        ("PS4 Serious incident investigations open over 60 days: there were 3 investigations open over 60 days "
         "at the end of October 2026 (Amber)."),
        "PS5 VTE risk assessment within 14 hours of admission: performance for October 2026 was 94.7% (Amber).",
        ("PE1 Complaints answered within 25 working days: performance for October 2026 was 78.6% (Amber) and the "
         "rolling 3-month performance was 75.2% (Amber)."),
        "PE3 Formal complaints received: there were 29 complaints in October 2026.",
        "Open complaints: a reduction of 12 complaints during October 2026, leaving 52 complaints at the end of the month.",
    ]:
        assert sentence in texts


def test_one_event_in_the_month_is_singular(tmp_path):
    texts = [paragraph.text for paragraph in render(tmp_path, "2026-10-15").paragraphs]
    assert "PS1 Inpatient falls with harm: there was 1 fall with harm in September 2026 (Green)." in texts


@pytest.mark.parametrize("meeting", MEETINGS)
def test_a_section_without_money_says_nothing_of_credits_or_totals(tmp_path, meeting):
    shown = "\n".join(everything(render(tmp_path, meeting)))
    assert "performance for" in shown
    for word in CONTRACT_WORDS:
        assert word not in shown


def test_a_table_without_money_has_no_money_columns_and_no_total_row(tmp_path):
    document = render(tmp_path, "2026-12-17")
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    performance = [rows for rows in tables if rows[0][0] == "Measure"]
    assert [rows[0] for rows in performance] == [["Measure", "In month"], ["Measure", "In month"]]
    safety, experience = performance
    assert safety[1:] == [
        ["PS1 Inpatient falls with harm", "4 (Amber)"],
        ["PS2 Hospital-acquired pressure ulcers, category 2 and above", "1 (Green)"],
        ["PS3 Never events", "0 (Green)"],
        ["PS4 Serious incident investigations open over 60 days", "2 (Amber)"],
        ["PS5 VTE risk assessment within 14 hours of admission", "95.4% (Green)"],
    ]
    assert experience[1] == ["PE1 Complaints answered within 25 working days", "86.7% (Green); rolling 3-month 79.0% (Amber)"]
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert not any(text.startswith("PS1 Inpatient falls with harm:") for text in texts)
    assert "Open complaints: a reduction of 5 complaints during November 2026, leaving 47 complaints at the end of the month." in texts


def _with_performance(record, performance: dict):
    """`record` with the quality section of its third item replaced by `performance`."""
    items = list(record.items)
    items[2] = items[2].model_copy(update={"performance": Performance.model_validate(performance)})
    return record.model_copy(update={"items": items})


QUALITY = {"ref": "PS1", "name": "Inpatient falls with harm", "unit": "count", "counted": "fall(s)",
           "counted_in": "period", "value": 6, "better": "lower", "thresholds": {"green": 3, "amber": 6}}


def test_a_mitigated_table_without_money_keeps_the_mitigation_columns(tmp_path):
    record = _with_performance(load_record(HEALTH / "2026-12-17.yaml"), {
        "period": "2026-11", "style": "table",
        "lots": [{"name": "Patient safety", "measures": [
            QUALITY | {"mitigation": {"put_forward": 2, "accepted": 1, "value": 5}}]}],
    })
    output = tmp_path / "mitigated.docx"
    render_minutes(record, output)
    rows = [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(output).tables]
    assert [["Measure", "In month", "Mitigation", "After mitigation"],
            ["PS1 Inpatient falls with harm", "6 (Amber)", "1 of 2 accepted", "5 (Amber)"]] in rows
    for word in CONTRACT_WORDS:
        assert word not in "\n".join(everything(Document(output)))


def test_money_in_one_lot_makes_the_whole_section_a_contracts(tmp_path):
    record = _with_performance(load_record(HEALTH / "2026-11-19.yaml"), {
        "period": "2026-10",
        "lots": [{"name": "Lot A", "measures": [QUALITY | {"service_credit": 400}]},
                 {"name": "Lot B", "measures": [QUALITY | {"value": 2}]}],
    })
    output = tmp_path / "contract.docx"
    render_minutes(record, output)
    texts = [paragraph.text for paragraph in Document(output).paragraphs]
    assert "PS1 Inpatient falls with harm: there were 6 falls in October 2026 (Amber), giving a service credit of £400." in texts
    assert "PS1 Inpatient falls with harm: there were 2 falls in October 2026 (Green); no service credit applies." in texts
    assert ("Lot B totals: service credits before mitigation came to £0. After the accepted mitigation, service credits "
            "came to £0 and there is no no-pay amount, so the total to be applied for October 2026 is £0.") in texts


def test_a_zero_credit_is_money_and_keeps_the_contract_wording():
    performance = Performance.model_validate({"period": "2026-10", "lots": [
        {"name": "Lot 1", "measures": [QUALITY | {"value": 1, "service_credit": 0}]}]})
    lot = lot_context(performance.lots[0], performance, "3.4.", plain)
    assert lot["measures"] == [("PS1 Inpatient falls with harm: there was 1 fall in October 2026 (Green); "
                                "no service credit applies.")]
    assert lot["totals"].endswith("so the total to be applied for October 2026 is £0.")


def _validate(tmp_path: Path, old: str, new: str) -> tuple[Result, str, str]:
    text = (HEALTH / "2026-10-15.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    record = tmp_path / "2026-10-15.yaml"
    record.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--strict", str(record)])
    return result, text, str(record)


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_an_unknown_counted_in_is_an_error_at_its_line(tmp_path):
    result, text, record = _validate(tmp_path, "counted_in: period", "counted_in: weekly")
    assert result.exit_code == 1
    found = [line for line in result.stderr.splitlines() if "'weekly' is not allowed for counted_in" in line]
    assert found, result.stderr
    assert found[0].startswith(f"{record}:{_line_of(text, 'counted_in: weekly')}:")
    assert ": error: " in found[0] and "'month_end' or 'period'" in found[0]


def test_counted_in_on_a_percentage_is_a_warning_at_its_line(tmp_path):
    old = "              value: 96.1\n"
    result, text, record = _validate(tmp_path, old, old + "              counted_in: period\n")
    assert result.exit_code == 1
    found = [line for line in result.stderr.splitlines() if "counted_in applies only to a measure with unit: count" in line]
    assert found, result.stderr
    line = _line_of(text, "value: 96.1") + 1
    assert found[0].startswith(f"{record}:{line}:") and ": warning: " in found[0]
    assert "PS5" in found[0] and "not unit: percentage" in found[0]


# --- any section without money -------------------------------------------------------------

WORDS = st.sampled_from(["fall", "ulcer", "incident", "complaint", "readmission", "referral"])
MONTHS = st.tuples(st.integers(2000, 2099), st.integers(1, 12))
FIGURES = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def moneyless_measures(draw, ref: str) -> dict:
    unit = draw(st.sampled_from(["percentage", "count", "days", "fte"]))
    whole = unit == "count"
    figure = st.integers(0, 10_000) if whole else FIGURES
    measure = {"ref": ref, "name": f"Measure {ref}", "unit": unit, "value": draw(figure),
               "counted": f"{draw(WORDS)}(s)", "counted_in": draw(st.sampled_from(["period", "month_end"]))}
    if draw(st.booleans()):
        measure |= {"better": draw(st.sampled_from(["higher", "lower"])), "thresholds": {"green": draw(figure)}}
    if draw(st.booleans()):
        measure["rolling"] = {"months": draw(st.integers(2, 12)), "value": draw(figure)}
    if draw(st.booleans()):
        offered = draw(st.integers(0, 50))
        measure["mitigation"] = {"put_forward": offered, "accepted": draw(st.integers(0, offered)),
                                 "value": draw(st.none() | figure)}
    return measure


@st.composite
def moneyless_sections(draw) -> Performance:
    year, month = draw(MONTHS)
    lots = [
        {"name": f"Area {lot}",
         "measures": [draw(moneyless_measures(f"Q{lot}{n}")) for n in range(draw(st.integers(1, 4)))],
         "stock": [{"name": "Open cases", "value": draw(st.integers(0, 500)), "change": draw(st.integers(-50, 50))}]}
        for lot in range(draw(st.integers(1, 3)))
    ]
    style = draw(st.sampled_from(["prose", "table"]))
    return Performance.model_validate({"period": f"{year}-{month:02d}", "style": style, "lots": lots})


@settings(max_examples=60, deadline=None)
@given(moneyless_sections())
def test_a_section_without_money_never_shows_money_credits_or_totals(performance):
    for number, lot in enumerate(performance.lots, start=1):
        context = lot_context(lot, performance, f"3.{number}.", plain)
        assert context["money"] is False and context["totals"] == "" and context["total_row"] == {}
        shown = [*context["measures"], *context["notes"],
                 *(row[key] for row in context["rows"] for key in ("measure", "in_month", "mitigation", "after"))]
        for text in shown:
            assert "£" not in text and "service credit" not in text and "no-pay" not in text


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 100_000), WORDS, MONTHS)
def test_events_in_the_period_read_as_a_count_in_that_month(value, word, month):
    year, number = month
    when = f"{calendar.month_name[number]} {year}"
    measure = Measure.model_validate({"ref": "Q1", "name": "Events", "unit": "count", "counted": f"{word}(s)",
                                      "counted_in": "period", "value": value})
    sentence = plain(measure_sentence(measure, f"{year}-{number:02d}", with_money=False))
    if value == 0:
        expected = f"there were no {word}s in {when}."
    elif value == 1:
        expected = f"there was 1 {word} in {when}."
    else:
        expected = f"there were {value:,} {word}s in {when}."
    assert sentence == f"Q1 Events: {expected}"
