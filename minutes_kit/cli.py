"""The `minutes` command: parses arguments, calls the library, prints.

Exit codes: 0 ok, 1 a problem the user can fix (a message, no traceback),
2 a usage error (reported by Click).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal, NoReturn, Optional

import typer

from minutes_kit.errors import MinutesError, RecordInvalid, SeriesInvalid
from minutes_kit.record.model import ActionStatus
from minutes_kit.validation import Report

app = typer.Typer(
    help="Meeting records to OFFICIAL-SENSITIVE Word minutes, action logs across a series, and FOI releases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Strict = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _warn_accessibility(paths: list[Path]) -> None:
    """Warn about what the accessibility check finds in outputs just written; the exit code stays."""
    from minutes_kit.rendering.accessibility import check_accessibility

    for path in paths:
        try:
            findings = check_accessibility(path)
        except MinutesError as exc:
            typer.echo(f"warning: accessibility: {path} was not checked: {exc}", err=True)
            continue
        for finding in findings:
            typer.echo(f"warning: accessibility: {path}: {finding}", err=True)


def _print_report(report: Report) -> None:
    for problem in report.sorted():
        typer.echo(str(problem), err=True)


@contextmanager
def _reported() -> Iterator[None]:
    """Turn the library's typed errors into their messages and exit code 1."""
    try:
        yield
    except RecordInvalid as exc:
        _print_report(exc.report)
        _fail(exc.report.summary())
    except SeriesInvalid as exc:
        for report in exc.reports:
            _print_report(report)
        _fail(str(exc))
    except MinutesError as exc:
        _fail(str(exc))


SeriesDir = Annotated[Path, typer.Argument(help="The series folder: series.yaml and one record per meeting.", show_default=False)]
AsOf = Annotated[
    Optional[dt.datetime],
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="The state of the actions on this date, YYYY-MM-DD (default: today)."),
]


@app.command()
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Record files (YAML), or series folders, to check.", show_default=False)
    ],
    strict: Strict = False,
) -> None:
    """Check records (or whole series, or decisions files) and report every problem with its file, line, column and field."""
    from minutes_kit.actions.series import validate_series
    from minutes_kit.detection import DECISIONS_SUFFIX
    from minutes_kit.validation import validate_file

    failed = False
    for path in files:
        try:
            if path.is_dir():
                checked = validate_series(path)
                for report in checked.reports:
                    _print_report(report)
                failed |= checked.failed(strict)
                typer.echo(f"{checked.summary()}: {'FAILED' if checked.failed(strict) else 'ok'}")
                continue
            if path.name.endswith(DECISIONS_SUFFIX):
                from minutes_kit.detection.decisions import validate_decisions

                report = validate_decisions(path)[0]
            else:
                report = validate_file(path).report
        except MinutesError as exc:
            typer.echo(f"error: {exc}", err=True)
            failed = True
            continue
        _print_report(report)
        failed |= report.failed(strict)
        status = "FAILED" if report.failed(strict) else "ok"
        typer.echo(f"{report.summary()}: {status}")
    if failed:
        raise typer.Exit(1)


@app.command()
def render(
    file: Annotated[Path, typer.Argument(help="The meeting record (YAML).", show_default=False)],
    output: Annotated[
        Optional[Path], typer.Option("-o", "--output", help="Word file to write (default: FILE with .docx).")
    ] = None,
    template: Annotated[
        Optional[Path], typer.Option("--template", help="Your own Word template instead of the shipped minutes template.")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF beside the Word file (needs LibreOffice).")] = False,
    strict: Strict = False,
) -> None:
    """Render a record as OFFICIAL-SENSITIVE Word minutes."""
    from minutes_kit.actions.register import minutes_source
    from minutes_kit.rendering import render_minutes

    output = output or file.with_suffix(".docx")
    pdf_path = output.with_suffix(".pdf") if pdf else None
    with _reported():
        record, raised, inputs = minutes_source(file, strict=strict)
        render_minutes(record, output, template=template, pdf=pdf_path, inputs=tuple(inputs), raised=raised)
    typer.echo(f"wrote {output}")
    if pdf_path:
        typer.echo(f"wrote {pdf_path}")
    _warn_accessibility([output, *([pdf_path] if pdf_path else [])])


@app.command()
def actions(
    series_dir: SeriesDir,
    as_of: AsOf = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only outstanding actions (open, in progress, complete).")] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue actions.")] = False,
    owner: Annotated[Optional[str], typer.Option("--owner", help="Only actions this person (a registry key) owns.")] = None,
    status: Annotated[Optional[ActionStatus], typer.Option("--status", help="Only actions with this status.")] = None,
    form: Annotated[Literal["table", "csv", "json"], typer.Option("--format", help="Output format.")] = "table",
) -> None:
    """The action register of a series as of a date, with a summary line."""
    from minutes_kit.actions.listing import ListFormat, format_register
    from minutes_kit.actions.register import compute_register
    from minutes_kit.actions.series import load_series

    with _reported():
        series = load_series(series_dir)
    if owner is not None and owner not in series.file.people:
        _fail(f"--owner {owner}: not a key of the series registry ({', '.join(series.file.people)})")
    register = compute_register(series, as_of.date() if as_of else dt.date.today())
    chosen = register.select(open_only=open_only, overdue_only=overdue, owner=owner, status=status)
    typer.echo(format_register(register, chosen, ListFormat(form)), nl=False)
    if form == ListFormat.CSV:
        typer.echo(register.summary(), err=True)


