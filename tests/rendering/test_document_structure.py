"""What the documents the toolkit writes tell a reader's software (issue 16): language, title
and subject properties, real headings, table header rows, and pictures without alternative text.
Read back with python-docx, as a user's tools would."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from minutes_kit.actions.logs import write_action_log
from minutes_kit.actions.register import compute_register, minutes_source
from minutes_kit.actions.series import load_series
from minutes_kit.cli import app
from minutes_kit.rendering import MINUTES_TEMPLATE, render_minutes
from minutes_kit.validation import validate_file
from tests.actions.conftest import SAMPLE_SERIES, edit
from tests.conftest import SAMPLE
from tests.release.hostile import RECORD, WITHHELD
from tests.release.oracle import leaks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AS_OF = dt.date(2026, 8, 20)


def language(docx: Path) -> str:
    """The language of the styles' defaults: what every run not set otherwise is in."""
    lang = Document(docx).styles.element.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr/{{{W}}}lang")
    return lang.get(f"{{{W}}}val")


def tables_without_header_row(docx: Path) -> list[str]:
    """The first cell of each table whose first row is not marked to repeat as a header."""
    missing = []
    for table in Document(docx).tables:
        header = table.rows[0]._tr.find(f"{{{W}}}trPr/{{{W}}}tblHeader")
        if header is None or header.get(f"{{{W}}}val") in ("0", "false"):
            missing.append(table.rows[0].cells[0].text)
    return missing


def heading_levels(docx: Path) -> list[tuple[int, str]]:
    """(level, text) of the title (0) and each heading, in document order."""
    found = []
    for paragraph in Document(docx).paragraphs:
        name = paragraph.style.name
        if name == "Title":
            found.append((0, paragraph.text))
        elif (match := re.fullmatch(r"Heading (\d)", name)) is not None:
            found.append((int(match.group(1)), paragraph.text))
    return found


def assert_no_skipped_level(levels: list[tuple[int, str]]) -> None:
    assert levels and levels[0][0] == 0, "the document's title comes first, in the Title style"
    assert [level for level, _ in levels].count(0) == 1
    for (previous, _), (level, text) in zip(levels, levels[1:]):
        assert level <= previous + 1, f"{text!r} skips from level {previous} to {level}"


@pytest.fixture(scope="module")
def action_log(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("log") / "log.docx"
    write_action_log(compute_register(load_series(SAMPLE_SERIES), AS_OF), output)
    return output


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("release") / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(output), "--policy", "contract-performance"])
    assert result.exit_code == 0, result.output
    return output


# Language.

def test_the_sample_is_in_british_english(sample_docx, sample_record):
    assert sample_record.meeting.language is None
    assert language(sample_docx) == "en-GB"
    assert Document(sample_docx).core_properties.language == "en-GB"
    with zipfile.ZipFile(sample_docx) as package:
        assert "en-US" not in package.read("word/styles.xml").decode()


@pytest.mark.parametrize("template", ["minutes.docx", "action_log.docx"])
def test_the_built_templates_default_to_british_english(template):
    assert language(MINUTES_TEMPLATE.parent / template) == "en-GB"


def test_a_record_in_welsh_renders_in_welsh(tmp_path):
    record = tmp_path / "cyfarfod.yaml"
    record.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        "  status: final\n", "  status: final\n  language: cy-GB\n", 1), encoding="utf-8")
    output = tmp_path / "cofnodion.docx"
    render_minutes(validate_file(record).record, output)
    assert language(output) == "cy-GB"
    assert Document(output).core_properties.language == "cy-GB"


def test_a_language_tag_is_checked_and_written_in_its_usual_case(tmp_path):
    record = tmp_path / "meeting.yaml"
    text = SAMPLE.read_text(encoding="utf-8")
    record.write_text(text.replace("  status: final\n", "  status: final\n  language: CY-gb\n", 1), encoding="utf-8")
    assert validate_file(record).record.meeting.language == "cy-GB"
    record.write_text(text.replace("  status: final\n", "  status: final\n  language: Welsh\n", 1), encoding="utf-8")
    [problem] = validate_file(record).report.errors
    assert "language" in problem.field and "not a language tag" in problem.message


