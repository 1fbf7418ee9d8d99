"""The `minutes` command: parses arguments, calls the library, prints.

Exit codes: 0 ok, 1 a problem the user can fix (a message, no traceback),
2 a usage error (reported by Click).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn, Optional

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
