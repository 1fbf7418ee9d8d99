"""Withheld figures that can be worked out from disclosed ones.

A redaction tool removes text; it does not know that a lot's total less the credits it discloses
is the credit it withholds. The toolkit knows the arithmetic of its performance sections, so a
release checks it: for each relation a section states (a lot's totals and the figures they add
up; a trend's start, end and change; a month-end figure and its change; a percentage and the
cases it is worked out from, to within its rounding), a figure withheld while every other figure of the relation is
disclosed can be worked out, and is reported with the places that give it away.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from minutes_kit.record.model import MeetingRecord
from minutes_kit.record.performance import Lot, Measure, Unit, pounds
from minutes_kit.rendering.performance import counted, month_name, number
from minutes_kit.text.folding import fold
from minutes_kit.text.forms import money_forms


@dataclass(frozen=True)
class Figure:
    """A figure as the minutes show it, and where."""

    place: str
    value: Decimal
    unit: Unit
    counted: str = ""
    """For a count, what is counted ("report(s) returned late")."""

    def forms(self) -> list[str]:
        """The ways the minutes write the figure, with its unit ("24 days", "7 reports", "£12,400")."""
        if self.unit is Unit.MONEY:
            shown = pounds(self.value)
            return [shown, *money_forms(shown)]
        numbers = list(dict.fromkeys([number(self.value), f"{self.value:f}"]))
        unit = {Unit.PERCENTAGE: "%", Unit.DAYS: " day" if self.value == 1 else " days", Unit.FTE: " FTE",
                Unit.COUNT: f" {counted(self.counted, self.value)}" if self.counted else ""}[self.unit]
        return [f"{written}{unit}" for written in numbers]

    def written_within(self, strings: set[str]) -> bool:
        """Whether one of `strings` (folded) is the figure or a run of whole words of it as written."""
        for form in self.forms():
            words = fold(form).split()
            if any(" ".join(words[start:end]) in strings
                   for start in range(len(words)) for end in range(start + 1, len(words) + 1)):
                return True
        return False


Relation = tuple[Figure, ...]
"""Figures any one of which follows from all the others: a total and what it adds up, a figure
at two dates and the change between them."""


@dataclass(frozen=True)
class Derivable:
    withheld: Figure
    from_disclosed: tuple[Figure, ...]

    def describe(self) -> str:
        sources = "; ".join(figure.place for figure in self.from_disclosed)
        return f"{self.withheld.place} is withheld but can be worked out from what is disclosed: {sources}"


def derivable_figures(record: MeetingRecord, withheld: Callable[[Figure], bool]) -> list[Derivable]:
    """Every withheld figure of the record's performance sections that its disclosed neighbours give away."""
    found: dict[str, Derivable] = {}
    for relation in relations(record):
        hidden = [figure for figure in relation if withheld(figure)]
        if len(hidden) == 1 and hidden[0].place not in found:  # the first way of working it out is enough
            found[hidden[0].place] = Derivable(hidden[0], tuple(f for f in relation if f is not hidden[0]))
    return list(found.values())


def withheld_by(categories: dict[Unit, bool], needles: Iterable[str]) -> Callable[[Figure], bool]:
    """Whether a release withholds a figure: its whole category (money, staffing) is withheld, or
    one of the ways it is written is a withheld string."""
    # Only a withheld string with a digit can hide a figure; a name never does.
    folded = {fold(needle) for needle in needles if any(character.isdigit() for character in needle)}

    def withheld(figure: Figure) -> bool:
        return categories.get(figure.unit, False) or figure.written_within(folded)

    return withheld


def relations(record: MeetingRecord) -> list[Relation]:
    found: list[Relation] = []
    for index, item in enumerate(record.items, start=1):
        if item.performance is None:
            continue
        for lot in item.performance.lots:
            where = f"item {index}, {lot.name}"
            if item.performance.has_money:
                found += _totals(where, lot)
            found += _changes(where, lot)
    return found


def _changes(where: str, lot: Lot) -> list[Relation]:
    """A percentage and the cases it is worked out from; a month-end figure, its change in the month and the figure the previous month's minutes gave;
    a trend's start, end and change."""
    relations: list[Relation] = []
    for measure in lot.measures:
        cases = measure.cases
        if cases is not None and measure.unit is Unit.PERCENTAGE:
            relations.append((
                Figure(f"{where}: {measure.ref} performance", measure.value, Unit.PERCENTAGE),
                Figure(f"{where}: {measure.ref} cases that met the standard", Decimal(cases.met), Unit.COUNT),
                Figure(f"{where}: {measure.ref} cases counted", Decimal(cases.total), Unit.COUNT, measure.counted),
            ))
    for stock in lot.stock:
        if stock.movement:
            relations.append((
                Figure(f"{where}: {stock.name} at the end of the month", stock.value, stock.unit, stock.counted),
                Figure(f"{where}: {stock.name}, its change in the month", abs(stock.movement), stock.unit,
                       stock.counted),
                Figure(f"{where}: {stock.name} at the end of the previous month (in the previous minutes)",
                       stock.value - stock.movement, stock.unit, stock.counted),
            ))
    for trend in lot.trends:
        if trend.end.value != trend.start.value:
            relations.append((
                Figure(f"{where}: {trend.name} in {month_name(trend.end.period)}", trend.end.value, trend.unit,
                       trend.counted),
                Figure(f"{where}: {trend.name} in {month_name(trend.start.period)}", trend.start.value, trend.unit,
                       trend.counted),
                Figure(f"{where}: {trend.name}, its change", abs(trend.end.value - trend.start.value),
                       trend.unit, trend.counted),
            ))
    return relations


def _mitigated(measure: Measure) -> bool:
    return measure.mitigation is not None and measure.mitigation.service_credit is not None


def _totals(where: str, lot: Lot) -> list[Relation]:
    """A lot's totals and what they add up; a charge of nothing reads as none, so it is known."""
    totals = lot.computed_totals()

    def money(place: str, amount: Decimal) -> Figure:
        return Figure(f"{where}: {place}", amount, Unit.MONEY)

    def charged(place: str, amounts: Iterable[tuple[str, Decimal]]) -> tuple[Figure, ...]:
        return tuple(money(f"{ref} {place}", amount) for ref, amount in amounts if amount)

    before = money("total service credits before mitigation", totals.pre_mitigation)
    after = money("total service credits after mitigation", totals.post_mitigation)
    no_pay = money("total no-pay amounts", totals.no_pay)
    relations = [
        (before, *charged("service credit", ((m.ref, m.credit) for m in lot.measures))),
        (after, *(money(f"{m.ref} service credit{' after mitigation' if _mitigated(m) else ''}", m.post_credit)
                  for m in lot.measures if m.post_credit)),
        (money("total to be applied", totals.total), *(f for f in (after, no_pay) if f.value)),
        (no_pay, *charged("no-pay amount", ((m.ref, m.no_pay or Decimal(0)) for m in lot.measures))),
    ]
    return [relation for relation in relations if relation[0].value]
