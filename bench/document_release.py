"""The release of any Word document, in one process: against rendering, and in a batch (issue 10).

    .venv/bin/python bench/document_release.py

The first line printed is `minutes_kit.__file__`, to show which code was measured.

(a) A ~50-page Word document released against rendering a record of the same length.
    The record is `generated_record(ITEMS, PARAGRAPHS)` from bench/render_speed.py, written as
    YAML into a temporary folder; the document is that record rendered once with
    `render_minutes`, so both have the same length. It is then treated as a document from
    elsewhere: no decisions file beside it, and a terms file of a dozen text terms (the
    generated record's twelve people, "Person Number0" ... "Person Number11", as PERSON) and
    one pattern (the action references, GEN-NN-NN).

    * render:  `minutes_source(path)` then `render_minutes(record, output, inputs=..., raised=...)`
      (loading included, as in `bench/release_ratio.py`);
    * release: `release_document(docx, output, ReleaseOptions(), terms=TERMS)` (opening the
      document, reading the terms file, the whole release and its leak check, schedule and
      audit log).

    One untimed warm-up of each, then RUNS timed runs, interleaved (the order alternates each
    run). Reported: min, median and max of each and the ratio of the medians (release / render).

(b) A batch of BATCH documents: BATCH copies of a ~5-page document (the record
    `generated_record(SMALL_ITEMS, SMALL_PARAGRAPHS)` rendered once), released in this one
    process one after the other into one folder, with the same terms file, and the combined
    schedule written at the end, as `minutes release A B C ... -o OUTDIR --terms T` does
    (`release_document` in a loop, then `combined_schedule`). One untimed warm-up batch,
    then BATCH_RUNS timed batches. Reported: min, median and max of the batch's total, and
    of the time per document (total / BATCH).

Pages are counted by LibreOffice (PDF, then `pdfinfo`) when it is installed; otherwise they are
estimated as the Word paragraphs of the body (`<w:p>` in word/document.xml) / 20, and the table
says so. Process start-up and imports are not timed. Only ratios within this one run are meant to
be compared; absolute times depend on the machine's load.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

import minutes_kit
from minutes_kit.actions.register import minutes_source
from minutes_kit.release import ReleaseOptions, release_document
from minutes_kit.release.batch import combined_schedule
from minutes_kit.rendering import render_minutes
from minutes_kit.rendering.pdf import find_office

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # for bench/render_speed.py
from render_speed import generated_record
from release_ratio import row  # noqa: E402  (bench/release_ratio.py)

RUNS = 7
ITEMS, PARAGRAPHS = 28, 10              # ~50 pages
SMALL_ITEMS, SMALL_PARAGRAPHS = 3, 8    # ~5 pages
BATCH, BATCH_RUNS = 20, 5
PARAGRAPHS_PER_PAGE = 20                # the estimate without LibreOffice

TERMS = {
    "terms": [
        *({"text": f"Person Number{n}", "code": "S40(2)", "category": "PERSON"} for n in range(12)),
        {"pattern": r"\bGEN-\d{2}-\d{2}\b", "code": "S38"},
    ]
}


def pages(docx: Path, work: Path) -> str:
    """Pages as LibreOffice lays the document out, else an estimate (marked "~", "est.")."""
    office = find_office()
    if office is not None and shutil.which("pdfinfo"):
        folder = work / "pages"
        folder.mkdir(exist_ok=True)
        subprocess.run([office, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), str(docx)], capture_output=True, check=False)
        info = subprocess.run(["pdfinfo", str(folder / docx.with_suffix(".pdf").name)],
                              capture_output=True, text=True, check=False)
        counted = [line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")]
        if counted:
            return f"{counted[0]} pages (LibreOffice)"
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode("utf-8")
    paragraphs = body.count("<w:p>") + body.count("<w:p ")
    return f"~{paragraphs / PARAGRAPHS_PER_PAGE:.0f} pages (estimated: {paragraphs} Word paragraphs / {PARAGRAPHS_PER_PAGE})"


def write_record(path: Path, items: int, paragraphs: int) -> Path:
    path.write_text(yaml.safe_dump(generated_record(items, paragraphs), sort_keys=False), encoding="utf-8")
    return path


def render_once(record_path: Path, output: Path) -> None:
    record, raised, inputs = minutes_source(record_path)
    render_minutes(record, output, inputs=tuple(inputs), raised=raised)


def release_once(docx: Path, output: Path, terms: Path):
    return release_document(docx, output, ReleaseOptions(), terms=terms)


def release_batch(documents: list[Path], folder: Path, terms: Path) -> int:
    """As the CLI's batch: each document released into `folder`, then one combined schedule."""
    released = []
    for document in documents:
        result = release_once(document, folder / f"{document.stem}.release.docx", terms)
        released.append((document.name, result.redactions))
    (folder / "schedule.csv").write_text(combined_schedule(released), encoding="utf-8")
    return sum(len(redactions) for _, redactions in released)


