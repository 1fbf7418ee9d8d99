"""Checks on performance sections: months, arithmetic, mitigation and RAG statuses.

Errors are figures that would print wrong minutes (a stated total that the
measures do not add up to, more cases accepted than were put forward, a
negative amount); warnings are figures that are possible but suspicious (a
stated RAG that the thresholds contradict, mitigation that makes things worse).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from minutes_kit.record.model import MeetingRecord
from minutes_kit.record.performance import (
    Better,
    Cases,
    Lot,
    Measure,
    Mitigation,
    Rag,
    Stock,
    Thresholds,
    Totals,
    Trend,
    Unit,
    is_worse,
    month_start,
    pounds,
)
from minutes_kit.record.source import FieldPath
from minutes_kit.record.texts import performance_sections
from minutes_kit.validation.problems import Report

MONEY_FIELDS = ("service_credit", "no_pay")
TOTAL_NAMES = {
    "pre_mitigation": "pre-mitigation service credits",
    "post_mitigation": "post-mitigation service credits",
    "no_pay": "no-pay amount",
    "total": "total to apply",
}


def check_performance(record: MeetingRecord, report: Report) -> None:
    for at, performance in performance_sections(record):
        _check_month(performance.period, at + ("period",), report)
        seen: set[str] = set()
        for lot_index, lot in enumerate(performance.lots):
            lot_at = at + ("lots", lot_index)
            if lot.name in seen:
                report.error(lot_at + ("name",), f"lot '{lot.name}' is given twice in this performance section")
            seen.add(lot.name)
            _check_lot(lot, lot_at, report)


def _check_month(text: str, at: FieldPath, report: Report) -> bool:
    if month_start(text) is None:
        report.error(at, f"'{text}' is not a month; write months as YYYY-MM, for example 2026-08")
        return False
    return True


def _check_lot(lot: Lot, at: FieldPath, report: Report) -> None:
    refs: set[str] = set()
    for index, measure in enumerate(lot.measures):
        measure_at = at + ("measures", index)
        if measure.ref in refs:
            report.error(measure_at + ("ref",), f"measure '{measure.ref}' is given twice in {lot.name}")
        refs.add(measure.ref)
        _check_measure(measure, measure_at, report)
    for index, stock in enumerate(lot.stock):
        _check_stock(stock, at + ("stock", index), report)
    for index, trend in enumerate(lot.trends):
        _check_trend(trend, at + ("trends", index), report)
    if lot.totals is not None:
        _check_totals(lot, lot.totals, at + ("totals",), report)


def _check_amount(amount: Decimal | None, at: FieldPath, report: Report) -> None:
    if amount is None:
        return
    if amount < 0:
        report.error(at, f"a money amount cannot be negative ({amount})")
    elif amount != amount.quantize(Decimal("0.01")):
        report.error(at, f"a money amount has at most two decimal places ({amount})")


def _check_value(figure: Measure | Stock | Trend, value: Decimal, at: FieldPath, report: Report) -> None:
    unit = figure.unit
    if unit is Unit.COUNT and value != value.to_integral_value():
        report.error(at, f"a count is a whole number ({value})")
    if unit is Unit.PERCENTAGE and not 0 <= value <= 100:
        report.error(at, f"a percentage is between 0 and 100 ({value})")
    if unit is Unit.MONEY:
        _check_amount(value, at, report)


def _check_thresholds(measure: Measure, at: FieldPath, report: Report) -> None:
    thresholds = measure.thresholds
    if thresholds is None:
        return
    if measure.better is None:
        report.error(at, f"{measure.ref}: thresholds need 'better: higher' or 'better: lower' on the measure")
        return
    if thresholds.amber is not None and is_worse(thresholds.green, thresholds.amber, measure.better):
        report.error(
            at + ("amber",),
            f"{measure.ref}: with {measure.better.value} values better, the amber threshold ({thresholds.amber}) "
            f"cannot be better than the green threshold ({thresholds.green})",
        )


def _bands(better: Better, thresholds: Thresholds) -> str:
    side = "or above" if better is Better.HIGHER else "or below"
    bands = f"Green at {thresholds.green} {side}"
    if thresholds.amber is not None:
        bands += f", Amber at {thresholds.amber} {side}"
    return bands


def _check_stated_rag(measure: Measure, stated: Rag | None, value: Decimal | None, at: FieldPath, report: Report) -> None:
    if stated is None or value is None or measure.thresholds is None or measure.better is None:
        return
    derived = measure.derived_rag(value)
    if derived is not stated:
        report.warning(
            at,
            f"{measure.ref}: the stated RAG is {stated.value} but {value} is {derived.value} under the thresholds "
            f"({_bands(measure.better, measure.thresholds)})",
        )


def _check_measure(measure: Measure, at: FieldPath, report: Report) -> None:
    _check_value(measure, measure.value, at + ("value",), report)
    if "counted_in" in measure.model_fields_set and measure.unit is not Unit.COUNT:
        report.warning(
            at + ("counted_in",),
            f"{measure.ref}: counted_in applies only to a measure with unit: count, not unit: {measure.unit.value}; "
            "it is ignored",
        )
    if measure.cases is not None:
        _check_cases(measure, measure.cases, at + ("cases",), report)
    _check_thresholds(measure, at + ("thresholds",), report)
    _check_stated_rag(measure, measure.rag, measure.value, at + ("rag",), report)
    if measure.rolling is not None:
        _check_value(measure, measure.rolling.value, at + ("rolling", "value"), report)
        _check_stated_rag(measure, measure.rolling.rag, measure.rolling.value, at + ("rolling", "rag"), report)
    for field in MONEY_FIELDS:
        _check_amount(getattr(measure, field), at + (field,), report)
    if measure.mitigation is not None:
        _check_mitigation(measure, measure.mitigation, at + ("mitigation",), report)


def _check_cases(measure: Measure, cases: Cases, at: FieldPath, report: Report) -> None:
    if measure.unit is not Unit.PERCENTAGE:
        report.warning(at, f"{measure.ref}: cases apply only to a measure with unit: percentage, not unit: "
                           f"{measure.unit.value}; they are ignored")
        return
    if cases.met > cases.total:
        report.error(at + ("met",), f"{measure.ref}: {cases.met:,} cases met the standard out of only {cases.total:,}")
        return
    # The value is the percentage rounded to the places it is written with.
    places = max(-measure.value.as_tuple().exponent, 0)
    worked_out = cases.percentage().quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if worked_out != measure.value:
        report.error(at, f"{measure.ref}: {cases.met:,} of {cases.total:,} is {worked_out}%, "
                         f"not the {measure.value}% the measure gives")


def _check_mitigation(measure: Measure, mitigation: Mitigation, at: FieldPath, report: Report) -> None:
    if mitigation.accepted > mitigation.put_forward:
        report.error(
            at + ("accepted",),
            f"{measure.ref}: {mitigation.accepted} cases accepted but only {mitigation.put_forward} put forward for mitigation",
        )
    _check_amount(mitigation.service_credit, at + ("service_credit",), report)
    if mitigation.value is not None:
        _check_value(measure, mitigation.value, at + ("value",), report)
        _check_stated_rag(measure, mitigation.rag, mitigation.value, at + ("rag",), report)
        if measure.better is not None and is_worse(mitigation.value, measure.value, measure.better):
            report.warning(
                at + ("value",),
                f"{measure.ref}: post-mitigation performance ({mitigation.value}) is worse than "
                f"in-month performance ({measure.value})",
            )
    before, after = measure.status, measure.post_status
    if before is not None and after is not None and after.severity > before.severity:
        report.warning(
            at + ("rag",) if mitigation.rag else at,
            f"{measure.ref}: post-mitigation RAG {after.value} is worse than in-month RAG {before.value}",
        )
    if measure.post_credit > measure.credit:
        report.warning(
            at + ("service_credit",),
            f"{measure.ref}: the post-mitigation service credit {pounds(measure.post_credit)} is more than "
            f"the in-month credit {pounds(measure.credit)}",
        )
    if mitigation.accepted and measure.credit and mitigation.service_credit is None:
        report.warning(
            at,
            f"{measure.ref}: {mitigation.accepted} cases were accepted but no post-mitigation service_credit "
            f"is given, so the in-month credit {pounds(measure.credit)} is carried unchanged",
        )
    if not mitigation.accepted and measure.post_credit < measure.credit:
        report.warning(
            at + ("service_credit",),
            f"{measure.ref}: no cases were accepted, yet the service credit falls from "
            f"{pounds(measure.credit)} to {pounds(measure.post_credit)}",
        )


def _check_stock(stock: Stock, at: FieldPath, report: Report) -> None:
    _check_value(stock, stock.value, at + ("value",), report)
    if stock.previous is None and stock.change is None:
        report.error(at, f"{stock.name}: give the previous month's figure (previous) or the change in the month (change)")
    elif stock.previous is not None and stock.change is not None and stock.value - stock.previous != stock.change:
        report.error(
            at + ("change",),
            f"{stock.name}: the stated change is {stock.change} but {stock.previous} to {stock.value} "
            f"is a change of {stock.value - stock.previous}",
        )


def _check_trend(trend: Trend, at: FieldPath, report: Report) -> None:
    start_ok = _check_month(trend.start.period, at + ("start", "period"), report)
    end_ok = _check_month(trend.end.period, at + ("end", "period"), report)
    if start_ok and end_ok and month_start(trend.start.period) >= month_start(trend.end.period):
        report.error(at + ("end", "period"), f"{trend.name}: the trend ends in {trend.end.period}, not after it starts in {trend.start.period}")
    _check_value(trend, trend.start.value, at + ("start", "value"), report)
    _check_value(trend, trend.end.value, at + ("end", "value"), report)


def _check_totals(lot: Lot, stated: Totals, at: FieldPath, report: Report) -> None:
    computed = lot.computed_totals()
    for field, name in TOTAL_NAMES.items():
        given = getattr(stated, field)
        _check_amount(given, at + (field,), report)
        expected = getattr(computed, field)
        if given is not None and given != expected:
            report.error(
                at + (field,),
                f"{lot.name}: {name} stated as {pounds(given)}, but the measures add up to {pounds(expected)}",
            )
