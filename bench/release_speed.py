"""Release speed: `minutes release` against `minutes render` on the same record, as whole processes.

    .venv/bin/python bench/release_speed.py

Goal: a release (sanitise, sweep, marks, summary, leak check, schedule, audit)
within 2x the time of rendering the same record.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "contract-performance-group.yaml"
RUNS = 7


def median_seconds(command: list[str]) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    minutes = str(Path(sys.executable).parent / "minutes")
    with tempfile.TemporaryDirectory() as folder:
        render = median_seconds([minutes, "render", str(SAMPLE), "-o", f"{folder}/minutes.docx"])
        release = median_seconds([minutes, "release", str(SAMPLE), "-o", f"{folder}/release.docx"])
        box = median_seconds([minutes, "release", str(SAMPLE), "-o", f"{folder}/box.docx", "--style", "box"])
    print(f"`minutes render`  on the sample: {render * 1000:.0f} ms (median of {RUNS})")
    print(f"`minutes release` on the sample: {release * 1000:.0f} ms (xxxx style), {box * 1000:.0f} ms (box style)")
    print(f"ratio: {release / render:.2f}x xxxx, {box / render:.2f}x box (goal <= 2x)")


if __name__ == "__main__":
    main()
