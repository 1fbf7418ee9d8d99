"""Performance sections as minutes: a sentence per measure, or a table, and each lot's totals.

The functions here turn the model into raw text: record text (names,
references) is copied in as written and money and staffing figures are
wrapped with `markup.tag`, so the caller must pass every string through the
context builder's `text` gateway, which resolves mentions and lets a release
redact the tagged figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from minutes_kit.record.markup import tag
from minutes_kit.record.performance import (
    CountedIn,
    CreditTotals,
    Lot,
    Measure,
    Mitigation,
    Performance,
    Rag,
    Stock,
    Style,
    Trend,
    Unit,
    is_worse,
    month_start,
    pounds,
)

NOT_APPLICABLE = "–"
PLURAL_MARK = re.compile(r"\((e?s)\)")


def month_name(period: str) -> str:
    """``2026-08`` -> ``August 2026``."""
    start = month_start(period)
    return f"{start:%B %Y}" if start else period


def number(value: Decimal) -> str:
    """As written, with thousands separators: ``28946`` -> ``28,946``, ``94.80`` -> ``94.80``."""
    return f"{value:,f}"


def money(amount: Decimal) -> str:
    """``£12,345``, tagged so that a release can redact it."""
    return tag("money", pounds(amount))


def counted(phrase: str, value: Decimal) -> str:
    """``case(s) over 5 days`` for one or for many: the ``(s)`` is kept only for a plural."""
    return PLURAL_MARK.sub("" if value == 1 else r"\1", phrase)


def quantity(value: Decimal, unit: Unit, what: str, brief: bool = False) -> str:
    """A value in its unit: ``94.8%``, ``22.8 days``, ``£1,800``, ``12 FTE``, ``186 cases over 50 days``.

    `brief` leaves out what a count counts, for a table cell under the measure's name.
    """
    if unit is Unit.PERCENTAGE:
        return f"{number(value)}%"
    if unit is Unit.DAYS:
        return f"{number(value)} {'day' if value == 1 else 'days'}"
    if unit is Unit.MONEY:
        return money(value)
    if unit is Unit.FTE:
        return tag("staffing", f"{number(value)} FTE")
    if brief:
        return number(value)
    return f"{'zero' if value == 0 else number(value)} {counted(what, value)}"


def with_rag(text: str, rag: Rag | None) -> str:
    return f"{text} ({rag.value})" if rag else text


def difference(amount: Decimal, unit: Unit, what: str) -> str:
    """The size of a change; percentages change by percentage points."""
    if unit is Unit.PERCENTAGE:
        return f"{number(amount)} percentage {'point' if amount == 1 else 'points'}"
    return quantity(amount, unit, what)


def _in_month(measure: Measure, period: str) -> str:
    if measure.unit is Unit.COUNT:
        value = measure.value
        amount = f"no {counted(measure.counted, value)}" if value == 0 else quantity(value, measure.unit, measure.counted)
        verb = "was" if value == 1 else "were"
        when = "in" if measure.counted_in is CountedIn.PERIOD else "at the end of"
        return with_rag(f"there {verb} {amount} {when} {month_name(period)}", measure.status)
    return with_rag(
        f"performance for {month_name(period)} was {quantity(measure.value, measure.unit, measure.counted)}"
        + _cases(measure),
        measure.status,
    )


def _cases(measure: Measure) -> str:
    """`` (1,204 of 1,316 referrals)`` beside a percentage that gives its cases."""
    cases = measure.cases
    if cases is None or measure.unit is not Unit.PERCENTAGE:
        return ""
    return f" ({cases.met:,} of {cases.total:,} {counted(measure.counted, Decimal(cases.total))})"


def _rolling(measure: Measure) -> str:
    rolling = measure.rolling
    if rolling is None:
        return ""
    value = quantity(rolling.value, measure.unit, measure.counted)
    rag = rolling.rag or measure.derived_rag(rolling.value)
    return f" and the rolling {rolling.months}-month performance was {with_rag(value, rag)}"


def _consequence(measure: Measure) -> str:
    charges = []
    if measure.credit:
        charges.append(f"a service credit of {money(measure.credit)}")
    if measure.no_pay:
        charges.append(f"a no-pay amount of {money(measure.no_pay)}")
    return f", giving {' and '.join(charges)}" if charges else "; no service credit applies"


def measure_sentence(measure: Measure, period: str, with_money: bool = True) -> str:
    """The in-month result of one measure, what it costs, and its mitigation.

    Without money (a section that gives no credit, no-pay or totals) nothing is said of what a measure
    costs: a quality committee's falls are not "no service credit applies".
    """
    consequence = _consequence(measure) if with_money else ""
    sentence = f"{measure.ref} {measure.name}: {_in_month(measure, period)}{_rolling(measure)}{consequence}."
    if measure.mitigation is not None:
        sentence += " " + mitigation_sentence(measure, measure.mitigation)
    return sentence


def _cases_put_forward(mitigation: Mitigation) -> str:
    offered, accepted = mitigation.put_forward, mitigation.accepted
    if offered == 0:
        return "No cases were put forward for mitigation"
    if offered == 1:
        return "One case was put forward for mitigation and it was " + ("accepted" if accepted else "not accepted")
    opening = f"There were {offered:,} cases put forward for mitigation"
    if accepted == offered:
        return f"{opening} and {'both' if offered == 2 else 'all'} were accepted"
    if accepted == 0:
        return f"{opening} and {'neither was' if offered == 2 else 'none were'} accepted"
    return f"{opening}, of which {accepted:,} {'was' if accepted == 1 else 'were'} accepted"


def _post_performance(measure: Measure, mitigation: Mitigation) -> str | None:
    if mitigation.value is None:
        return None
    after = with_rag(quantity(mitigation.value, measure.unit, measure.counted), measure.post_status)
    if measure.better is None:
        return f"post-mitigation performance was {after}"
    if mitigation.value == measure.value:
        return f"post-mitigation performance remained at {after}"
    verb = "worsened" if is_worse(mitigation.value, measure.value, measure.better) else "improved"
    return f"post-mitigation performance {verb} to {after}"


def _post_credit(measure: Measure) -> str | None:
    before, after = measure.credit, measure.post_credit
    if not before and not after:
        return None
    if after == before:
        return f"the service credit remained at {money(after)}"
    if after == 0:
        return "no service credit applies"
    return f"the service credit {'rose' if after > before else 'reduced'} to {money(after)}"


def mitigation_sentence(measure: Measure, mitigation: Mitigation) -> str:
    """Cases put forward and accepted, then what the accepted cases changed."""
    cases = _cases_put_forward(mitigation)
    if mitigation.accepted == 0:
        if mitigation.put_forward and measure.credit:
            return f"{cases}, so the service credit of {money(measure.credit)} stands."
        return f"{cases}."
    outcomes = [part for part in (_post_performance(measure, mitigation), _post_credit(measure)) if part]
    return f"{cases}; therefore {' and '.join(outcomes)}." if outcomes else f"{cases}."


def stock_sentence(stock: Stock, period: str) -> str:
    """A month-end figure and how it moved during the month."""
    change, month = stock.movement, month_name(period)
    closing = quantity(stock.value, stock.unit, stock.counted)
    if change == 0:
        return f"{stock.name}: no change during {month}, with {closing} at the end of the month."
    moved = quantity(abs(change), stock.unit, stock.counted)
    if change < 0:
        return f"{stock.name}: a reduction of {moved} during {month}, leaving {closing} at the end of the month."
    return f"{stock.name}: an increase of {moved} during {month}, bringing the figure to {closing} at the end of the month."


def trend_sentence(trend: Trend) -> str:
    """A figure moving between two months, read as an improvement or a deterioration when the record says which way is better."""
    start, end = trend.start, trend.end
    before = f"{quantity(start.value, trend.unit, trend.counted)} in {month_name(start.period)}"
    after = f"{quantity(end.value, trend.unit, trend.counted)} in {month_name(end.period)}"
    if end.value == start.value:
        unchanged = quantity(end.value, trend.unit, trend.counted)
        return f"{trend.name} was unchanged at {unchanged} between {month_name(start.period)} and {month_name(end.period)}."
    size = difference(abs(end.value - start.value), trend.unit, trend.counted)
    if trend.better is None:
        verb, change = ("rose", "an increase") if end.value > start.value else ("fell", "a reduction")
    elif is_worse(end.value, start.value, trend.better):
        verb, change = "deteriorated", "a deterioration"
    else:
        verb, change = "improved", "an improvement"
    return f"{trend.name} {verb} from {before} to {after}, {change} of {size}."


def totals_sentence(lot_name: str, totals: CreditTotals, period: str) -> str:
    """The credits before and after mitigation, the no-pay amount and the total to apply, as computed."""
    opening = f"{lot_name} totals: service credits before mitigation came to {money(totals.pre_mitigation)}."
    after = f"After the accepted mitigation, service credits came to {money(totals.post_mitigation)}"
    to_apply = f"to be applied for {month_name(period)} is {money(totals.total)}"
    if totals.no_pay:
        return (
            f"{opening} {after} and no-pay amounts to {money(totals.no_pay)}, "
            f"so the total of service credits and no-pay amounts {to_apply}."
        )
    return f"{opening} {after} and there is no no-pay amount, so the total {to_apply}."


def _money_cell(amount: Decimal | None) -> str:
    return money(amount) if amount is not None else NOT_APPLICABLE


def _mitigation_cell(mitigation: Mitigation | None) -> str:
    if mitigation is None:
        return NOT_APPLICABLE
    if mitigation.put_forward == 0:
        return "none put forward"
    return f"{mitigation.accepted:,} of {mitigation.put_forward:,} accepted"


def measure_row(measure: Measure) -> dict[str, str]:
    """One measure as a row of the performance table."""
    in_month = with_rag(quantity(measure.value, measure.unit, measure.counted, brief=True) + _cases(measure),
                        measure.status)
    if measure.rolling is not None:
        rolling = measure.rolling
        value = quantity(rolling.value, measure.unit, measure.counted, brief=True)
        in_month += f"; rolling {rolling.months}-month {with_rag(value, rolling.rag or measure.derived_rag(rolling.value))}"
    mitigation = measure.mitigation
    after = NOT_APPLICABLE
    if mitigation is not None and mitigation.value is not None:
        after = with_rag(quantity(mitigation.value, measure.unit, measure.counted, brief=True), measure.post_status)
    charged = measure.service_credit is not None or (mitigation is not None and mitigation.service_credit is not None)
    return {
        "measure": f"{measure.ref} {measure.name}",
        "in_month": in_month,
        "credit": _money_cell(measure.service_credit),
        "mitigation": _mitigation_cell(mitigation),
        "after": after,
        "credit_after": money(measure.post_credit) if charged else NOT_APPLICABLE,
        "no_pay": _money_cell(measure.no_pay),
    }


def total_row(totals: CreditTotals) -> dict[str, str]:
    return {
        "measure": "Total",
        "in_month": "",
        "credit": money(totals.pre_mitigation),
        "mitigation": "",
        "after": "",
        "credit_after": money(totals.post_mitigation),
        "no_pay": money(totals.no_pay),
    }


def lot_context(lot: Lot, performance: Performance, number: str, text: Callable[[str], str]) -> dict[str, Any]:
    """The template values of one lot; every string has been through the `text` gateway.

    A section without money has no totals and no total row: they are never built, so that no "£0"
    reaches the gateway (where a release would redact figures the minutes do not show).
    """
    with_money = performance.has_money
    totals = lot.computed_totals()

    def cells(row: dict[str, str]) -> dict[str, str]:
        return {key: text(value) for key, value in row.items()}

    return {
        "number": number,
        "heading": text(f"{lot.name} performance for {month_name(performance.period)}"),
        "table": performance.style is Style.TABLE,
        "money": with_money,
        "mitigated": any(measure.mitigation is not None for measure in lot.measures),
        "measures": [text(measure_sentence(measure, performance.period, with_money)) for measure in lot.measures],
        "rows": [cells(measure_row(measure)) for measure in lot.measures],
        "total_row": cells(total_row(totals)) if with_money else {},
        "notes": [text(stock_sentence(stock, performance.period)) for stock in lot.stock]
        + [text(trend_sentence(trend)) for trend in lot.trends],
        "totals": text(totals_sentence(lot.name, totals, performance.period)) if with_money else "",
    }
