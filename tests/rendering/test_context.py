import datetime as dt

import pytest

from minutes_kit.rendering.context import join_names, long_date, time_range


@pytest.mark.parametrize("names, joined", [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")])
def test_owner_names_are_joined_as_in_prose(names, joined):
    assert join_names(names) == joined


def test_dates_and_times_read_as_in_uk_minutes():
    assert long_date(dt.date(2026, 7, 4)) == "Saturday 4 July 2026"
    assert time_range(dt.time(10, 0), dt.time(12, 30)) == "10:00 to 12:30"
    assert time_range(dt.time(9, 5), None) == "09:05"