def test_a_series_language_is_laid_behind_its_records_unless_one_gives_its_own(tmp_path):
    series_dir = Path(shutil.copytree(SAMPLE_SERIES, tmp_path / "series"))
    edit(series_dir / "series.yaml", "id: RESG\n", "id: RESG\nlanguage: cy-GB\n")
    record, _, _ = minutes_source(series_dir / "2026-08-11.yaml")
    assert record.meeting.language == "cy-GB"
    output = tmp_path / "minutes.docx"
    render_minutes(record, output)
    assert language(output) == "cy-GB"
    log = tmp_path / "log.docx"
    write_action_log(compute_register(load_series(series_dir), AS_OF), log)
    assert language(log) == "cy-GB"

    edit(series_dir / "2026-08-11.yaml", "  status: final\n", "  status: final\n  language: en-GB\n")
    record, _, _ = minutes_source(series_dir / "2026-08-11.yaml")
    assert record.meeting.language == "en-GB"


# Title and subject.

def test_minutes_are_titled_with_the_meeting_and_its_date(sample_docx, sample_record):
    properties = Document(sample_docx).core_properties
    assert properties.title == f"{sample_record.meeting.title}, 15 September 2026"
    assert properties.subject == "Minutes"


def test_a_release_is_titled_with_what_may_be_released(released, sample_record):
    properties = Document(released).core_properties
    # The contract-performance policy withholds the meeting's date: the title loses it too.
    assert properties.title == f"FOI release: {sample_record.meeting.title}, XXXXXX"
    assert properties.subject == "FOI release"
    assert properties.language == "en-GB"
    assert language(released) == "en-GB"


@pytest.mark.parametrize("title, shown, swept", [
    ("Estates review with @ph", "Estates review with XXXXXX", False),  # ph is withheld
    ("Estates review with Peter Hall", "Estates review with XXXXXX", True),  # typed, found by the sweep
    ('"Estates review: [[S43: 48120]] quoted"', "Estates review: XXXXXX quoted", False),  # a bare number
])
def test_withheld_text_in_the_meeting_title_is_withheld_from_the_title_property(runner, tmp_path, title, shown, swept):
    record = tmp_path / "estates.yaml"
    record.write_text(RECORD.replace("  title: Estates review with @ph\n", f"  title: {title}\n"), encoding="utf-8")
    output = tmp_path / "release.docx"
    result = runner.invoke(app, ["release", str(record), "-o", str(output)])
    assert result.exit_code == 0, result.output
    properties = Document(output).core_properties
    assert properties.title == f"FOI release: {shown}, 12 May 2026"
    assert leaks(output, [*WITHHELD, "48120"]) == {}
    core = zipfile.ZipFile(output).read("docProps/core.xml").decode()
    assert not re.search("[\ue000-\uf8ff]", core)
    schedule = output.with_suffix(".redactions.csv").read_text(encoding="utf-8")
    assert (",Document properties,," in schedule) is swept


def test_a_review_copy_says_so_in_its_properties(runner, tmp_path):
    output = tmp_path / "review.docx"
    result = runner.invoke(app, ["release", str(SAMPLE), "-o", str(output), "--review"])
    assert result.exit_code == 0, result.output
    properties = Document(output).core_properties
    assert properties.title.startswith("Review copy: ") and "not for release" in properties.subject


def test_an_action_log_is_titled_with_its_series_and_date(action_log):
    properties = Document(action_log).core_properties
    assert properties.title == "Regional Estates Steering Group: action log as of 20 August 2026"
    assert properties.subject == "Action log"
    assert language(action_log) == "en-GB"


