"""The `minutes` command: parses arguments, calls the library, prints.

Exit codes: 0 ok, 1 a problem the user can fix (a message, no traceback),
2 a usage error (reported by Click).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, NoReturn, Optional

import typer

from minutes_kit.errors import MinutesError, RecordInvalid
from minutes_kit.validation import Report

app = typer.Typer(
    help="Validate meeting records and render them as Word minutes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Strict = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _print_report(report: Report) -> None:
    for problem in report.sorted():
        typer.echo(str(problem), err=True)


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Record files (YAML) to check.", show_default=False)],
    strict: Strict = False,
) -> None:
    """Check records and report every problem with its file, line, column and field."""
    from minutes_kit.validation import validate_file

    failed = False
    for path in files:
        try:
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
        Optional[Path], typer.Option("-o", "--output", help="Word file to write [default: FILE with .docx].")
    ] = None,
    template: Annotated[
        Optional[Path], typer.Option("--template", help="Your own Word template instead of templates/minutes.docx.")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF beside the Word file (needs LibreOffice).")] = False,
    strict: Strict = False,
) -> None:
    """Render a record as OFFICIAL-SENSITIVE Word minutes."""
    from minutes_kit.rendering import render_minutes
    from minutes_kit.validation import load_record

    output = output or file.with_suffix(".docx")
    pdf_path = output.with_suffix(".pdf") if pdf else None
    try:
        record = load_record(file, strict=strict)
        render_minutes(record, output, template=template, pdf=pdf_path, inputs=(file,))
    except RecordInvalid as exc:
        _print_report(exc.report)
        _fail(exc.report.summary())
    except MinutesError as exc:
        _fail(str(exc))
    typer.echo(f"wrote {output}")
    if pdf_path:
        typer.echo(f"wrote {pdf_path}")


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
    try:
        with atomic_output(output) as temporary:
            temporary.write_text(text, encoding="utf-8")
    except MinutesError as exc:
        _fail(str(exc))
    typer.echo(f"wrote {output}")


@app.command()
def release(
    file: Annotated[Path, typer.Argument(help="The meeting record (YAML).", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Word file to write.", show_default=False)],
    style: Annotated[Literal["xxxx", "box"], typer.Option(
        "--style", help="xxxx: X's with the code glued on (XXXXXXS40(2)); box: a black box carrying the code.")] = "xxxx",
    mask_length: Annotated[Literal["fixed", "proportional"], typer.Option(
        "--mask-length", help="fixed: the same number of X's for everything, so no length leaks; "
        "proportional: one X per removed character.")] = "fixed",
    policy: Annotated[Optional[str], typer.Option(
        "--policy", help="A policy in redaction/policies or a .yaml path [default: the record's, else 'default'].")] = None,
    review: Annotated[bool, typer.Option(
        "--review", help="Write a review copy instead: full text, proposed redactions highlighted with their codes.")] = False,
    summary: Annotated[bool, typer.Option(
        "--summary/--no-summary", help="Append the Redaction Summary to the release.")] = True,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write the release as PDF (needs LibreOffice).")] = False,
    by: Annotated[Optional[str], typer.Option(
        "--by", help="Who releases, for the audit log [default: $MINUTES_RELEASED_BY, else the login name].")] = None,
    template: Annotated[Optional[Path], typer.Option("--template", help="Your own Word template.")] = None,
    strict: Strict = False,
) -> None:
    """Write the FOI release of a record: exempt text removed and marked with its code, verified leak-free."""
    from minutes_kit.release import MaskLength, ReleaseOptions, Style, release_minutes
    from minutes_kit.validation import load_record

    options = ReleaseOptions(
        style=Style(style), mask_length=MaskLength(mask_length), policy=policy, summary=summary,
        pdf=pdf, review=review, by=by, template=template,
    )
    try:
        record = load_record(file, strict=strict)
        result = release_minutes(record, file, output, options)
    except RecordInvalid as exc:
        _print_report(exc.report)
        _fail(exc.report.summary())
    except MinutesError as exc:
        _fail(str(exc))
    for path in result.outputs:
        typer.echo(f"wrote {path}")
    if not review:
        typer.echo(f"{len(result.redactions)} redactions; leak check passed")


@app.command("verify-release")
def verify_release(
    file: Annotated[Path, typer.Argument(help="A released .docx or .pdf to check.", show_default=False)],
    record: Annotated[Path, typer.Argument(help="The record it was released from.", show_default=False)],
    policy: Annotated[Optional[str], typer.Option("--policy", help="The policy the release used.")] = None,
) -> None:
    """Search every part of a released file for anything the record's release withholds."""
    from minutes_kit.release import verify_release as find_leaks_in
    from minutes_kit.validation import load_record

    try:
        leaks = find_leaks_in(file, load_record(record), policy)
    except RecordInvalid as exc:
        _print_report(exc.report)
        _fail(exc.report.summary())
    except MinutesError as exc:
        _fail(str(exc))
    if leaks:
        for leak in leaks:
            typer.echo(f"{file}: {leak}", err=True)
        _fail(f"{file} is not safe to release: {len(leaks)} part(s) hold withheld text")
    typer.echo(f"{file}: no withheld text found")
