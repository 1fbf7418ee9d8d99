"""Release/render time ratio, in one process: the sample and a generated ~1,000-paragraph record.

    .venv/bin/python bench/release_ratio.py

To measure another checkout (e.g. a git worktree of HEAD) with the same virtualenv,
put that checkout first on the path so its package wins over the editable install:

    cd /tmp/before && PYTHONPATH=/tmp/before /work/main/.venv/bin/python bench/release_ratio.py

The first line printed is `minutes_kit.__file__`, to show which code was measured.

What is timed, for each record, in this one process:

* render:  `minutes_source(path)` then `render_minutes(record, output, inputs=..., raised=...)`
* release: `minutes_source(path)` then `release_minutes(record, path, output, ReleaseOptions(), ...)`
  (the defaults: xxxx style, fixed mask length, the record's policy, Redaction Summary, no PDF)

Loading the record (`minutes_source`: read, parse, validate) is INCLUDED in both timings,
as in the `minutes render` / `minutes release` commands; process start-up and imports are not.

Records:
(a) samples/contract-performance-group.yaml, copied with its decisions file into a
    temporary folder (nothing is written beside the repository's sample);
(b) `generated_record(items=50, paragraphs=20)` from bench/render_speed.py: 1,000 agenda
    paragraphs, written as YAML into the temporary folder.

Before timing, each record's decisions file is made current (scanned once and written
with `scan_and_merge` + `write_decisions`, only when missing or out of date), so the
release reads its decisions and never loads spaCy inside the timings; the script
checks that the release's `withheld` findings came from a current file and reports
whether spaCy was imported at all.

Each record gets one untimed warm-up of render and of release, then RUNS timed runs of
each, interleaved (render, release, release, render, ... the order alternates each run).
Reported: min, median and max of each, and the ratio of the medians (release / render).
Only ratios within this one run are meant to be compared; absolute times depend on the
machine's load.

Uses only the public names `minutes_source`, `render_minutes`, `release_minutes`,
`ReleaseOptions` for the timed work, so it runs unchanged on the old and the new release engine.
"""

from __future__ import annotations

import hashlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import minutes_kit
from minutes_kit.actions.register import minutes_source
from minutes_kit.release import ReleaseOptions, release_minutes
from minutes_kit.rendering import render_minutes

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from render_speed import generated_record  # noqa: E402  (bench/render_speed.py)

ROOT = BENCH.parent
SAMPLE = ROOT / "samples" / "contract-performance-group.yaml"
RUNS = 7
ITEMS, PARAGRAPHS = 50, 20
DECISIONS_SUFFIX = ".decisions.yaml"


def decisions_file(record_path: Path) -> Path:
    return record_path.with_suffix(DECISIONS_SUFFIX)


def decisions_current(record_path: Path) -> bool:
    path = decisions_file(record_path)
    if not path.is_file():
        return False
    digest = hashlib.sha256(record_path.read_bytes()).hexdigest()
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("record_sha256") == digest


def make_decisions_current(record_path: Path) -> str:
    """Scan once (outside the timings) when the decisions file is missing or stale."""
    if decisions_current(record_path):
        return "already current"
    try:
        from minutes_kit.detection.decisions import scan_and_merge, write_decisions
    except ImportError:  # fall back to the command, which does the same
        subprocess.run([sys.executable, "-m", "minutes_kit", "scan", str(record_path)], check=True, capture_output=True)
    else:
        record, _, _ = minutes_source(record_path)
        write_decisions(scan_and_merge(record, record_path), record_path)
    if not decisions_current(record_path):
        raise SystemExit(f"could not make the decisions file of {record_path} current")
    return "scanned and written"


def paragraph_count(record_path: Path) -> int:
    data = yaml.safe_load(record_path.read_text(encoding="utf-8"))
    return sum(len(item.get("paragraphs") or []) for item in data.get("items") or [])