def wide_row(label: str, values: list[float]) -> str:
    return row(label, values, width=22)


def main() -> None:
    print(f"minutes_kit.__file__ = {minutes_kit.__file__}")
    print(f"python = {sys.executable}")
    with tempfile.TemporaryDirectory(prefix="document-release-") as folder:
        work = Path(folder)
        terms = work / "terms.yaml"
        terms.write_text(yaml.safe_dump(TERMS, sort_keys=False, allow_unicode=True), encoding="utf-8")

        # (a) the ~50-page document and the record it was rendered from
        record = write_record(work / "generated.yaml", ITEMS, PARAGRAPHS)
        (work / "elsewhere").mkdir()
        document = work / "elsewhere" / "report.docx"   # no decisions file beside it
        render_once(record, document)
        rendered, released = work / "generated.render.docx", work / "report.release.docx"
        render_once(record, rendered)                    # warm-up
        result = release_once(document, released, terms)  # warm-up
        redactions, warnings = len(result.redactions), len(result.warnings)
        timings: dict[str, list[float]] = {"render": [], "release": []}
        actions = {"render": lambda: render_once(record, rendered),
                   "release": lambda: release_once(document, released, terms)}
        for run in range(RUNS):
            for kind in (("render", "release") if run % 2 == 0 else ("release", "render")):
                started = time.perf_counter()
                actions[kind]()
                timings[kind].append(time.perf_counter() - started)

        # (b) a batch of BATCH copies of a ~5-page document
        small = work / "small.docx"
        render_once(write_record(work / "small.yaml", SMALL_ITEMS, SMALL_PARAGRAPHS), small)
        (work / "batch").mkdir()
        documents = []
        for n in range(1, BATCH + 1):
            copy = work / "batch" / f"doc{n:02d}.docx"
            shutil.copyfile(small, copy)
            documents.append(copy)
        (work / "out-warmup").mkdir()
        batch_redactions = release_batch(documents, work / "out-warmup", terms)  # warm-up
        totals = []
        for run in range(BATCH_RUNS):
            out = work / f"out{run}"
            out.mkdir()
            started = time.perf_counter()
            release_batch(documents, out, terms)
            totals.append(time.perf_counter() - started)

        print()
        print(f"terms file: {len(TERMS['terms']) - 1} text terms (the record's people, PERSON) and 1 pattern; "
              "no decisions file (each release warns the document was not scanned)")
        print(f"(a) ~50-page document: generated record {ITEMS} items x {PARAGRAPHS} paragraphs "
              f"({record.stat().st_size:,} bytes of YAML), rendered once: {pages(document, work)}; "
              f"its release: {redactions} redactions, {warnings} warning(s)")
        print(f"(b) ~5-page document: {SMALL_ITEMS} items x {SMALL_PARAGRAPHS} paragraphs: {pages(small, work)}; "
              f"a batch of {BATCH} copies: {batch_redactions} redactions in all")
        print()
        print(f"In-process (ms); (a) {RUNS} interleaved runs each, (b) {BATCH_RUNS} batches after one warm-up:")
        print(f"  {'':<22} {'min':>9} {'median':>9} {'max':>9}")
        print("(a) ~50 pages")
        print(wide_row("render (record)", timings["render"]))
        print(wide_row("release (document)", timings["release"]))
        ratio = statistics.median(timings["release"]) / statistics.median(timings["render"])
        print(f"  ratio of medians release/render: {ratio:.2f}x")
        print(f"(b) batch of {BATCH} x ~5 pages")
        print(wide_row("batch total", totals))
        print(wide_row("per document", [total / BATCH for total in totals]))
        print()
        print(f"summary: document release / record render (~50 pages): {ratio:.2f}x; batch of {BATCH}: "
              f"{statistics.median(totals):.2f} s, {statistics.median(totals) / BATCH * 1000:.0f} ms per document "
              "(medians)")
        print(f"spaCy imported: {'yes' if 'spacy' in sys.modules else 'no'}")


if __name__ == "__main__":
    main()
