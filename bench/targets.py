"""Every target of issue 12 as a ratio, in one run, printed as a Markdown table.

    .venv/bin/python bench/targets.py [--runs N] [--only process|release|library|register|pdf ...]

Each figure is a ratio of two timings taken back to back (their order alternating run to
run), so the machine's load affects both alike; the table gives the min, median and max of
the ratios over the runs (5 unless --runs says more).

* `minutes render` of the sample as a whole process / `python -c "import docx, docxtpl"`
  (the floor any docxtpl-based renderer pays), both from cached bytecode.
* release / render in one process (record loading included in both, as in the commands) on
  the sample and on generated records of 1,000 and 4,000 agenda paragraphs; the decisions
  files are made current first, so no release scans, and pages are not laid out
  (MINUTES_PAGES=off: laying out is a LibreOffice conversion, the PDF row's subject).
  Also release at 4,000 / at 1,000, which is 4.0 when the release is linear.
* library render / plain docxtpl at 1,000 paragraphs: `render_minutes` (load, validate, build
  the context, render, save) against docxtpl rendering the same template with a context
  built beforehand.
* the register (`load_series` + `compute_register` + the table) of 2,000 / of 500 meetings
  (bench/actions_register.py's series: ten actions a meeting), 4.0 when linear.
* PDF per document in a batch of 20 / one fresh soffice conversion: measured by
  bench/pdf_batch.py; its row here when it offers `target_row()`, else a pointer to it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
ROOT = BENCH.parent
SAMPLE = ROOT / "samples" / "contract-performance-group.yaml"

from actions_register import generate as generate_series  # noqa: E402
from release_ratio import decisions_file, make_decisions_current, release_once, render_once  # noqa: E402
from render_speed import generated_record  # noqa: E402


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def ratios(numerator: Callable[[], object], denominator: Callable[[], object], runs: int) -> list[float]:
    """`runs` ratios of one timing of each, taken back to back, alternating which goes first."""
    results = []
    for run in range(runs):
        if run % 2 == 0:
            top = timed(numerator)
            bottom = timed(denominator)
        else:
            bottom = timed(denominator)
            top = timed(numerator)
        results.append(top / bottom)
    return results


def row(figure: str, values: list[float], target: str) -> str:
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"| {figure} | {low:.2f}x | **{mid:.2f}x** | {high:.2f}x | {target} |"


def process_row(work: Path, runs: int) -> str:
    minutes = str(Path(sys.executable).parent / "minutes")
    render = [minutes, "render", str(SAMPLE), "-o", str(work / "process.docx")]
    floor = [sys.executable, "-c", "import docx, docxtpl"]
    # Both as an installed package runs: from bytecode cached by the warm-up (kept out of the
    # tree), whatever PYTHONDONTWRITEBYTECODE the calling shell sets.
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(work / "pycache")

    def run(command: list[str]) -> Callable[[], object]:
        return lambda: subprocess.run(command, check=True, capture_output=True, env=environment)

    run(render)()  # warm the file cache and the bytecode
    run(floor)()
    return row("`minutes render` sample, whole process / import floor", ratios(run(render), run(floor), runs), "≤ 2.0x")


def record_of(work: Path, name: str, items: int, paragraphs: int) -> Path:
    (work / name).mkdir()
    path = work / name / f"{name}.yaml"
    path.write_text(yaml.safe_dump(generated_record(items, paragraphs), sort_keys=False), encoding="utf-8")
    return path


def release_rows(work: Path, runs: int) -> list[str]:
    os.environ["MINUTES_PAGES"] = "off"
    (work / "sample").mkdir()
    sample = work / "sample" / SAMPLE.name
    shutil.copyfile(SAMPLE, sample)
    if decisions_file(SAMPLE).is_file():
        shutil.copyfile(decisions_file(SAMPLE), decisions_file(sample))
    records = {
        "sample": sample,
        "1,000 paragraphs": record_of(work, "p1000", 50, 20),
        "4,000 paragraphs": record_of(work, "p4000", 200, 20),
    }
    rows, releases = [], {}
    for label, path in records.items():
        make_decisions_current(path)
        rendered, released = path.with_suffix(".render.docx"), path.with_suffix(".release.docx")

        def render(path: Path = path, rendered: Path = rendered) -> None:
            render_once(path, rendered)

        def release(path: Path = path, released: Path = released) -> None:
            warnings = release_once(path, released)
            if any("out of date" in warning for warning in warnings):
                raise SystemExit(f"{path.name}: the release scanned the record: the decisions file is not current")

        render(), release()  # warm-up: imports, template and policy caches
        rows.append(row(f"release / render in-process, {label}", ratios(release, render, runs), "≤ 2.5x"))
        releases[label] = release
    rows.append(row("release 4,000 / 1,000 paragraphs (linear: 4.0x)",
                    ratios(releases["4,000 paragraphs"], releases["1,000 paragraphs"], runs), "linear"))
    return rows


def library_row(work: Path, runs: int) -> str:
    from docxtpl import DocxTemplate

    from minutes_kit.rendering import MINUTES_TEMPLATE, render_minutes
    from minutes_kit.rendering.context import minutes_context
    from minutes_kit.rendering.sandbox import template_environment
    from minutes_kit.validation import load_record

    path = record_of(work, "library", 50, 20)
    context = minutes_context(load_record(path))

    def library() -> None:
        render_minutes(load_record(path), work / "library.docx", inputs=(path,))

    def plain() -> None:
        template = DocxTemplate(str(MINUTES_TEMPLATE))
        template.render(context, template_environment())
        template.save(str(work / "plain.docx"))

    library(), plain()
    return row("library render / docxtpl, 1,000 paragraphs", ratios(library, plain, runs), "≤ 1.4x")


def register_row(work: Path, runs: int) -> str:
    from actions_register import _meeting_date

    from minutes_kit.actions.listing import ListFormat, format_register
    from minutes_kit.actions.register import compute_register
    from minutes_kit.actions.series import load_series

    def register_of(meetings: int) -> Callable[[], object]:
        folder = generate_series(work / f"series-{meetings}", meetings)

        def register() -> None:
            computed = compute_register(load_series(folder), _meeting_date(10_000))
            format_register(computed, computed.select(open_only=True), ListFormat.TABLE)
        return register

    large, small = register_of(2000), register_of(500)
    small()
    return row("register 2,000 meetings / 500 meetings (linear: 4.0x)", ratios(large, small, runs), "≤ 4.2x")


def pdf_row(runs: int) -> str:
    """The row bench/pdf_batch.py measures, when it offers one (`target_row`); else a pointer to it,
    since its LibreOffice conversions take minutes of their own."""
    try:
        from pdf_batch import target_row
    except ImportError:
        return ("| PDF per document in a batch of 20 / one fresh soffice conversion | | "
                "see `bench/pdf_batch.py` | | ≤ 0.3 |")
    return target_row(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="ratios taken per figure (at least 5)")
    parser.add_argument("--only", choices=["process", "release", "library", "register", "pdf"], action="append",
                        help="measure only these rows (repeatable)")
    arguments = parser.parse_args()
    runs = max(arguments.runs, 5)
    wanted = set(arguments.only or ["process", "release", "library", "register", "pdf"])
    import minutes_kit

    print(f"minutes_kit: {minutes_kit.__file__}; {runs} runs per figure", file=sys.stderr)
    lines = ["| figure | min | median | max | target |", "|---|---:|---:|---:|---|"]
    with tempfile.TemporaryDirectory(prefix="minutes-targets-") as folder:
        work = Path(folder)
        if "process" in wanted:
            lines.append(process_row(work, runs))
        if "release" in wanted:
            lines += release_rows(work, runs)
        if "library" in wanted:
            lines.append(library_row(work, runs))
        if "pdf" in wanted:
            lines.append(pdf_row(runs))
        if "register" in wanted:
            lines.append(register_row(work, runs))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