@app.command("action-log")
def action_log(
    series_dir: SeriesDir,
    output: Annotated[Path, typer.Option("-o", "--output", help="The log to write: .docx (Word) or .xlsx (workbook).")],
    as_of: AsOf = None,
) -> None:
    """Write the action log of a series: landscape Word (.docx) or a workbook (.xlsx)."""
    from minutes_kit.actions.logs import write_action_log
    from minutes_kit.actions.register import compute_register
    from minutes_kit.actions.series import load_series

    with _reported():
        series = load_series(series_dir)
        write_action_log(compute_register(series, as_of.date() if as_of else dt.date.today()), output)
    typer.echo(f"wrote {output}")
    if output.suffix.lower() == ".docx":
        _warn_accessibility([output])


@app.command()
def new(
    series_dir: SeriesDir,
    date: Annotated[dt.datetime, typer.Option("--date", formats=["%Y-%m-%d"], help="Date of the meeting, YYYY-MM-DD.")],
    output: Annotated[
        Optional[Path], typer.Option("-o", "--output", help="Record to write (default: SERIES_DIR/YYYY-MM-DD.yaml).")
    ] = None,
) -> None:
    """Start the next meeting's record: standing attendees and items, previous minutes, outstanding actions."""
    from minutes_kit.actions.carry_forward import write_next_record
    from minutes_kit.actions.series import load_series

    with _reported():
        written = write_next_record(load_series(series_dir), date.date(), output)
    typer.echo(f"wrote {written}")


@app.command()
def schema(
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of printing.")] = None,
) -> None:
    """Print the JSON Schema of meeting records (for editor completion and checking)."""
    from minutes_kit.files import atomic_output
    from minutes_kit.record.schema import meeting_schema_text

    text = meeting_schema_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    with _reported():
        with atomic_output(output) as temporary:
            temporary.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}")


@app.command()
def release(
    files: Annotated[list[Path], typer.Argument(
        help="The meeting record (YAML) or Word document (.docx), told apart by content; several for a batch "
        "answering one request, written into the folder -o.", show_default=False)],
    output: Annotated[Path, typer.Option(
        "-o", "--output", help="Word file to write (with several inputs: the folder to write into).", show_default=False)],
    style: Annotated[Literal["xxxx", "box"], typer.Option(
        "--style", help="xxxx: X's with the code glued on (XXXXXXS40(2)); box: a black box carrying the code.")] = "xxxx",
    mask_length: Annotated[Literal["fixed", "proportional"], typer.Option(
        "--mask-length", help="fixed: the same number of X's for everything, so no length leaks; "
        "proportional: one X per removed character.")] = "fixed",
    policy: Annotated[Optional[str], typer.Option(
        "--policy", help="A shipped policy (default, contract-performance) or a .yaml path (default: the record's, else 'default').")] = None,
    review: Annotated[bool, typer.Option(
        "--review", help="Write a review copy instead: full text, proposed redactions highlighted with their codes.")] = False,
    summary: Annotated[bool, typer.Option(
        "--summary/--no-summary", help="Append the Redaction Summary to the release.")] = True,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write the release as PDF (needs LibreOffice).")] = False,
    by: Annotated[Optional[str], typer.Option(
        "--by", help="Who releases, for the audit log (default: $MINUTES_RELEASED_BY, else the login name).")] = None,
    template: Annotated[Optional[Path], typer.Option("--template", help="Your own Word template.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help=(
        "Treat warnings as errors, and refuse to release while a finding of `minutes scan` is undecided."))] = False,
    terms: Annotated[Optional[Path], typer.Option(
        "--terms", help="A terms file of text and patterns to withhold wherever they occur (records and documents).")] = None,
    decisions: Annotated[Optional[Path], typer.Option(
        "--decisions", help="Word documents only: the decisions file to apply, as it is "
        "(default: DOC.decisions.yaml beside each document).")] = None,
) -> None:
    """Write the FOI release of a record or a Word document: exempt text removed and marked with its code,
    verified leak-free.

    Personal data nobody marked is withheld as decided in FILE.decisions.yaml (see `minutes scan`)."""
    from minutes_kit.release import ReleaseOptions

    options = ReleaseOptions(
        style=style, mask_length=mask_length, policy=policy, summary=summary,
        pdf=pdf, review=review, by=by, template=template, strict=strict,
    )
    with _reported():
        kinds = [(file, _input_kind(file)) for file in files]  # every input checked before anything is written
    if len(files) > 1:
        _release_batch(kinds, output, options, terms=terms, decisions=decisions)
        return
    file, kind = kinds[0]
    if kind == "record" and decisions:
        _fail(f"--decisions applies to Word documents; {file} is a meeting record, whose findings are decided "
              "in its own decisions file")
    if kind == "docx" and (policy or template):
        _fail(f"--policy and --template apply to meeting records; {file} is a Word document, released as it is "
              "with its decisions and terms")
    with _reported():
        result = _release_one(file, kind, output, options, terms=terms, decisions=decisions)
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for path in result.outputs:
        typer.echo(f"wrote {path}")
    if not review:
        if result.dropped:
            typer.echo(f"left out {len(result.dropped)} part(s) not on the release allow-list (listed in the audit log)")
        typer.echo(f"{len(result.redactions)} redactions; leak check passed")
        _warn_accessibility([output, *([output.with_suffix(".pdf")] if pdf else [])])


