"""Working days and the statutory deadline of an FOI response.

FOIA s10(1): a response is due no later than the twentieth working day following the date of
receipt. Section 10(6): a working day is any day but a Saturday, a Sunday, Christmas Day, Good
Friday or a bank holiday in any part of the United Kingdom. So a Scottish bank holiday (2 January,
St Andrew's Day) or a Northern Irish one (St Patrick's Day, 12 July) is not a working day even
for an authority in England. The bank holidays come from the `holidays` package, for every one
of its UK subdivisions; Christmas Day and Good Friday are among them.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

RESPONSE_WORKING_DAYS = 20
"""FOIA s10(1): the response is due by the twentieth working day after receipt."""
INTERNAL_REVIEW_WORKING_DAYS = 40
"""How long a requester has to ask for an internal review: the s45 Code of Practice lets an
authority refuse a request for review made more than 40 working days after its response."""
UK_SUBDIVISIONS = ("ENG", "NIR", "SCT", "WLS")
"""England, Northern Ireland, Scotland and Wales, as the `holidays` package names them."""


@cache
def uk_bank_holidays(year: int) -> frozenset[dt.date]:
    """Every day of `year` that is a bank holiday in at least one part of the UK."""
    days: set[dt.date] = set()
    for subdivision in UK_SUBDIVISIONS:
        days.update(holidays.UK(subdiv=subdivision, years=year))
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    """Neither a Saturday, a Sunday nor a bank holiday anywhere in the UK (FOIA s10(6))."""
    return day.weekday() < 5 and day not in uk_bank_holidays(day.year)


def working_days_after(start: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `start` (`start` itself never counts, whatever day it is)."""
    day, counted = start, 0
    while counted < count:
        day += dt.timedelta(days=1)
        counted += is_working_day(day)
    return day


def due_date(received: dt.date) -> dt.date:
    """The day an FOI response is due: the twentieth working day after the day of receipt."""
    return working_days_after(received, RESPONSE_WORKING_DAYS)
