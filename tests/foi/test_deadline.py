"""The statutory due date: the 20th working day after receipt, with every UK bank holiday skipped."""

from __future__ import annotations

import datetime as dt
import functools

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_kit.foi.deadline import due_date

D = dt.date


@pytest.mark.parametrize(("received", "due"), [
    # Christmas Day, the Boxing Day substitute (28 December), New Year's Day and Scotland's 4 January 2027.
    (D(2026, 12, 18), D(2027, 1, 21)),
    # St Patrick's Day (Northern Ireland), Good Friday and Easter Monday.
    (D(2027, 3, 10), D(2027, 4, 12)),
    # No holiday in October: four weekends only.
    (D(2026, 10, 2), D(2026, 10, 30)),
    # Received on a Saturday or a Sunday: the count starts on the Monday.
    (D(2026, 10, 3), D(2026, 10, 30)),
    (D(2026, 10, 4), D(2026, 10, 30)),
    # Received on a bank holiday (Easter Monday 2026): the count starts the next day, and the Early
    # May bank holiday (4 May) is skipped.
    (D(2026, 4, 6), D(2026, 5, 5)),
])
def test_due_dates_counted_by_hand(received, due):
    assert due_date(received) == due


@functools.cache
def _bank_holidays(year: int) -> set[dt.date]:
    """Every bank holiday of `year` in England, Wales, Scotland or Northern Ireland, asked for by the
    nations' names (the code under test asks by their codes)."""
    return {day for nation in ("England", "Wales", "Scotland", "Northern Ireland")
            for day in holidays.country_holidays("GB", subdiv=nation, years=year)}


def _uk_closed(day: dt.date) -> bool:
    """A day that is not a working day: a weekend, or a bank holiday in any of the four nations."""
    return day.weekday() >= 5 or day in _bank_holidays(day.year)


@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31)))
def test_the_due_date_is_the_twentieth_working_day(received):
    due = due_date(received)
    assert not _uk_closed(due)
    days_between = [received + dt.timedelta(days=n) for n in range(1, (due - received).days + 1)]
    assert sum(not _uk_closed(day) for day in days_between) == 20
    # Twenty weekdays take four weeks, less the weekend days before the first of them.
    assert (due - received).days >= 26
    assert due.weekday() < 5


@pytest.mark.parametrize("day", [D(2026, 12, 25), D(2027, 3, 26), D(2027, 3, 17), D(2027, 1, 4), D(2026, 7, 13),
                                 D(2026, 11, 30)])
def test_a_bank_holiday_in_any_nation_is_never_the_due_date(day):
    """Christmas Day, Good Friday, St Patrick's Day, 4 January in Scotland, the Twelfth (observed on
    Monday 13 July 2026) and St Andrew's Day (observed on Monday 30 November 2026)."""
    assert _uk_closed(day)
    for received in (day - dt.timedelta(days=n) for n in range(20, 45)):
        assert due_date(received) != day
