"""PDF per document in a batch against one fresh LibreOffice conversion (issue 12).

    .venv/bin/python bench/pdf_batch.py

The first line printed is `minutes_kit.__file__`, to show which code was measured.

The document is the sample record's minutes (samples/contract-performance-group.yaml, rendered
once), copied BATCH times under distinct names. Each run times, in an order that rotates run by run:

* fresh:      `convert_to_pdf(document, pdf)` outside any session: one LibreOffice started with a
              fresh profile for the one document (what every --pdf did before issue 12);
* profile:    SEQUENCE documents converted one call each through one `OfficeConverter` with
              soffice: the persistent private profile alone (time / SEQUENCE);
* batch:      the BATCH documents converted by one `OfficeConverter(use_unoserver=False)` call:
              one soffice invocation for all of them (time / BATCH);
* unoserver:  the same BATCH documents through `OfficeConverter(use_unoserver=True)`, its start
              included (time / BATCH); only when unoserver can run here (`unoserver_command()`);
* running:    the same through one unoserver started before the runs and kept running (what
              MINUTES_UNOSERVER=HOST:PORT gives), its start not timed (time / BATCH).

Each converter is made afresh in each run, so its start (and its profile's creation) is timed.
RUNS timed runs after one untimed warm-up of `fresh`. Reported: min, median and max per document,
and each median's ratio to the median of `fresh` (the issue's target: batch <= 0.3). Only the
ratios within this one run are meant to be compared: the machine's load moves absolute times.
"""

from __future__ import annotations

import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import minutes_kit
from minutes_kit.actions.register import minutes_source
from minutes_kit.rendering import render_minutes
from minutes_kit.rendering.pdf import OfficeConverter, convert_to_pdf, find_office, unoserver_command

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "contract-performance-group.yaml"
BATCH = 20
SEQUENCE = 4
RUNS = 5


def main() -> None:
    print(minutes_kit.__file__)
    if find_office() is None:
        sys.exit("LibreOffice is not installed: nothing to measure")
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work_dir:
        work = Path(work_dir)
        record, raised, inputs = minutes_source(SAMPLE)
        render_minutes(record, work / "minutes.docx", inputs=tuple(inputs), raised=raised)
        documents = [work / f"minutes-{index:02d}.docx" for index in range(BATCH)]
        for document in documents:
            shutil.copyfile(work / "minutes.docx", document)
        out = work / "out"
        out.mkdir()

        def pairs(count: int) -> list[tuple[Path, Path]]:
            return [(document, out / document.with_suffix(".pdf").name) for document in documents[:count]]

        def fresh() -> None:
            convert_to_pdf(documents[0], out / "fresh.pdf")

        def profile() -> None:
            with OfficeConverter(use_unoserver=False) as converter:
                for pair in pairs(SEQUENCE):
                    converter.convert([pair])

        def batch() -> None:
            with OfficeConverter(use_unoserver=False) as converter:
                converter.convert(pairs(BATCH))

        def unoserver() -> None:
            with OfficeConverter(use_unoserver=True) as converter:
                converter.convert(pairs(BATCH))

        cases: dict[str, tuple[Callable[[], None], int]] = {
            "fresh": (fresh, 1), "profile": (profile, SEQUENCE), "batch": (batch, BATCH)}
        with contextlib.ExitStack() as stack:
            if unoserver_command() is not None:
                kept = stack.enter_context(OfficeConverter(use_unoserver=True))
                kept.convert(pairs(1))  # started before the runs
                cases["unoserver"] = (unoserver, BATCH)
                cases["running"] = (lambda: kept.convert(pairs(BATCH)), BATCH)
            fresh()  # warm-up: the disk cache, LibreOffice's libraries
            times: dict[str, list[float]] = {name: [] for name in cases}
            names = list(cases)
            for run in range(RUNS):
                for name in names[run % len(names):] + names[:run % len(names)]:
                    action, count = cases[name]
                    start = time.perf_counter()
                    action()
                    times[name].append((time.perf_counter() - start) / count)
    base = statistics.median(times["fresh"])
    print(f"PDF per document, {RUNS} runs, batch of {BATCH} (seconds)")
    print(f"{'case':<10} {'min':>7} {'median':>7} {'max':>7} {'/ fresh':>8}")
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"{name:<10} {min(measured):7.2f} {median:7.2f} {max(measured):7.2f} {median / base:8.2f}")
    if "unoserver" not in times:
        print("unoserver: not installed here (pip install 'minutes-kit[unoserver]'), not measured")


if __name__ == "__main__":
    main()
