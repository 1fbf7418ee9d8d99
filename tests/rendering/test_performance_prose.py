"""The sentences written for each measure, stock figure, trend and lot total, case by case."""

from __future__ import annotations

from decimal import Decimal

import pytest

from minutes_kit.record.markup import marked_spans, segments
from minutes_kit.record.performance import CreditTotals, Measure, Stock, Trend
from minutes_kit.rendering.performance import measure_row, measure_sentence, stock_sentence, totals_sentence, trend_sentence

PERIOD = "2026-08"


def plain(raw: str) -> str:
    """The text as ordinary minutes print it: tagged figures shown as they are."""
    return "".join(segment.text for segment in segments(raw))


def measure(**fields) -> Measure:
    base = {"ref": "SL4a", "name": "Clearances within 50 days", "unit": "percentage", "value": 92.8,
            "better": "higher", "thresholds": {"green": 96, "amber": 94}, "service_credit": 12000}
    return Measure.model_validate(base | fields)


MITIGATION = {
    "none put forward": (
        {"put_forward": 0},
        "No cases were put forward for mitigation.",
    ),
    "one case, accepted": (
        {"put_forward": 1, "accepted": 1, "value": 93.1, "service_credit": 11500},
        "One case was put forward for mitigation and it was accepted; therefore post-mitigation performance "
        "improved to 93.1% (Red) and the service credit reduced to £11,500.",
    ),
    "one case, not accepted": (
        {"put_forward": 1, "accepted": 0},
        "One case was put forward for mitigation and it was not accepted, so the service credit of £12,000 stands.",
    ),
    "two cases, both accepted": (
        {"put_forward": 2, "accepted": 2, "value": 94.1, "service_credit": 8000},
        "There were 2 cases put forward for mitigation and both were accepted; therefore post-mitigation "
        "performance improved to 94.1% (Amber) and the service credit reduced to £8,000.",
    ),
    "two cases, neither accepted": (
        {"put_forward": 2, "accepted": 0},
        "There were 2 cases put forward for mitigation and neither was accepted, so the service credit of £12,000 stands.",
    ),
    "many cases, all accepted": (
        {"put_forward": 43, "accepted": 43, "value": 96.2, "service_credit": 0},
        "There were 43 cases put forward for mitigation and all were accepted; therefore post-mitigation "
        "performance improved to 96.2% (Green) and no service credit applies.",
    ),
    "many cases, some accepted": (
        {"put_forward": 1250, "accepted": 1190, "value": 95, "service_credit": 4000.5},
        "There were 1,250 cases put forward for mitigation, of which 1,190 were accepted; therefore post-mitigation "
        "performance improved to 95% (Amber) and the service credit reduced to £4,000.50.",
    ),
    "many cases, one accepted": (
        {"put_forward": 9, "accepted": 1, "value": 92.8},
        "There were 9 cases put forward for mitigation, of which 1 was accepted; therefore post-mitigation "
        "performance remained at 92.8% (Red) and the service credit remained at £12,000.",
    ),
    "many cases, none accepted": (
        {"put_forward": 9, "accepted": 0},
        "There were 9 cases put forward for mitigation and none were accepted, so the service credit of £12,000 stands.",
    ),
    "accepted but deteriorated": (
        {"put_forward": 3, "accepted": 3, "value": 92.4, "service_credit": 12500},
        "There were 3 cases put forward for mitigation and all were accepted; therefore post-mitigation "
        "performance worsened to 92.4% (Red) and the service credit rose to £12,500.",
    ),
}


@pytest.mark.parametrize("case", list(MITIGATION))
def test_mitigation_is_written_for_each_case(case):
    mitigation, expected = MITIGATION[case]
    sentence = plain(measure_sentence(measure(mitigation=mitigation), PERIOD))
    assert sentence == (
        "SL4a Clearances within 50 days: performance for August 2026 was 92.8% (Red), "
        f"giving a service credit of £12,000. {expected}"
    )


