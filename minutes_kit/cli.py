"""The `minutes` command: parses arguments, calls the library, prints.

Exit codes: 0 ok, 1 a problem the user can fix (a message, no traceback),
2 a usage error (reported by Click).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal, NoReturn, Optional

import typer

# Pydantic looks for plugins in every installed package's entry points the first time it builds a
# model: a tenth of a second of every command, for plugins a command line tool never uses.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from minutes_kit.errors import MinutesError, OwnerUnknown, RecordInvalid, SeriesInvalid
from minutes_kit.record.model import ActionStatus
from minutes_kit.validation import Report

app = typer.Typer(
    help="Meeting records to OFFICIAL-SENSITIVE Word minutes, action logs across a series, and FOI releases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Click's plain help: a flag is shown as itself, where Rich's panels would add "<bool>".
    rich_markup_mode=None,
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
        # A batch's notes say which input an error came from.
        _fail("\n".join([str(exc), *getattr(exc, "__notes__", [])]))


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int, str], None]]:
    """A batch's progress: a bar on standard error when it is a terminal, and each step's line
    ("wrote ...") on standard output; the lines alone, numbered "[3/20] wrote ...", otherwise."""
    if not sys.stderr.isatty():
        yield lambda done, total, message: typer.echo(f"[{done}/{total}] {message}")
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True, redirect_stdout=sys.stdout.isatty()) as bar:
        task = bar.add_task(label, total=None)

        def step(done: int, total: int, message: str) -> None:
            typer.echo(message)
            bar.update(task, completed=done, total=total)

        yield step


MarkStyleOption = Annotated[Literal["xxxx", "box"], typer.Option(
    "--style", help="xxxx: X's with the code glued on (XXXXXXS40(2)); box: a black box carrying the code.")]
AllowDerivable = Annotated[bool, typer.Option(
    "--allow-derivable", help="Release even when a withheld figure can be worked out from disclosed ones "
    "(a warning, kept in the audit log) instead of refusing.")]
Pages = Annotated[Optional[bool], typer.Option(
    "--pages/--no-pages", help="Lay each release out with LibreOffice to give each redaction its page in the "
    "summary and schedule (default: when LibreOffice is installed and $MINUTES_PAGES is not 'off').",
    show_default=False)]
ReleasedBy = Annotated[Optional[str], typer.Option(
    "--by", help="Who releases, for the audit log (default: $MINUTES_RELEASED_BY, else the login name).")]


SeriesDir = Annotated[Path, typer.Argument(help="The series folder: series.yaml and one record per meeting.", show_default=False)]
DATE_METAVAR = "YYYY-MM-DD"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: str | dt.date) -> dt.date:
    """A date option's value: YYYY-MM-DD, or a usage error (exit 2) that says so in words."""
    if isinstance(value, dt.date):
        return value
    advice = f"write dates as {DATE_METAVAR}, for example 2026-11-20"
    if not ISO_DATE.fullmatch(value):
        raise typer.BadParameter(f"'{value}' is not a date; {advice}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"'{value}' is not a date ({exc}); {advice}") from exc


AsOf = Annotated[
    Optional[dt.date],
    typer.Option("--as-of", parser=_iso_date, metavar=DATE_METAVAR,
                 help="The state of the actions on this date (default: today)."),
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
    files: Annotated[list[Path], typer.Argument(
        help="The meeting record (YAML); several, or series folders (every record in them), for a batch.",
        metavar="FILE", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help=(
        "Word file to write (default: FILE with .docx); for a batch, the folder to write into "
        "(default: each beside its record)."))] = None,
    template: Annotated[
        Optional[Path], typer.Option("--template", help="Your own Word template instead of the shipped minutes template.")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF beside the Word file (needs LibreOffice).")] = False,
    strict: Strict = False,
) -> None:
    """Render a record (or several, or whole series) as OFFICIAL-SENSITIVE Word minutes."""
    from minutes_kit.actions.register import minutes_source
    from minutes_kit.batch import is_batch
    from minutes_kit.rendering import render_minutes

    if is_batch(files, output):
        from minutes_kit.batch import render_batch

        with _reported(), _progress("rendering") as progress:
            rendered = render_batch(files, output, template=template, pdf=pdf, strict=strict, on_progress=progress)
        _warn_accessibility([path for each in rendered for path in each.outputs])
        return
    file = files[0]
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
    owner: Annotated[Optional[str], typer.Option(
        "--owner", metavar="KEY|NAME", help="Only actions this person or team owns: a registry key, or the full name.")] = None,
    status: Annotated[Optional[ActionStatus], typer.Option("--status", help="Only actions with this status.")] = None,
    form: Annotated[Literal["table", "csv", "json", "ics", "ics-events"], typer.Option("--format", help=(
        "Output format; ics: one to-do per outstanding action, for a calendar or task list (iCalendar); "
        "ics-events: an all-day event on each outstanding action's due date, with a reminder the day before, "
        "for calendars that import only events (Outlook)."))] = "table",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of printing.")] = None,
) -> None:
    """The action register of a series as of a date, with a summary line."""
    from minutes_kit.actions.calendar import actions_calendar
    from minutes_kit.actions.listing import ListFormat, format_register
    from minutes_kit.actions.register import compute_register
    from minutes_kit.actions.series import load_series

    with _reported():
        series = load_series(series_dir)
    try:
        owner_key = series.owner_key(owner) if owner is not None else None
    except OwnerUnknown as exc:
        _fail(f"--owner: {exc}")
    register = compute_register(series, as_of or dt.date.today())
    chosen = register.select(open_only=open_only, overdue_only=overdue, owner=owner_key, status=status)
    written = (actions_calendar(register, chosen, as_events=form == "ics-events") if form.startswith("ics")
               else format_register(register, chosen, ListFormat(form)).encode("utf-8"))
    if output is None:
        typer.echo(written, nl=False)
    else:
        from minutes_kit.files import atomic_output

        with _reported(), atomic_output(output, series.inputs) as temporary:
            temporary.write_bytes(written)
        typer.echo(f"wrote {output}")
    if form == ListFormat.CSV or form.startswith("ics"):
        typer.echo(register.summary(), err=True)


@app.command("action-log")
def action_log(
    series_dir: SeriesDir,
    output: Annotated[Path, typer.Option("-o", "--output", help="The log to write: .docx (Word) or .xlsx (workbook).")],
    as_of: AsOf = None,
    layout: Annotated[Literal["log", "action-plan"], typer.Option(
        "--layout", help="log: the Action Point Log, open and closed actions; action-plan: the Provider Action "
                         "Plan, actions by area and objective under the series' action_plan header.")] = "log",
) -> None:
    """Write the action log of a series: landscape Word (.docx) or a workbook (.xlsx)."""
    from minutes_kit.actions.logs import Layout, write_action_log
    from minutes_kit.actions.register import compute_register
    from minutes_kit.actions.series import load_series

    with _reported():
        series = load_series(series_dir)
        write_action_log(compute_register(series, as_of or dt.date.today()), output, Layout(layout))
    typer.echo(f"wrote {output}")
    if output.suffix.lower() == ".docx":
        _warn_accessibility([output])


@app.command()
def new(
    series_dir: SeriesDir,
    date: Annotated[dt.date, typer.Option("--date", parser=_iso_date, metavar=DATE_METAVAR, help="Date of the meeting.")],
    output: Annotated[
        Optional[Path], typer.Option("-o", "--output", help="Record to write (default: SERIES_DIR/YYYY-MM-DD.yaml).")
    ] = None,
) -> None:
    """Start the next meeting's record: standing attendees and items, previous minutes, outstanding actions."""
    from minutes_kit.actions.carry_forward import write_next_record
    from minutes_kit.actions.series import load_series

    with _reported():
        written = write_next_record(load_series(series_dir), date, output)
    typer.echo(f"wrote {written}")


@app.command()
def schema(
    name: Annotated[str, typer.Argument(
        help="Which file's schema: meeting (a meeting record), series (series.yaml), decisions (a decisions file), "
        "foi-request (a request file of `minutes foi-response`).")
    ] = "meeting",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of printing.")] = None,
    into: Annotated[Optional[Path], typer.Option(
        "--into", help="Write every schema into this folder as NAME.schema.json (what `make schema` does).")] = None,
) -> None:
    """Print the JSON Schema of a kind of file (for editor completion and checking)."""
    from minutes_kit.files import atomic_output
    from minutes_kit.schemas import SCHEMAS, schema_file_name, schema_text

    if name not in SCHEMAS:
        raise typer.BadParameter(f"'{name}' is not a schema; choose from {', '.join(SCHEMAS)}", param_hint="NAME")
    if into is not None and output is not None:
        raise typer.BadParameter("give -o for one schema or --into for all of them, not both")
    if output is None and into is None:
        typer.echo(schema_text(name), nl=False)
        return
    targets = {output: name} if output is not None else {into / schema_file_name(each): each for each in SCHEMAS}
    for target, each in targets.items():
        with _reported():
            with atomic_output(target) as temporary:
                temporary.write_text(schema_text(each), encoding="utf-8")
        typer.echo(f"wrote {target}")


@app.command()
def release(
    files: Annotated[list[Path], typer.Argument(
        help="The meeting record (YAML) or Word document (.docx), told apart by content; several, or series "
        "folders (every record in them), for a batch.", metavar="FILE", show_default=False)],
    output: Annotated[Optional[Path], typer.Option(
        "-o", "--output", help="Word file to write (default: FILE.release.docx, or FILE.review.docx, beside FILE); "
        "for a batch, the folder to write into, with one schedule.csv for all (default: each beside its input).",
        show_default=False)] = None,
    style: MarkStyleOption = "xxxx",
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
    allow_derivable: AllowDerivable = False,
    pages: Pages = None,
    by: ReleasedBy = None,
    template: Annotated[Optional[Path], typer.Option("--template", help="Your own Word template.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help=(
        "Treat warnings as errors: refuse to release a draft, or while a finding of `minutes scan` is undecided."))] = False,
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
        pdf=pdf, review=review, by=by, template=template, strict=strict, pages=pages,
        allow_derivable=allow_derivable,
    )
    from minutes_kit.batch import is_batch
    from minutes_kit.release.batch import InputKind, batch_output, input_kind, release_file
    from minutes_kit.rendering.pdf import office_session

    if is_batch(files, output):
        if decisions:
            typer.echo("warning: --decisions applies to the Word documents; each record uses its own decisions file",
                       err=True)
        _release_batch(files, output, options, terms=terms, decisions=decisions)
        return
    file = files[0]
    with _reported():
        kind = input_kind(file)
    if kind is InputKind.RECORD and decisions:
        _fail(f"--decisions applies to Word documents; {file} is a meeting record, whose findings are decided "
              "in its own decisions file")
    if kind is InputKind.DOCUMENT and (policy or template):
        _fail(f"--policy and --template apply to meeting records; {file} is a Word document, released as it is "
              "with its decisions and terms")
    output = output or batch_output(file, None, options)
    with _reported(), office_session():
        result = release_file(file, kind, output, options, terms=terms, decisions=decisions)
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for path in result.outputs:
        typer.echo(f"wrote {path}")
    if not review:
        if result.dropped:
            typer.echo(f"left out {len(result.dropped)} part(s) not on the release allow-list (listed in the audit log)")
        typer.echo(f"{len(result.redactions)} redactions; leak check passed")
        _warn_accessibility([output, *([output.with_suffix(".pdf")] if pdf else [])])


