"""Performance sections: service-level measures, credits, mitigation, stock and trends.

An agenda item may carry a ``performance`` section for one reporting month,
with one or more lots (a contract's lots, or a committee's areas); only a
section that gives money has credits, no-pay and totals. The arithmetic
that minutes depend on (the RAG status a value earns, the credit left after
mitigation, each lot's totals) lives here, beside the data, so that
validation and rendering use the same figures.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from minutes_kit.record.base import StrictModel, Text, bounded_decimal

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def _month_text(value: Any) -> Any:
    # A YAML date or number is kept as text so that the month check, not a type error, explains the format.
    if isinstance(value, (dt.date, int)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return value


Month = Annotated[
    str,
    BeforeValidator(_month_text),
    Field(description="A calendar month, YYYY-MM, e.g. 2026-08.", examples=["2026-08"]),
]


def month_start(text: str) -> dt.date | None:
    """The first day of the month written ``YYYY-MM``, or None when `text` is not a month."""
    match = MONTH_PATTERN.match(text)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


def _number_input(value: Any) -> Any:
    # Secretariats paste figures from spreadsheets: "£18,420.50", "28,946" and "94.8%" are numbers.
    if isinstance(value, str):
        return value.replace("£", "").replace(",", "").replace("%", "").strip()
    return value


_Number = Annotated[Decimal, BeforeValidator(_number_input)]

FIGURE_DIGITS = 18
"""The most digits a figure may have, written out in full: enough for any count, percentage or
rate a report gives, and few enough that a figure is never written out as a page of digits."""

Figure = Annotated[
    _Number,
    bounded_decimal(
        f"a number of at most {FIGURE_DIGITS} digits", whole=FIGURE_DIGITS, fraction=FIGURE_DIGITS, total=FIGURE_DIGITS
    ),
]


def pounds(amount: Decimal) -> str:
    """``£12,345``, or ``£12,345.67`` when there are pence: how minutes and messages write money."""
    whole = amount == amount.to_integral_value()
    return f"£{int(amount):,}" if whole else f"£{amount:,.2f}"


MONEY_DIGITS = 15
"""The most digits before the point of a sum of money: a thousand million million pounds, less a penny.
Pence beyond two places are left to `validation.performance_checks`, which names the amount; here a
sum is only kept within the digits of any figure, so that rounding it to pence always fits the
28 digits of the default decimal context (instead of raising decimal.InvalidOperation)."""

Money = Annotated[
    _Number,
    bounded_decimal(
        f"a sum of money of at most {MONEY_DIGITS} digits before the point and 2 after, for example 18420.50",
        whole=MONEY_DIGITS, fraction=FIGURE_DIGITS, total=FIGURE_DIGITS,
    ),
    Field(description="An amount in pounds, e.g. 18420 or 18420.50."),
]


class Unit(str, Enum):
    PERCENTAGE = "percentage"
    COUNT = "count"
    DAYS = "days"
    MONEY = "money"
    FTE = "fte"


class Better(str, Enum):
    HIGHER = "higher"
    LOWER = "lower"


class Rag(str, Enum):
    GREEN = "Green"
    AMBER = "Amber"
    RED = "Red"

    @property
    def severity(self) -> int:
        return [Rag.GREEN, Rag.AMBER, Rag.RED].index(self)


def _rag_input(value: Any) -> Any:
    return value.strip().capitalize() if isinstance(value, str) else value


RagStatus = Annotated[Rag, BeforeValidator(_rag_input), Field(description="Green, Amber or Red.")]


class Style(str, Enum):
    PROSE = "prose"
    TABLE = "table"


class Thresholds(StrictModel):
    """RAG bands. With ``better: higher`` a value at or above `green` is Green; with ``lower``, at or below."""

    green: Figure = Field(description="The value that earns Green.")
    amber: Figure | None = Field(
        None, description="The value that earns Amber; anything short of it is Red. Omit for a single target."
    )


def rag_for(value: Decimal, better: Better, thresholds: Thresholds) -> Rag:
    """The RAG status `value` earns under `thresholds`."""

    def meets(limit: Decimal) -> bool:
        return value >= limit if better is Better.HIGHER else value <= limit

    if meets(thresholds.green):
        return Rag.GREEN
    if thresholds.amber is not None and meets(thresholds.amber):
        return Rag.AMBER
    return Rag.RED


def is_worse(later: Decimal, earlier: Decimal, better: Better) -> bool:
    return later < earlier if better is Better.HIGHER else later > earlier


COUNTED_DEFAULT = "case(s)"


class CountedIn(str, Enum):
    """When a count is taken: the stock standing at the end of the month, or the events within it."""

    MONTH_END = "month_end"
    PERIOD = "period"


class Rolling(StrictModel):
    """A rolling figure reported beside the in-month one, e.g. the three-month average."""

    months: int = Field(ge=2, description="How many months the rolling figure covers.")
    value: Figure
    rag: RagStatus | None = None


class Cases(StrictModel):
    """The cases a percentage is worked out from: 1,204 of 1,316 referrals cleared in time is 91.5%."""

    met: int = Field(ge=0, description="Cases that met the standard: the numerator.")
    total: int = Field(gt=0, description="All cases counted: the denominator.")

    def percentage(self) -> Decimal:
        return Decimal(self.met) * 100 / Decimal(self.total)


class Mitigation(StrictModel):
    put_forward: int = Field(ge=0, description="Cases the supplier put forward for mitigation.")
    accepted: int = Field(0, ge=0, description="Cases accepted; never more than were put forward.")
    value: Figure | None = Field(None, description="Performance after the accepted cases are removed.")
    rag: RagStatus | None = Field(None, description="Stated post-mitigation RAG; derived from the thresholds when omitted.")
    service_credit: Money | None = Field(None, description="Service credit after mitigation.")


class Measure(StrictModel):
    """One service-level measure for the month."""

    ref: Text = Field(description="Identifier of the measure, e.g. 'SL4a'.")
    name: Text = Field(description="What it measures, e.g. 'New Referral Clearances within 50 days'.")
    unit: Unit
    value: Figure = Field(description="In-month performance, in the unit.")
    counted: Text = Field(
        COUNTED_DEFAULT,
        description="For counts, what is counted, with (s) where the plural adds it: 'returned report(s) over 5 days'.",
    )
    counted_in: CountedIn = Field(
        CountedIn.MONTH_END,
        description="For counts: month_end for what stands at the end of the month ('6 cases at the end of "
        "October 2026'), period for events within the month ('6 falls in October 2026').",
    )
    better: Better | None = Field(None, description="Whether a higher or a lower value is better.")
    thresholds: Thresholds | None = None
    rag: RagStatus | None = Field(None, description="Stated RAG; derived from the thresholds when omitted.")
    rolling: Rolling | None = None
    cases: Cases | None = Field(
        None, description="For a percentage, the cases it is worked out from; the minutes give them beside it: "
        "'91.5% (1,204 of 1,316 referrals)', with `counted` naming the cases.")
    service_credit: Money | None = Field(None, description="Service credit the in-month figure triggers.")
    no_pay: Money | None = Field(None, description="No-pay amount the measure triggers.")
    mitigation: Mitigation | None = None

    def derived_rag(self, value: Decimal) -> Rag | None:
        if self.thresholds is None or self.better is None:
            return None
        return rag_for(value, self.better, self.thresholds)

    @property
    def status(self) -> Rag | None:
        return self.rag or self.derived_rag(self.value)

    @property
    def credit(self) -> Decimal:
        return self.service_credit or Decimal(0)

    @property
    def has_money(self) -> bool:
        """Whether the measure gives a service credit or a no-pay amount (zero included), before or after mitigation."""
        mitigated = self.mitigation is not None and self.mitigation.service_credit is not None
        return self.service_credit is not None or self.no_pay is not None or mitigated

    @property
    def post_status(self) -> Rag | None:
        if self.mitigation is None or self.mitigation.value is None:
            return None
        return self.mitigation.rag or self.derived_rag(self.mitigation.value)

    @property
    def post_credit(self) -> Decimal:
        """The credit after mitigation: the in-month credit when nothing changed it."""
        if self.mitigation is not None and self.mitigation.service_credit is not None:
            return self.mitigation.service_credit
        return self.credit


class Stock(StrictModel):
    """A standing figure at month-end and its change from the month before (e.g. work in progress)."""

    name: Text
    unit: Unit = Unit.COUNT
    counted: Text = Field(COUNTED_DEFAULT, description="What is counted, with (s) where the plural adds it.")
    value: Figure = Field(description="The figure at the end of the month.")
    previous: Figure | None = Field(None, description="The figure at the end of the previous month.")
    change: Figure | None = Field(None, description="The change in the month: negative for a reduction.")

    @property
    def movement(self) -> Decimal:
        return self.change if self.change is not None else self.value - (self.previous or Decimal(0))


class TrendPoint(StrictModel):
    period: Month
    value: Figure


class Trend(StrictModel):
    """A figure moving from one month to another, e.g. average clearance time from May to August."""

    name: Text
    unit: Unit
    counted: Text = Field(COUNTED_DEFAULT, description="For counts, what is counted, with (s) where the plural adds it.")
    better: Better | None = Field(None, description="Say which way is better to read 'improved' or 'deteriorated'.")
    start: TrendPoint
    end: TrendPoint


class Totals(StrictModel):
    """Totals as a record states them; each is checked against the measures."""

    pre_mitigation: Money | None = Field(None, description="Service credits before mitigation.")
    post_mitigation: Money | None = Field(None, description="Service credits after mitigation.")
    no_pay: Money | None = Field(None, description="No-pay amounts.")
    total: Money | None = Field(None, description="Post-mitigation credits plus no-pay: the amount to apply.")


@dataclass(frozen=True)
class CreditTotals:
    pre_mitigation: Decimal
    post_mitigation: Decimal
    no_pay: Decimal

    @property
    def total(self) -> Decimal:
        return self.post_mitigation + self.no_pay


class Lot(StrictModel):
    name: Text = Field(description="The contract lot or area, e.g. 'Lot 2'.")
    measures: list[Measure] = Field(min_length=1)
    stock: list[Stock] = Field(default_factory=list)
    trends: list[Trend] = Field(default_factory=list)
    totals: Totals | None = Field(None, description="Totals stated in the service delivery report, to be checked.")

    @property
    def has_money(self) -> bool:
        return self.totals is not None or any(measure.has_money for measure in self.measures)

    def computed_totals(self) -> CreditTotals:
        return CreditTotals(
            pre_mitigation=sum((m.credit for m in self.measures), Decimal(0)),
            post_mitigation=sum((m.post_credit for m in self.measures), Decimal(0)),
            no_pay=sum((m.no_pay or Decimal(0) for m in self.measures), Decimal(0)),
        )


class Performance(StrictModel):
    """Service-level performance for one month, rendered as numbered paragraphs after the item's own."""

    period: Month = Field(description="The reporting month, YYYY-MM.")
    style: Style = Field(Style.PROSE, description="prose: a sentence per measure; table: a table per lot.")
    lots: list[Lot] = Field(min_length=1)

    @property
    def has_money(self) -> bool:
        """Whether the section is a contract's: some lot gives a credit, a no-pay amount or totals.

        Decided for the whole section, so that a contract's lot with nothing to charge this month still
        reads "no service credit applies" beside its sibling lots, and a body without money never does.
        """
        return any(lot.has_money for lot in self.lots)