IN_MONTH = {
    "percentage with credit": (
        {},
        "SL4a Clearances within 50 days: performance for August 2026 was 92.8% (Red), giving a service credit of £12,000.",
    ),
    "no credit": (
        {"value": 97.25, "service_credit": None},
        "SL4a Clearances within 50 days: performance for August 2026 was 97.25% (Green); no service credit applies.",
    ),
    "no thresholds and no stated RAG": (
        {"thresholds": None, "service_credit": None},
        "SL4a Clearances within 50 days: performance for August 2026 was 92.8%; no service credit applies.",
    ),
    "rolling figure and no-pay": (
        {"ref": "SL1", "name": "Unacceptable Grades", "value": 3.6, "better": "lower", "service_credit": None,
         "thresholds": {"green": 2.5, "amber": 4}, "rolling": {"months": 3, "value": 4.4}, "no_pay": 30500},
        "SL1 Unacceptable Grades: performance for August 2026 was 3.6% (Amber) and the rolling 3-month performance "
        "was 4.4% (Red), giving a no-pay amount of £30,500.",
    ),
    "credit and no-pay": (
        {"no_pay": 500},
        "SL4a Clearances within 50 days: performance for August 2026 was 92.8% (Red), "
        "giving a service credit of £12,000 and a no-pay amount of £500.",
    ),
    "many counted": (
        {"ref": "SL4b", "name": "Cases over 50 days", "unit": "count", "counted": "case(s) over 50 days",
         "value": 217, "better": "lower", "thresholds": {"green": 0}, "service_credit": 2170},
        "SL4b Cases over 50 days: there were 217 cases over 50 days at the end of August 2026 (Red), "
        "giving a service credit of £2,170.",
    ),
    "one counted": (
        {"ref": "SL8c", "name": "Returned reports over 4 days", "unit": "count", "counted": "returned report(s) over 4 days",
         "value": 1, "better": "lower", "thresholds": {"green": 0}, "service_credit": 90},
        "SL8c Returned reports over 4 days: there was 1 returned report over 4 days at the end of August 2026 (Red), "
        "giving a service credit of £90.",
    ),
    "none counted": (
        {"ref": "SL8c", "name": "Returned reports over 4 days", "unit": "count", "counted": "returned report(s) over 4 days",
         "value": 0, "better": "lower", "thresholds": {"green": 0}, "service_credit": None},
        "SL8c Returned reports over 4 days: there were no returned reports over 4 days at the end of August 2026 (Green); "
        "no service credit applies.",
    ),
    "days": (
        {"name": "Average clearance time", "unit": "days", "value": 23.4, "better": "lower",
         "thresholds": {"green": 25}, "service_credit": None},
        "SL4a Average clearance time: performance for August 2026 was 23.4 days (Green); no service credit applies.",
    ),
}


@pytest.mark.parametrize("case", list(IN_MONTH))
def test_in_month_result_is_written_for_each_unit_and_number(case):
    fields, expected = IN_MONTH[case]
    assert plain(measure_sentence(measure(**fields), PERIOD)) == expected


def test_count_mitigated_to_zero_reads_as_zero_cases():
    counted = measure(unit="count", counted="case(s) over 6 days", value=1, better="lower",
                      thresholds={"green": 0}, service_credit=900,
                      mitigation={"put_forward": 1, "accepted": 1, "value": 0, "service_credit": 0})
    assert plain(measure_sentence(counted, PERIOD)).endswith(
        "there was 1 case over 6 days at the end of August 2026 (Red), giving a service credit of £900. "
        "One case was put forward for mitigation and it was accepted; therefore post-mitigation performance "
        "improved to zero cases over 6 days (Green) and no service credit applies."
    )


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"value": 27815, "previous": 29042},
         "Work in Progress: a reduction of 1,227 cases during August 2026, leaving 27,815 cases at the end of the month."),
        ({"value": 31606, "change": 1},
         "Work in Progress: an increase of 1 case during August 2026, bringing the figure to 31,606 cases at the end of the month."),
        ({"value": 500, "previous": 500},
         "Work in Progress: no change during August 2026, with 500 cases at the end of the month."),
    ],
)
def test_stock_reads_as_a_reduction_or_an_increase(fields, expected):
    assert plain(stock_sentence(Stock.model_validate({"name": "Work in Progress"} | fields), PERIOD)) == expected


