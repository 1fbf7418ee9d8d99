"""Several records and Word documents released for one request: each into one folder, with one
combined schedule naming each row's document."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from minutes_kit.errors import OutputError
from minutes_kit.files import atomic_output
from minutes_kit.release import ReleaseOptions, ReleaseResult, release_document, release_minutes
from minutes_kit.release.ledger import Redaction
from minutes_kit.release.schedule import SCHEDULE_COLUMNS, schedule_row

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
                 terms: Path | None = None, decisions: Path | None = None) -> ReleaseResult:
    """Release one record (with its series, when it belongs to one) or one Word document."""
    from minutes_kit.actions.register import minutes_source

    if kind is InputKind.RECORD:
        record, raised, inputs = minutes_source(file, strict=options.strict)
        return release_minutes(record, file, output, options, raised=raised, inputs=inputs, terms=terms)
    return release_document(file, output, options, terms=terms, decisions=decisions)


def batch_output(file: Path, folder: Path, options: ReleaseOptions) -> Path:
    return folder / f"{file.stem}.{'review' if options.review else 'release'}.docx"


@dataclass
class BatchResult:
    released: list[tuple[Path, ReleaseResult]] = field(default_factory=list)
    schedule: Path | None = None
    """The combined schedule; None for review copies."""


def release_batch(files: list[Path], folder: Path, options: ReleaseOptions, *, terms: Path | None = None,
                  decisions: Path | None = None,
                  on_released: Callable[[Path, ReleaseResult], None] = lambda file, result: None) -> BatchResult:
    """Release each of `files` into `folder` (``<stem>.release.docx``, or ``<stem>.review.docx``), then
    write ``schedule.csv`` naming each row's document. Every input is checked before anything is
    written; `on_released` hears of each release as it is made."""
    kinds = [(Path(file), input_kind(Path(file))) for file in files]
    stems = [file.stem for file, _ in kinds]
    repeated = sorted({stem for stem in stems if stems.count(stem) > 1})
    if repeated:
        raise OutputError(f"two inputs would be written as {repeated[0]}: give each input of a batch its own name")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"with several inputs, the output names a folder to write into, and {folder} is a file")
    folder.mkdir(parents=True, exist_ok=True)
    batch = BatchResult()
    for file, kind in kinds:
        result = release_file(file, kind, batch_output(file, folder, options), options, terms=terms,
                              decisions=decisions if kind is InputKind.DOCUMENT else None)
        batch.released.append((file, result))
        on_released(file, result)
    if not options.review:
        batch.schedule = folder / COMBINED_SCHEDULE
        with atomic_output(batch.schedule, [file for file, _ in kinds]) as temporary:
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
