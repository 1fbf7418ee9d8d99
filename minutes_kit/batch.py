"""Batches: several records, Word documents and series folders given to one command, in one process.

A series folder stands for every meeting record in it. Each output goes beside its input, as for
one file, or into the folder the command is given. Every input is read and checked before any
output is written, so a batch with a bad input writes nothing (an error names the input); the
PDFs of a batch are made by one LibreOffice, in one call (`minutes_kit.rendering.pdf`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from minutes_kit.errors import InputUnreadable, MinutesError, OutputError

Progress = Callable[[int, int, str], None]
"""Told of each step of a batch: (steps done, steps in all, what was done)."""


def no_progress(done: int, total: int, message: str) -> None:
    """A `Progress` that says nothing."""


def batch_inputs(paths: Iterable[Path]) -> list[Path]:
    """The files a batch works on: each file as given, each series folder as its meeting records."""
    from minutes_kit.actions.series import is_series, record_paths
    from minutes_kit.record.series import SERIES_FILE

    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            if not is_series(path):
                raise InputUnreadable(f"{path} is a folder but not a meeting series: it has no {SERIES_FILE}")
            files.extend(record_paths(path))
        else:
            files.append(path)
    return files


def is_batch(paths: list[Path], output: Path | None) -> bool:
    """Whether the command's outputs go into a folder (or beside each input) rather than to one file:
    several inputs, a series folder, or an output that is a folder already."""
    return len(paths) > 1 or any(Path(path).is_dir() for path in paths) or (output is not None and output.is_dir())


def output_beside(file: Path, folder: Path | None, suffix: str) -> Path:
    """Where a batch writes the output of `file`: its name with `suffix`, in `folder` or beside it."""
    return (folder if folder is not None else file.parent) / (file.stem + suffix)


def prepare_folder(folder: Path | None, outputs: list[Path], inputs: list[Path]) -> None:
    """Refuse outputs that would replace each other or an input, and make the output folder."""
    from minutes_kit.files import guard_output

    seen: dict[Path, Path] = {}
    for output in outputs:
        if output.resolve() in seen:
            raise OutputError(f"two inputs would be written as {output}: give each input of a batch its own name")
        seen[output.resolve()] = output
        guard_output(output, inputs)
    if folder is None:
        return
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"with several inputs, the output names a folder to write into, and {folder} is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot make the folder {folder}: {exc}") from exc


@contextmanager
def naming(file: Path, total: int) -> Iterator[None]:
    """An error from the input `file` of a batch says which input it came from."""
    try:
        yield
    except MinutesError as exc:
        if total > 1:
            exc.add_note(f"in {file}, an input of the batch")
        raise


@dataclass
class Rendered:
    input: Path
    outputs: list[Path]


def render_batch(paths: list[Path], folder: Path | None, *, template: Path | None = None, pdf: bool = False,
                 strict: bool = False, on_progress: Progress = no_progress) -> list[Rendered]:
    """Render every record of `paths` (files and series folders) as Word minutes, beside it or into
    `folder`, with its PDF when asked (all of them converted in one LibreOffice call). Every record
    is loaded and checked before anything is written."""
    from minutes_kit.actions.register import minutes_source
    from minutes_kit.rendering import render_minutes
    from minutes_kit.rendering.pdf import convert_all, office_session

    files = batch_inputs(paths)
    rendered = [Rendered(file, [output_beside(file, folder, ".docx")]) for file in files]
    if pdf:
        for each in rendered:
            each.outputs.append(each.outputs[0].with_suffix(".pdf"))
    sources, loaded = [], {}
    for file in files:
        with naming(file, len(files)):
            sources.append(minutes_source(file, strict=strict, loaded=loaded))
    inputs = [path for _, _, record_inputs in sources for path in record_inputs]
    prepare_folder(folder, [output for each in rendered for output in each.outputs], inputs)
    total = len(files) * len(rendered[0].outputs) if rendered else 0
    for done, (each, (record, raised, record_inputs)) in enumerate(zip(rendered, sources), 1):
        with naming(each.input, len(files)):
            render_minutes(record, each.outputs[0], template=template, inputs=tuple(record_inputs), raised=raised)
        on_progress(done, total, f"wrote {each.outputs[0]}")
    if pdf:
        with office_session():
            convert_all([(each.outputs[0], each.outputs[1]) for each in rendered], inputs)
        for done, each in enumerate(rendered, len(files) + 1):
            on_progress(done, total, f"wrote {each.outputs[1]}")
    return rendered


@dataclass
class Scanned:
    input: Path
    decisions: object
    """The `DecisionsFile` written."""
    written: Path


def scan_batch(paths: list[Path], *, pdf: bool = False, on_progress: Progress = no_progress) -> list[Scanned]:
    """Scan every record and Word document of `paths` (files and series folders) for personal data,
    and add each new finding to its decisions file (beside it, where a release reads it). With
    `pdf`, the Word documents are laid out by LibreOffice first, all in one call, to name the page
    of each place. Every input is read and checked before any decisions file is written."""
    from minutes_kit.actions.register import minutes_source
    from minutes_kit.detection.decisions import scan_and_merge, write_decisions
    from minutes_kit.detection.document_scan import scan_and_merge_document
    from minutes_kit.ooxml.kind import is_office_file, open_word_document
    from minutes_kit.rendering.pdf import convert_all, office_session, pdf_pages

    files = batch_inputs(paths)
    records, loaded = {}, {}
    for file in files:
        with naming(file, len(files)):
            if is_office_file(file):
                open_word_document(file)  # a .doc or damaged file is refused before anything is written
            else:
                records[file] = minutes_source(file, loaded=loaded)[0]
    documents = [file for file in files if file not in records]
    scanned = []
    with tempfile.TemporaryDirectory(prefix="minutes-scan-") as work:
        laid_out = {document: Path(work, str(index), f"{document.stem}.pdf") for index, document in enumerate(documents)}
        if pdf and documents:
            with office_session():
                convert_all(laid_out.items(), documents)
        for done, file in enumerate(files, 1):
            with naming(file, len(files)):
                if file in records:
                    decisions = scan_and_merge(records[file], file)
                else:
                    decisions = scan_and_merge_document(file, pdf_pages(laid_out[file]) if pdf else None)
                written = write_decisions(decisions, file)
            scanned.append(Scanned(file, decisions, written))
            on_progress(done, len(files), f"scanned {file}")
    return scanned