def _input_kind(path: Path) -> str:
    """"docx" for a Word document, "record" for anything else (a missing file included, so that a
    record's own messages stay as they are); an Office file that is not a .docx is refused with
    what to do."""
    from minutes_kit.ooxml.kind import is_office_file, open_word_document

    if path.is_file() and is_office_file(path):
        open_word_document(path)
        return "docx"
    return "record"


def _release_one(file: Path, kind: str, output: Path, options, *, terms: Optional[Path], decisions: Optional[Path]):
    from minutes_kit.actions.register import minutes_source
    from minutes_kit.release import release_document, release_minutes

    if kind == "record":
        record, raised, inputs = minutes_source(file, strict=options.strict)
        return release_minutes(record, file, output, options, raised=raised, inputs=inputs, terms=terms)
    return release_document(file, output, options, terms=terms, decisions=decisions)


def _release_batch(kinds: list[tuple[Path, str]], folder: Path, options, *, terms: Optional[Path],
                   decisions: Optional[Path]) -> None:
    """Release each input into `folder` (``<stem>.release.docx``, or ``<stem>.review.docx``), with one
    combined schedule, ``schedule.csv``, naming each row's document."""
    from minutes_kit.files import atomic_output
    from minutes_kit.release.document import combined_schedule

    records = [file for file, kind in kinds if kind == "record"]
    stems = [file.stem for file, _ in kinds]
    repeated = sorted({stem for stem in stems if stems.count(stem) > 1})
    if repeated:
        _fail(f"two inputs would be written as {repeated[0]}: give each input of a batch its own name")
    if folder.exists() and not folder.is_dir():
        _fail(f"with several inputs, -o names a folder to write into, and {folder} is a file")
    if decisions and records:
        typer.echo("warning: --decisions applies to the Word documents; each record uses its own decisions file",
                   err=True)
    released = []
    for file, kind in kinds:
        output = folder / f"{file.stem}.{'review' if options.review else 'release'}.docx"
        with _reported():
            result = _release_one(file, kind, output, options, terms=terms, decisions=decisions)
        for warning in result.warnings:
            typer.echo(f"warning: {file}: {warning}", err=True)
        for path in result.outputs:
            typer.echo(f"wrote {path}")
        typer.echo(f"{file}: {len(result.redactions)} redactions" + ("" if options.review else "; leak check passed"))
        released.append((file.name, result.redactions))
    if not options.review:
        schedule = folder / "schedule.csv"
        with _reported(), atomic_output(schedule, [file for file, _ in kinds]) as temporary:
            temporary.write_text(combined_schedule(released), encoding="utf-8")
        typer.echo(f"wrote {schedule}")


