"""Several records and Word documents released in one process: each into one folder, with one
combined schedule naming each row's document (for one request), or each beside its input."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from minutes_kit.batch import Progress, batch_inputs, naming, no_progress, output_beside, prepare_folder
from minutes_kit.files import atomic_output
from minutes_kit.release import (ReleaseOptions, ReleaseResult, complete, finishing_together, output_paths,
                                 release_document, release_minutes)
from minutes_kit.release.ledger import Redaction
from minutes_kit.release.schedule import SCHEDULE_COLUMNS, schedule_row
from minutes_kit.rendering.pdf import office_session

if TYPE_CHECKING:
    from minutes_kit.actions.register import LoadedSeries

COMBINED_SCHEDULE = "schedule.csv"


class InputKind(str, Enum):
    RECORD = "record"
    DOCUMENT = "docx"


def input_kind(path: Path) -> InputKind:
    """A Word document, told apart by content, or a meeting record (anything else, a missing file
    included, so that a record's own messages stay as they are). An Office file that is not a
    .docx is refused with what to do."""
    from minutes_kit.ooxml.kind import is_office_file, open_word_document

    if path.is_file() and is_office_file(path):
        open_word_document(path)
        return InputKind.DOCUMENT
    return InputKind.RECORD


def release_file(file: Path, kind: InputKind, output: Path, options: ReleaseOptions, *,
                 terms: Path | None = None, decisions: Path | None = None,
                 loaded: LoadedSeries | None = None) -> ReleaseResult:
    """Release one record (with its series, when it belongs to one: `loaded` keeps the series a
    batch has loaded) or one Word document."""
    from minutes_kit.actions.register import minutes_source

    if kind is InputKind.RECORD:
        record, raised, inputs = minutes_source(file, strict=options.strict, loaded=loaded)
        return release_minutes(record, file, output, options, raised=raised, inputs=inputs, terms=terms)
    return release_document(file, output, options, terms=terms, decisions=decisions)


def batch_output(file: Path, folder: Path | None, options: ReleaseOptions) -> Path:
    """``<stem>.release.docx`` (``<stem>.review.docx``), in `folder` or beside `file`."""
    return output_beside(file, folder, ".review.docx" if options.review else ".release.docx")


@dataclass
class BatchResult:
    released: list[tuple[Path, ReleaseResult]] = field(default_factory=list)
    schedule: Path | None = None
    """The combined schedule; None for review copies, and for releases written beside their inputs."""


def release_batch(files: list[Path], folder: Path | None, options: ReleaseOptions, *, terms: Path | None = None,
                  decisions: Path | None = None,
                  on_released: Callable[[Path, ReleaseResult], None] = lambda file, result: None,
                  on_progress: Progress = no_progress) -> BatchResult:
    """Release each record and Word document of `files` (a series folder stands for its records)
    into `folder`, or beside each input when `folder` is None (``<stem>.release.docx``, or
    ``<stem>.review.docx``); into a folder, also write ``schedule.csv`` naming each row's document.

    Every release is made before any is written, so a batch with a bad input, or a release that
    fails its leak check, writes nothing. One LibreOffice lays every release out in one call and
    makes every PDF in another. `on_progress` hears of each release made, `on_released` of each
    written."""
    files = batch_inputs(files)
    kinds = []
    for file in files:
        with naming(file, len(files)):
            kinds.append((file, input_kind(file)))
    outputs = [batch_output(file, folder, options) for file in files]
    prepare_folder(folder, [path for output in outputs for path in output_paths(output, options).values()], files)
    batch = BatchResult()
    total = len(files) + 1
    loaded: LoadedSeries = {}
    with office_session(), finishing_together() as staged:
        for done, ((file, kind), output) in enumerate(zip(kinds, outputs), 1):
            with naming(file, len(files)):
                result = release_file(file, kind, output, options, terms=terms,
                                      decisions=decisions if kind is InputKind.DOCUMENT else None, loaded=loaded)
            batch.released.append((file, result))
            on_progress(done, total, f"made the release of {file}")
        complete(staged)
    on_progress(total, total, f"checked and wrote {len(files)} release(s)")
    for file, result in batch.released:
        on_released(file, result)
    if folder is not None and not options.review:
        batch.schedule = folder / COMBINED_SCHEDULE
        with atomic_output(batch.schedule, files) as temporary:
            temporary.write_text(combined_schedule([(file.name, result.redactions)
                                                    for file, result in batch.released]), encoding="utf-8")
    return batch


def combined_schedule(released: list[tuple[str, list[Redaction]]]) -> str:
    """One schedule for a batch answering one request: each row names its document."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("document", *SCHEDULE_COLUMNS))
    for name, redactions in released:
        writer.writerows([name, *schedule_row(redaction)] for redaction in redactions)
    return buffer.getvalue()