def _release_batch(files: list[Path], folder: Optional[Path], options, *, terms: Optional[Path],
                   decisions: Optional[Path]) -> None:
    from minutes_kit.release.batch import release_batch

    with _reported(), _progress("releasing") as progress:
        batch = release_batch(files, folder, options, terms=terms, decisions=decisions, on_released=_print_released,
                              on_progress=progress)
    if batch.schedule is not None:
        typer.echo(f"wrote {batch.schedule}")


def _print_released(file: Path, result) -> None:
    """One release of a batch or pack: its warnings, what it wrote, its redactions and verdict."""
    for warning in result.warnings:
        typer.echo(f"warning: {file}: {warning}", err=True)
    for path in result.outputs:
        typer.echo(f"wrote {path}")
    typer.echo(f"{file}: {len(result.redactions)} redactions" + ("; leak check passed" if result.leak_checked else ""))


@app.command()
def scan(
    files: Annotated[Optional[list[Path]], typer.Argument(
        help="The meeting record (YAML) or a Word document (.docx), told apart by content; several, or series "
        "folders (every record in them), for a batch.", metavar="FILE", show_default=False)] = None,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help='Read {"text": ..., "known": [names]} lines from standard input and write the findings of each.')] = False,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Word documents: lay the document out with LibreOffice and name the page of each place.")] = False,
) -> None:
    """Find personal data nobody marked in a record or in every part of a Word document, and add each
    new finding to FILE.decisions.yaml beside it for a reviewer."""
    if jsonl == bool(files):
        raise typer.BadParameter("give a record to scan, or --jsonl to read texts from standard input")
    if jsonl:
        from minutes_kit.detection.jsonl import answer_lines

        with _reported():
            for line in answer_lines(sys.stdin):
                typer.echo(line)
        return
    from contextlib import nullcontext

    from minutes_kit.batch import is_batch, no_progress, scan_batch
    from minutes_kit.detection.decisions import Decision
    from minutes_kit.ooxml.kind import is_office_file

    batch = is_batch(files, None)
    with _reported(), (_progress("scanning") if batch else nullcontext(no_progress)) as progress:
        if pdf and not batch and not is_office_file(files[0]):
            _fail(f"--pdf names pages in a Word document; {files[0]} is a meeting record, whose places are its "
                  "paragraph references")
        scanned = scan_batch(files, pdf=pdf, on_progress=progress)
    for each in scanned:
        undecided = [entry for entry in each.decisions.findings if entry.decision is Decision.UNDECIDED]
        for entry in undecided:
            typer.echo(f"undecided: {entry.describe()}")
        stale = sum(entry.stale for entry in each.decisions.findings)
        typer.echo(f"{len(each.decisions.findings)} findings, {len(undecided)} undecided, {stale} stale; "
                   f"wrote {each.written}")


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
    from minutes_kit.release.batch import InputKind, input_kind

    with _reported():
        if input_kind(record) is InputKind.DOCUMENT:
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