def render_once(record_path: Path, output: Path) -> None:
    record, raised, inputs = minutes_source(record_path)
    render_minutes(record, output, inputs=tuple(inputs), raised=raised)


def release_once(record_path: Path, output: Path) -> list[str]:
    record, raised, inputs = minutes_source(record_path)
    result = release_minutes(record, record_path, output, ReleaseOptions(), raised=raised, inputs=inputs)
    return list(getattr(result, "warnings", []) or [])


def measure(name: str, record_path: Path, work: Path) -> dict:
    rendered, released = work / f"{name}.render.docx", work / f"{name}.release.docx"
    render_once(record_path, rendered)  # warm-up: imports, template and policy caches
    warnings = release_once(record_path, released)
    stale = [warning for warning in warnings if "decisions file is missing or out of date" in warning]
    if stale:
        raise SystemExit(f"{name}: the release scanned the record (decisions not current): {stale[0]}")
    timings: dict[str, list[float]] = {"render": [], "release": []}
    actions = {"render": lambda: render_once(record_path, rendered), "release": lambda: release_once(record_path, released)}
    for run in range(RUNS):
        order = ("render", "release") if run % 2 == 0 else ("release", "render")
        for kind in order:
            started = time.perf_counter()
            actions[kind]()
            timings[kind].append(time.perf_counter() - started)
    return {"timings": timings, "warnings": len(warnings)}


def row(label: str, values: list[float], width: int = 8) -> str:
    """A table row: the label, then min, median and max in milliseconds."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"  {label:<{width}} {low * 1000:>9.0f} {mid * 1000:>9.0f} {high * 1000:>9.0f}"


def main() -> None:
    print(f"minutes_kit.__file__ = {minutes_kit.__file__}")
    print(f"python = {sys.executable}")
    with tempfile.TemporaryDirectory(prefix="release-ratio-") as folder:
        work = Path(folder)
        (work / "sample").mkdir()
        sample = work / "sample" / SAMPLE.name
        shutil.copyfile(SAMPLE, sample)
        if decisions_file(SAMPLE).is_file():
            shutil.copyfile(decisions_file(SAMPLE), decisions_file(sample))
        (work / "generated").mkdir()
        generated = work / "generated" / "generated.yaml"
        generated.write_text(yaml.safe_dump(generated_record(ITEMS, PARAGRAPHS), sort_keys=False), encoding="utf-8")

        records = {"sample": sample, "generated": generated}
        for name, path in records.items():
            state = make_decisions_current(path)
            print(f"{name}: {paragraph_count(path):,} paragraphs, {path.stat().st_size:,} bytes of YAML; "
                  f"decisions file {state}")
        spacy_before = "spacy" in sys.modules

        results = {name: measure(name, path, work) for name, path in records.items()}

        print()
        print(f"In-process, record loading included in both; {RUNS} interleaved runs each (ms):")
        print(f"  {'':<8} {'min':>9} {'median':>9} {'max':>9}")
        ratios = {}
        for name, result in results.items():
            timings = result["timings"]
            ratios[name] = statistics.median(timings["release"]) / statistics.median(timings["render"])
            shape = SAMPLE.name if name == "sample" else f"{ITEMS} items x {PARAGRAPHS} paragraphs"
            print(f"{name} ({shape}):")
            print(row("render", timings["render"]))
            print(row("release", timings["release"]))
            print(f"  ratio of medians release/render: {ratios[name]:.2f}x   "
                  f"(release warnings: {result['warnings']})")
        print()
        print("summary: release/render ratio of medians: "
              + ", ".join(f"{name} {ratio:.2f}x" for name, ratio in ratios.items()))
        print(f"spaCy imported: by the setup (before timing) {'yes' if spacy_before else 'no'}; "
              f"by the end {'yes' if 'spacy' in sys.modules else 'no'} "
              "(the timed releases read current decisions files, so they never scan)")


if __name__ == "__main__":
    main()
