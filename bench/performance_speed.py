"""Performance sections at scale: validation and rendering of many measures.

    .venv/bin/python bench/performance_speed.py

Generates a record whose one agenda item carries 12 lots of 40 measures
(480 measures, each with thresholds, credits and mitigation), written to a
temporary folder, and reports the median of several runs of: validation
(`validate_file`: load, model, every check), building the template context
(every sentence and table row), and the whole render, in prose and in table
style. A real meeting has two to four lots of six to twelve measures.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import yaml

from minutes_kit.record.performance import Style
from minutes_kit.rendering import render_minutes
from minutes_kit.rendering.context import minutes_context
from minutes_kit.validation import validate_file

RUNS = 5
LOTS = 12
MEASURES = 40


def measure(lot: int, index: int) -> dict:
    value = 90 + (lot * 7 + index * 3) % 90 / 10
    credit = 1000 + 250 * index
    return {
        "ref": f"SL{index + 1}", "name": f"Generated measure {index + 1}", "unit": "percentage",
        "value": value, "better": "higher", "thresholds": {"green": 96, "amber": 94},
        "service_credit": credit,
        "mitigation": {"put_forward": 10 + index, "accepted": 5 + index % 6, "value": value + 0.1,
                       "service_credit": credit - 100},
        **({"no_pay": 500} if index % 10 == 0 else {}),
    }


def generated_record() -> dict:
    lots = [{"name": f"Lot {lot + 1}",
             "measures": [measure(lot, index) for index in range(MEASURES)],
             "stock": [{"name": "Work in Progress", "value": 30000 + lot, "previous": 30500}],
             "trends": [{"name": "Average clearance time", "unit": "days", "better": "lower",
                         "start": {"period": "2026-05", "value": 30.1}, "end": {"period": "2026-08", "value": 24.3}}]}
            for lot in range(LOTS)]
    return {
        "meeting": {"series": "GEN", "title": "Generated performance group", "date": "2026-09-15",
                    "location": "Room 1", "classification": "OFFICIAL-SENSITIVE", "status": "final"},
        "people": {"ab": {"name": "Ann Bishop", "organisation": "Department"}},
        "chair": "ab", "attendees": ["ab"], "notes_by": "ab",
        "items": [{"title": "Performance Review", "performance": {"period": "2026-08", "lots": lots}}],
    }


def median_seconds(action) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "generated.yaml"
        source.write_text(yaml.safe_dump(generated_record(), sort_keys=False), encoding="utf-8")
        checked = validate_file(source)
        assert checked.record is not None and not checked.report.problems, checked.report.problems[:3]
        record = checked.record
        item = record.items[0]
        table = record.model_copy(update={"items": [item.model_copy(update={
            "performance": item.performance.model_copy(update={"style": Style.TABLE})})]})

        print(f"{LOTS} lots x {MEASURES} measures = {LOTS * MEASURES} measures, median of {RUNS} runs")
        print(f"validate (load, model, checks): {median_seconds(lambda: validate_file(source)) * 1000:7.1f} ms")
        print(f"build the context:              {median_seconds(lambda: minutes_context(record)) * 1000:7.1f} ms")
        prose = median_seconds(lambda: render_minutes(record, Path(folder) / "prose.docx"))
        print(f"render, prose style:            {prose * 1000:7.1f} ms")
        tabled = median_seconds(lambda: render_minutes(table, Path(folder) / "table.docx"))
        print(f"render, table style:            {tabled * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