@app.command()
def scan(
    file: Annotated[Optional[Path], typer.Argument(
        help="The meeting record (YAML) or a Word document (.docx), told apart by content.", show_default=False)] = None,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help='Read {"text": ..., "known": [names]} lines from standard input and write the findings of each.')] = False,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Word documents: lay the document out with LibreOffice and name the page of each place.")] = False,
) -> None:
    """Find personal data nobody marked in a record or in every part of a Word document, and add each
    new finding to FILE.decisions.yaml for a reviewer."""
    if jsonl == (file is not None):
        raise typer.BadParameter("give a record to scan, or --jsonl to read texts from standard input")
    if jsonl:
        from minutes_kit.detection.jsonl import answer_lines

        with _reported():
            for line in answer_lines(sys.stdin):
                typer.echo(line)
        return
    from minutes_kit.actions.register import minutes_source
    from minutes_kit.detection.decisions import Decision, scan_and_merge, write_decisions
    from minutes_kit.detection.document_scan import scan_and_merge_document
    from minutes_kit.ooxml.kind import is_office_file

    with _reported():
        if is_office_file(file):
            decisions = scan_and_merge_document(file, _laid_out_pages(file) if pdf else None)
        else:
            if pdf:
                _fail(f"--pdf names pages in a Word document; {file} is a meeting record, whose places are its "
                      "paragraph references")
            record, _, _ = minutes_source(file)
            decisions = scan_and_merge(record, file)
        written = write_decisions(decisions, file)
    undecided = [entry for entry in decisions.findings if entry.decision is Decision.UNDECIDED]
    for entry in undecided:
        typer.echo(f"undecided: {entry.describe()}")
    stale = sum(entry.stale for entry in decisions.findings)
    typer.echo(f"{len(decisions.findings)} findings, {len(undecided)} undecided, {stale} stale; wrote {written}")


def _laid_out_pages(document: Path) -> list[str]:
    """The text of each page of `document` as LibreOffice lays it out (in a temporary folder)."""
    import tempfile

    from minutes_kit.rendering.pdf import convert_to_pdf, pdf_pages

    with tempfile.TemporaryDirectory(prefix="minutes-scan-") as work:
        pdf = Path(work) / f"{document.stem}.pdf"
        convert_to_pdf(document, pdf, [document])
        return pdf_pages(pdf)


LEAK_FOUND = 3
"""verify-release's exit code for withheld text found, so scripts can tell a leak from a
mistyped path (1) or a usage error (2)."""


@app.command("verify-release")
def verify_release(
    file: Annotated[Path, typer.Argument(help="A released .docx or .pdf to check.", show_default=False)],
    record: Annotated[Path, typer.Argument(
        help="The record or Word document it was released from (told apart by content).", show_default=False)],
    audit: Annotated[Optional[Path], typer.Option(
        "--audit", help="The release's audit log (default: FILE with .audit.json beside it).")] = None,
    policy: Annotated[Optional[str], typer.Option(
        "--policy", help="Without an audit log: the policy to check with (default: the record's).")] = None,
    show: Annotated[bool, typer.Option("--show", help="Print the withheld text found (it is not printed otherwise).")] = False,
) -> None:
    """Check every part of a released file for anything its release withholds, with the policy and
    decisions the release used (from its audit log); exit 3 when withheld text is found."""
    from minutes_kit.actions.register import minutes_source
    from minutes_kit.release import verify_release as check_release

    with _reported():
        if _input_kind(record) == "docx":
            from minutes_kit.release import verify_document

            hits, warnings = verify_document(file, record, audit=audit)
        else:
            loaded, raised, _ = minutes_source(record)
            hits, warnings = check_release(file, loaded, record, audit=audit, policy_name=policy, raised=raised)
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    if hits:
        for hit in hits:
            typer.echo(f"{file}: {hit.describe(show=show)}", err=True)
        typer.echo(f"error: {file} is not safe to release: withheld text found in {len(hits)} place(s)", err=True)
        raise typer.Exit(LEAK_FOUND)
    typer.echo(f"{file}: no withheld text found")


@app.command("check-accessibility")
def check_accessibility(
    files: Annotated[list[Path], typer.Argument(
        help="Word documents (.docx) or PDFs to check, told apart by their content.", show_default=False)],
) -> None:
    """Report what the accessibility regulations (WCAG 2.2 AA) would flag: an untagged PDF, no title or
    language, skipped heading levels, tables without a header row, images without alt text; exit 1 if any."""
    from minutes_kit.rendering.accessibility import check_accessibility as check

    failed = False
    for path in files:
        try:
            findings = check(path)
        except MinutesError as exc:
            typer.echo(f"error: {exc}", err=True)
            failed = True
            continue
        for finding in findings:
            typer.echo(f"{path}: {finding}")
        if findings:
            typer.echo(f"{path}: {len(findings)} accessibility problem(s) found", err=True)
            failed = True
        else:
            typer.echo(f"{path}: no accessibility problems found")
    if failed:
        raise typer.Exit(1)