@pytest.mark.parametrize(
    "better, start, end, expected",
    [
        ("lower", 28.3, 19.6, "Average clearance time improved from 28.3 days in February 2026 to 19.6 days in August 2026, an improvement of 8.7 days."),
        ("higher", 28.3, 19.6, "Average clearance time deteriorated from 28.3 days in February 2026 to 19.6 days in August 2026, a deterioration of 8.7 days."),
        ("lower", 19.6, 28.3, "Average clearance time deteriorated from 19.6 days in February 2026 to 28.3 days in August 2026, a deterioration of 8.7 days."),
        (None, 19.6, 28.3, "Average clearance time rose from 19.6 days in February 2026 to 28.3 days in August 2026, an increase of 8.7 days."),
        (None, 28.3, 19.6, "Average clearance time fell from 28.3 days in February 2026 to 19.6 days in August 2026, a reduction of 8.7 days."),
        ("lower", 22, 22, "Average clearance time was unchanged at 22 days between February 2026 and August 2026."),
    ],
)
def test_trend_reads_as_improvement_or_deterioration(better, start, end, expected):
    trend = Trend.model_validate({"name": "Average clearance time", "unit": "days", "better": better,
                                  "start": {"period": "2026-02", "value": start}, "end": {"period": PERIOD, "value": end}})
    assert plain(trend_sentence(trend)) == expected


def test_percentage_trend_changes_by_percentage_points():
    trend = Trend.model_validate({"name": "Clearances", "unit": "percentage", "better": "higher",
                                  "start": {"period": "2026-02", "value": 90.6}, "end": {"period": PERIOD, "value": 97.4}})
    assert plain(trend_sentence(trend)).endswith("an improvement of 6.8 percentage points.")


@pytest.mark.parametrize(
    "no_pay, expected",
    [
        (Decimal(40100),
         "Lot 1 totals: service credits before mitigation came to £61,250. After the accepted mitigation, service credits "
         "came to £52,000 and no-pay amounts to £40,100, so the total of service credits and no-pay amounts to be applied "
         "for August 2026 is £92,100."),
        (Decimal(0),
         "Lot 1 totals: service credits before mitigation came to £61,250. After the accepted mitigation, service credits "
         "came to £52,000 and there is no no-pay amount, so the total to be applied for August 2026 is £52,000."),
    ],
)
def test_totals_paragraph_gives_credits_no_pay_and_the_total_to_apply(no_pay, expected):
    totals = CreditTotals(pre_mitigation=Decimal(61250), post_mitigation=Decimal(52000), no_pay=no_pay)
    assert plain(totals_sentence("Lot 1", totals, PERIOD)) == expected


def test_money_and_staffing_figures_are_tagged_for_release():
    sentence = measure_sentence(measure(mitigation={"put_forward": 2, "accepted": 2, "service_credit": 300}), PERIOD)
    assert [(span.category, span.text) for span in marked_spans(sentence)] == [("money", "£12,000"), ("money", "£300")]
    staffing = stock_sentence(Stock.model_validate({"name": "Assessors", "unit": "fte", "value": 120.5, "change": -3}), PERIOD)
    assert [(span.category, span.text) for span in marked_spans(staffing)] == [("staffing", "3 FTE"), ("staffing", "120.5 FTE")]


def test_table_row_gives_each_column_in_brief():
    row = measure_row(measure(unit="count", value=412, better="lower", thresholds={"green": 50, "amber": 120},
                              mitigation={"put_forward": 6, "accepted": 6, "value": 406, "service_credit": 11000}))
    assert {key: plain(value) for key, value in row.items()} == {
        "measure": "SL4a Clearances within 50 days",
        "in_month": "412 (Red)",
        "credit": "£12,000",
        "mitigation": "6 of 6 accepted",
        "after": "406 (Red)",
        "credit_after": "£11,000",
        "no_pay": "–",
    }