@app.command("foi-pack")
def foi_pack(
    request: Annotated[Path, typer.Argument(
        help="The request file (YAML), listing the records and Word documents to release under documents:.",
        show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder to write the pack into.", show_default=False)],
    style: MarkStyleOption = "xxxx",
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write each release and the letter as PDF (needs LibreOffice).")] = False,
    pages: Pages = None,
    allow_derivable: AllowDerivable = False,
    by: ReleasedBy = None,
    strict: Annotated[bool, typer.Option("--strict", help=(
        "Refuse to release a draft, or while a finding of `minutes scan` is undecided."))] = False,
) -> None:
    """Write the FOI response pack: every document the request lists released into one folder, the
    combined schedule, the response letter and a manifest (SHA-256 of every input and output, the
    toolkit's version, each leak-check verdict); warn of text withheld in one document and disclosed
    in another."""
    from minutes_kit.foi.pack import write_pack
    from minutes_kit.release import ReleaseOptions
    from minutes_kit.rendering.context import day_month_year
    from minutes_kit.rendering.pdf import office_session

    options = ReleaseOptions(style=style, pdf=pdf, pages=pages, allow_derivable=allow_derivable, by=by, strict=strict)
    with _reported(), office_session():
        pack = write_pack(request, output, options, on_released=_print_released)
    for warning in pack.inconsistencies:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(f"wrote {len(pack.released)} release(s), {pack.schedule}, {', '.join(map(str, pack.letter.outputs))} "
               f"and {pack.manifest}")
    typer.echo(f"due {day_month_year(pack.letter.due)}; sent {day_month_year(pack.letter.sent)}: "
               f"{'LATE' if pack.letter.late else 'on time'}")


@app.command("foi-response")
def foi_response(
    request: Annotated[Path, typer.Argument(help="The request file (YAML).", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The letter to write (.docx).", show_default=False)],
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write the letter as PDF (needs LibreOffice).")] = False,
) -> None:
    """Write the response letter to an FOI request: the request quoted, what is released, each
    exemption the releases used with its public interest test or reason, the due date, and the
    right to complain; checked leak-free against everything the releases withheld."""
    from minutes_kit.foi import write_response
    from minutes_kit.rendering.context import day_month_year

    with _reported():
        result = write_response(request, output, pdf=pdf)
    for path in result.outputs:
        typer.echo(f"wrote {path}")
    typer.echo(f"due {day_month_year(result.due)} (the 20th working day after {day_month_year(result.received)}); "
               f"sent {day_month_year(result.sent)}: {'LATE' if result.late else 'on time'}")
    _warn_accessibility(result.outputs)


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
