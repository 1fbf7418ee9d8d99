"""Render speed: minutes-kit against docxtpl alone, and `minutes render` as a whole process.

    .venv/bin/python bench/render_speed.py

1. Generates a record of about 30 pages (written to a temporary folder) and
   renders it through minutes-kit (load, validate, build the context, render,
   save) and through docxtpl directly with the same template and a context
   built beforehand. Reports the median of several runs and their ratio
   (goal: at most 1.5x).
2. Runs `minutes render` on the sample as a separate process and reports the
   median wall time (goal: under 1 s), and whether spaCy was imported.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from docxtpl import DocxTemplate

from minutes_kit.rendering import MINUTES_TEMPLATE, render_minutes
from minutes_kit.rendering.context import minutes_context
from minutes_kit.rendering.sandbox import template_environment
from minutes_kit.rendering.pdf import find_office
from minutes_kit.validation import load_record

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "contract-performance-group.yaml"
RUNS = 7

SENTENCE = (
    "The group discussed the monthly position in detail, including the effect of the revised "
    "clearance process on the work in progress, the staffing forecast for the next quarter and "
    "the assurance checks agreed at the previous meeting. "
)


def generated_record(items: int = 17, paragraphs: int = 9) -> dict:
    people = {
        f"p{n}": {"name": f"Person Number{n}", "role": "Officer", "organisation": f"Organisation {n % 3}"}
        for n in range(12)
    }
    meeting_date = dt.date(2026, 3, 10)
    agenda = []
    for item in range(items):
        entries: list = []
        for paragraph in range(paragraphs):
            text = f"@p{(item + paragraph) % 12} reported on topic {item}.{paragraph}. " + SENTENCE * 2
            if paragraph % 3 == 0:
                entries.append({
                    "text": text,
                    "actions": [{
                        "ref": f"GEN-{item:02d}-{paragraph:02d}",
                        "owners": [f"p{paragraph % 12}"],
                        "text": "circulate the revised figures to members",
                        "due": meeting_date + dt.timedelta(days=14),
                    }],
                })
            else:
                entries.append(text)
        agenda.append({"title": f"Agenda item {item + 1}", "paragraphs": entries})
    return {
        "meeting": {
            "series": "GEN", "title": "Generated performance group", "date": meeting_date,
            "location": "Room 1", "classification": "OFFICIAL-SENSITIVE", "status": "final",
        },
        "people": people,
        "chair": "p0",
        "attendees": list(people),
        "notes_by": "p1",
        "items": agenda,
    }


def median_seconds(action) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def page_count(docx: Path, work: Path) -> str:
    office = find_office()
    if office is None:
        return "unknown (no LibreOffice)"
    subprocess.run([office, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(docx)], capture_output=True, check=False)
    info = subprocess.run(["pdfinfo", str(docx.with_suffix(".pdf"))], capture_output=True, text=True, check=False)
    pages = [line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")]
    return pages[0] if pages else "unknown"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        record_path = work / "generated.yaml"
        record_path.write_text(yaml.safe_dump(generated_record(), sort_keys=False), encoding="utf-8")
        kit_output, plain_output = work / "generated.docx", work / "plain.docx"

        def with_minutes_kit() -> None:
            render_minutes(load_record(record_path), kit_output, inputs=(record_path,))

        context = minutes_context(load_record(record_path))

        def with_docxtpl_alone() -> None:
            template = DocxTemplate(str(MINUTES_TEMPLATE))
            template.render(context, template_environment())
            template.save(str(plain_output))

        with_minutes_kit()
        kit = median_seconds(with_minutes_kit)
        plain = median_seconds(with_docxtpl_alone)
        print(f"generated record: {record_path.stat().st_size:,} bytes of YAML, "
              f"{page_count(kit_output, work)} pages")
        print(f"minutes-kit render: {kit * 1000:.0f} ms (median of {RUNS})")
        print(f"docxtpl alone:      {plain * 1000:.0f} ms (median of {RUNS})")
        print(f"ratio:              {kit / plain:.2f}x (goal <= 1.5x)")

        command = [str(Path(sys.executable).parent / "minutes"), "render", str(SAMPLE), "-o", str(work / "sample.docx")]
        process = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True))
        print(f"`minutes render` on the sample, whole process: {process * 1000:.0f} ms (median of {RUNS}; goal < 1000 ms)")
        probe = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "minutes_kit", "render", str(SAMPLE), "-o", str(work / "probe.docx")],
            capture_output=True, text=True, check=True,
        )
        print(f"spaCy imported on the render path: {'yes' if ' spacy' in probe.stderr else 'no'}")


if __name__ == "__main__":
    main()
