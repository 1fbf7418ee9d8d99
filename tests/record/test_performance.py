"""The arithmetic of performance sections: RAG statuses, credits after mitigation, lot totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from minutes_kit.record.performance import (
    Better,
    CountedIn,
    Lot,
    Measure,
    Performance,
    Rag,
    Stock,
    Thresholds,
    month_start,
    pounds,
    rag_for,
)

HIGHER = Thresholds(green=Decimal(96), amber=Decimal(94))
LOWER = Thresholds(green=Decimal("2.5"), amber=Decimal("3.2"))
TARGET = Thresholds(green=Decimal(0))


@pytest.mark.parametrize(
    "value, better, thresholds, rag",
    [
        ("96", Better.HIGHER, HIGHER, Rag.GREEN),
        ("95.9", Better.HIGHER, HIGHER, Rag.AMBER),
        ("94", Better.HIGHER, HIGHER, Rag.AMBER),
        ("93.9", Better.HIGHER, HIGHER, Rag.RED),
        ("2.5", Better.LOWER, LOWER, Rag.GREEN),
        ("3.2", Better.LOWER, LOWER, Rag.AMBER),
        ("3.21", Better.LOWER, LOWER, Rag.RED),
        ("0", Better.LOWER, TARGET, Rag.GREEN),
        ("1", Better.LOWER, TARGET, Rag.RED),
    ],
)
def test_rag_is_derived_from_thresholds_in_either_direction(value, better, thresholds, rag):
    assert rag_for(Decimal(value), better, thresholds) is rag


def _measure(**fields) -> Measure:
    base = {"ref": "SL1", "name": "Measure", "unit": "percentage", "value": 95, "better": "higher",
            "thresholds": {"green": 96, "amber": 94}}
    return Measure.model_validate(base | fields)


def test_stated_rag_wins_over_the_derived_one():
    assert _measure().status is Rag.AMBER
    assert _measure(rag="red").status is Rag.RED
    assert _measure(mitigation={"put_forward": 3, "accepted": 3, "value": 96.5}).post_status is Rag.GREEN


def test_credit_after_mitigation_defaults_to_the_in_month_credit():
    assert _measure(service_credit=1200).post_credit == Decimal(1200)
    assert _measure(service_credit=1200, mitigation={"put_forward": 2}).post_credit == Decimal(1200)
    assert _measure(service_credit=1200, mitigation={"put_forward": 2, "accepted": 2, "service_credit": 300}).post_credit == 300


def test_lot_totals_add_credits_before_and_after_mitigation_and_no_pay():
    lot = Lot.model_validate({
        "name": "Lot 1",
        "measures": [
            {"ref": "A", "name": "a", "unit": "percentage", "value": 90, "service_credit": "£1,000.50",
             "mitigation": {"put_forward": 4, "accepted": 4, "service_credit": 250}},
            {"ref": "B", "name": "b", "unit": "count", "value": 12, "service_credit": 2000},
            {"ref": "C", "name": "c", "unit": "percentage", "value": 4.1, "no_pay": 5000},
        ],
    })
    totals = lot.computed_totals()
    assert totals.pre_mitigation == Decimal("3000.50")
    assert totals.post_mitigation == Decimal(2250)
    assert totals.no_pay == Decimal(5000)
    assert totals.total == Decimal(7250)


def test_stock_movement_comes_from_the_previous_figure_or_the_stated_change():
    assert Stock(name="WIP", value=Decimal(900), previous=Decimal(1000)).movement == Decimal(-100)
    assert Stock(name="WIP", value=Decimal(900), change=Decimal(40)).movement == Decimal(40)


@pytest.mark.parametrize("text, start", [("2026-08", dt.date(2026, 8, 1)), ("2026-12", dt.date(2026, 12, 1)),
                                          ("2026-13", None), ("2026-00", None), ("Aug 2026", None), ("2026-08-01", None)])
def test_months_are_written_yyyy_mm(text, start):
    assert month_start(text) == start


@pytest.mark.parametrize("amount, shown", [("12345", "£12,345"), ("12345.6", "£12,345.60"), ("0", "£0"), ("900.00", "£900")])
def test_money_is_written_with_pence_only_when_there_are_some(amount, shown):
    assert pounds(Decimal(amount)) == shown


def test_a_count_is_of_month_end_stock_unless_it_says_period():
    assert _measure(unit="count", value=6).counted_in is CountedIn.MONTH_END
    assert _measure(unit="count", value=6, counted_in="period").counted_in is CountedIn.PERIOD
    with pytest.raises(ValidationError, match="counted_in"):
        _measure(unit="count", value=6, counted_in="weekly")


@pytest.mark.parametrize(
    "fields, money",
    [
        ({}, False),
        ({"service_credit": 0}, True),
        ({"no_pay": 250}, True),
        ({"mitigation": {"put_forward": 2, "accepted": 1, "service_credit": 0}}, True),
        ({"mitigation": {"put_forward": 2, "accepted": 1, "value": 96.2}}, False),
    ],
)
def test_a_section_has_money_when_any_measure_gives_a_charge(fields, money):
    performance = Performance.model_validate({"period": "2026-10", "lots": [
        {"name": "Quality", "measures": [{"ref": "Q1", "name": "q", "unit": "percentage", "value": 90}]},
        {"name": "Safety", "measures": [{"ref": "S1", "name": "s", "unit": "count", "value": 6} | fields]},
    ]})
    assert performance.lots[1].measures[0].has_money is money
    assert performance.has_money is money
    assert performance.lots[0].has_money is False


def test_stated_totals_alone_make_a_lot_one_with_money():
    lot = Lot.model_validate({"name": "Lot 1", "measures": [{"ref": "A", "name": "a", "unit": "count", "value": 1}],
                              "totals": {"total": 0}})
    assert lot.has_money