# Structure.

def test_every_table_has_a_header_row_marked_to_repeat(sample_docx, released, action_log, tmp_path):
    reviewed, _, _ = minutes_source(SAMPLE_SERIES / "2026-08-11.yaml")
    reviewed_docx = tmp_path / "reviewed.docx"
    render_minutes(reviewed, reviewed_docx)
    tabled = tmp_path / "tabled.yaml"
    tabled.write_text(SAMPLE.read_text(encoding="utf-8").replace("style: prose", "style: table"), encoding="utf-8")
    tabled_docx = tmp_path / "tabled.docx"
    render_minutes(validate_file(tabled).record, tabled_docx)
    outputs = {"sample": sample_docx, "release": released, "action log": action_log,
               "reviewed actions": reviewed_docx, "performance tables": tabled_docx}
    for name, docx in outputs.items():
        assert Document(docx).tables, name
        assert tables_without_header_row(docx) == [], name
        with zipfile.ZipFile(docx) as package:
            document = package.read("word/document.xml").decode()
        assert "<w:vMerge" not in document and "<w:gridSpan" not in document, name


def test_the_title_block_is_labelled_lines_not_a_layout_table(sample_docx):
    document = Document(sample_docx)
    assert all(table.rows[0].cells[0].text != "Title:" for table in document.tables)
    block = [p.text for p in document.paragraphs if p.style.name == "Meeting Details"]
    assert block[0].startswith("Title:\t") and block[1].startswith("Date:\t")


def test_headings_are_real_and_in_order(sample_docx, sample_record, released, action_log):
    levels = heading_levels(sample_docx)
    assert_no_skipped_level(levels)
    assert levels[0] == (0, "Minutes")
    items = [f"{number}.\t{item.title}" for number, item in enumerate(sample_record.items, start=1)]
    assert [text for level, text in levels if level == 1][:len(items)] == items
    assert_no_skipped_level(heading_levels(released))
    assert (1, "Redaction Summary") in heading_levels(released)
    assert_no_skipped_level(heading_levels(action_log))
    assert [text for level, text in heading_levels(action_log) if level == 1] == [
        "Outstanding actions", "Closed actions"]


# Pictures.

def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + chunk(b"IEND", b""))


def test_a_template_picture_without_alternative_text_is_a_warning(runner, tmp_path):
    document = Document(MINUTES_TEMPLATE)
    header = document.sections[0].header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(_png()))  # python-docx gives it no description
    described = document.add_paragraph().add_run().add_picture(io.BytesIO(_png()))
    described._inline.docPr.set("descr", "The department's crest")
    template = tmp_path / "crested.docx"
    document.save(template)

    output = tmp_path / "minutes.docx"

    result = runner.invoke(app, ["render", str(SAMPLE), "-o", str(output), "--template", str(template)])

    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "alt text" in line]
    assert len(warnings) == 1 and str(output) in warnings[0] and "warning: accessibility" in warnings[0]
    plain = runner.invoke(app, ["render", str(SAMPLE), "-o", str(tmp_path / "plain.docx")])
    assert "alt text" not in plain.stderr


def test_the_redaction_summary_is_a_heading_even_in_a_template_without_heading_styles(tmp_path):
    from minutes_kit.ooxml.package import Package
    from minutes_kit.release.summary import append_summary

    document = Document()
    document.add_paragraph("1.1. Text")
    styles = document.styles.element
    styles.remove(styles.find(f"{{{W}}}style[@{{{W}}}styleId='Heading1']"))
    path = tmp_path / "plain.docx"
    document.save(path)
    package = Package(path)
    append_summary(package, [])
    package.save(path)

    [heading] = [p for p in Document(path).paragraphs if p.text == "Redaction Summary"]
    assert heading._p.pPr.find(f"{{{W}}}outlineLvl").get(f"{{{W}}}val") == "0"
    assert tables_without_header_row(path) == []
