"""Performance sections in the rendered minutes, read back with python-docx."""

from __future__ import annotations

from docx import Document

from minutes_kit.record.markup import Marked
from minutes_kit.record.performance import Style, pounds
from minutes_kit.rendering import render_minutes
from minutes_kit.rendering.context import MinutesContextBuilder

TABLE_HEADINGS = ["Measure", "In month", "Service credit", "Mitigation", "After mitigation",
                  "Credit after mitigation", "No-pay"]


def _texts(path) -> list[str]:
    return [paragraph.text for paragraph in Document(path).paragraphs]


def _performance_item(record):
    return next((number, item) for number, item in enumerate(record.items, start=1) if item.performance)


def _with_style(record, style: Style):
    items = [
        item.model_copy(update={"performance": item.performance.model_copy(update={"style": style})})
        if item.performance else item
        for item in record.items
    ]
    return record.model_copy(update={"items": items})


def test_each_lot_is_a_numbered_paragraph_after_the_item_paragraphs(sample_docx, sample_record):
    number, item = _performance_item(sample_record)
    texts = _texts(sample_docx)
    first = len(item.paragraphs) + 1
    assert f"{number}.{first}.\tLot 2 performance for August 2026" in texts
    assert f"{number}.{first + 1}.\tLot 4 performance for August 2026" in texts
    assert texts.index(f"{number}.{first}.\tLot 2 performance for August 2026") > texts.index(
        next(t for t in texts if t.startswith(f"{number}.{first - 1}.\t"))
    )


def test_measure_sentences_are_in_the_minutes(sample_docx):
    texts = _texts(sample_docx)
    for sentence in [
        "SL4a New Referral Clearances within 50 days: performance for August 2026 was 94.8% (Amber), giving a service "
        "credit of £18,420. There were 112 cases put forward for mitigation, of which 97 were accepted; therefore "
        "post-mitigation performance improved to 95.3% (Amber) and the service credit reduced to £15,360.",
        "SL6b Returned Reports over 5 days: there was 1 returned report over 5 days at the end of August 2026 (Red), "
        "giving a service credit of £900. One case was put forward for mitigation and it was accepted; therefore "
        "post-mitigation performance improved to zero returned reports over 5 days (Green) and no service credit applies.",
        "SL3 Claimants Turned Away Unseen: performance for August 2026 was 0.9% (Red), giving a service credit of £6,480. "
        "No cases were put forward for mitigation.",
        "SL8 Complaints Answered within 10 Working Days: performance for August 2026 was 92.5% (Amber), giving a service "
        "credit of £1,240. There were 4 cases put forward for mitigation and none were accepted, so the service credit "
        "of £1,240 stands.",
        "Work in Progress: an increase of 342 cases during August 2026, bringing the figure to 37,518 cases at the end "
        "of the month.",
        "New referrals cleared within 50 days deteriorated from 90.4% in May 2026 to 88.6% in August 2026, "
        "a deterioration of 1.8 percentage points.",
    ]:
        assert sentence in texts


def test_totals_in_the_minutes_are_the_computed_ones(sample_docx, sample_record):
    _, item = _performance_item(sample_record)
    texts = _texts(sample_docx)
    for lot in item.performance.lots:
        computed = lot.computed_totals()
        totals = next(t for t in texts if t.startswith(f"{lot.name} totals:"))
        assert f"service credits before mitigation came to {pounds(computed.pre_mitigation)}." in totals
        assert f"service credits came to {pounds(computed.post_mitigation)}" in totals
        assert f"no-pay amounts to {pounds(computed.no_pay)}" in totals
        assert totals.endswith(f"to be applied for August 2026 is {pounds(computed.total)}.")
    assert any(t.endswith("is £85,310.") for t in texts) and any(t.endswith("is £152,400.") for t in texts)


def test_table_style_renders_the_same_measures_as_a_table(tmp_path, sample_record):
    output = tmp_path / "table.docx"
    render_minutes(_with_style(sample_record, Style.TABLE), output)
    document = Document(output)
    tables = [table for table in document.tables if [c.text for c in table.rows[0].cells] == TABLE_HEADINGS]
    _, item = _performance_item(sample_record)
    assert len(tables) == len(item.performance.lots) == 2
    lot2 = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert len(lot2) == len(item.performance.lots[0].measures) + 2
    assert lot2[1] == ["SL4a New Referral Clearances within 50 days", "94.8% (Amber)", "£18,420",
                       "97 of 112 accepted", "95.3% (Amber)", "£15,360", "–"]
    assert lot2[4] == ["SL1 Unacceptable Report Grades", "3.4% (Red); rolling 3-month 3.1% (Amber)", "–",
                       "–", "–", "–", "£41,250"]
    assert lot2[-1] == ["Total", "", "£49,370", "", "", "£44,060", "£41,250"]
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert not any(t.startswith("SL4a New Referral Clearances within 50 days:") for t in texts)
    assert any(t.startswith("Lot 2 totals:") and t.endswith("is £85,310.") for t in texts)
    assert any(t.startswith("Work in Progress: a reduction of 1,215 cases") for t in texts)


class _RedactingFigures(MinutesContextBuilder):
    """What a release policy does with tagged figures: replace them with their exemption."""

    def marked(self, span: Marked, *, at: str) -> str:
        return "[S43]" if span.category in {"money", "staffing"} else super().marked(span, at=at)


def test_money_and_staffing_figures_reach_the_builder_as_marked_spans(sample_record):
    number, _ = _performance_item(sample_record)
    lots = _RedactingFigures(sample_record).context()["items"][number - 1]["performance"]
    lot2 = lots[0]
    shown = "\n".join([*lot2["measures"], *lot2["notes"], lot2["totals"], *(v for row in lot2["rows"] for v in row.values())])
    assert "£" not in shown and "FTE" not in shown
    assert "giving a service credit of [S43]" in lot2["measures"][0]
    assert "an increase of [S43] during August 2026" in lot2["notes"][1]
