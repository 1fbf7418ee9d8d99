"""`minutes render`: outputs, user templates, the sandbox, atomic writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from minutes_kit.cli import app
from minutes_kit.rendering import pdf as pdf_module
from tests.conftest import SAMPLE, imports_spacy


@pytest.fixture
def record(tmp_path) -> Path:
    copy = tmp_path / "meeting.yaml"
    shutil.copyfile(SAMPLE, copy)
    return copy


def _template(path: Path, *lines: str) -> Path:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_default_output_is_beside_the_record(runner, record):
    result = runner.invoke(app, ["render", str(record)])
    assert result.exit_code == 0, result.output
    assert record.with_suffix(".docx").is_file()
    assert f"wrote {record.with_suffix('.docx')}" in result.stdout


def test_render_never_overwrites_its_input(runner, record):
    before = record.read_bytes()
    result = runner.invoke(app, ["render", str(record), "-o", str(record)])
    assert result.exit_code == 1
    assert "refusing to write" in result.stderr and "it is an input" in result.stderr
    assert record.read_bytes() == before


def test_invalid_record_writes_nothing(runner, record, tmp_path):
    record.write_text(record.read_text().replace("chair: hb", "chair: nobody"))
    output = tmp_path / "out.docx"
    result = runner.invoke(app, ["render", str(record), "-o", str(output)])
    assert result.exit_code == 1
    assert "'nobody' is not in the people registry" in result.stderr
    assert not output.exists()


def test_user_template_renders_record_values(runner, record, tmp_path):
    template = _template(tmp_path / "mine.docx", "Meeting: {{ title }} on {{ date }}", "{{ marking }}")
    output = tmp_path / "out.docx"
    result = runner.invoke(app, ["render", str(record), "--template", str(template), "-o", str(output)])
    assert result.exit_code == 0, result.output
    texts = [p.text for p in Document(output).paragraphs]
    assert texts[0] == "Meeting: Functional Assessment Services Contract Performance Group (Lots 2 and 4) on Tuesday 15 September 2026"
    assert texts[1] == "OFFICIAL-SENSITIVE COMMERCIAL"


def test_unknown_template_variables_are_all_reported_before_rendering(runner, record, tmp_path):
    template = _template(tmp_path / "mine.docx", "{{ title }} {{ venue }}", "{{ chairman }}")
    output = tmp_path / "out.docx"
    output.write_bytes(b"previous output")
    result = runner.invoke(app, ["render", str(record), "--template", str(template), "-o", str(output)])
    assert result.exit_code == 1
    assert "{{ venue }}" in result.stderr and "{{ chairman }} (did you mean 'chair'?)" in result.stderr
    assert output.read_bytes() == b"previous output"
    assert list(tmp_path.glob(".out.*")) == []


def test_templates_run_in_a_sandbox(runner, record, tmp_path):
    template = _template(tmp_path / "evil.docx", "{{ title.__class__.__mro__[1].__subclasses__() }}")
    output = tmp_path / "out.docx"
    result = runner.invoke(app, ["render", str(record), "--template", str(template), "-o", str(output)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "subclasses" not in result.stdout
    assert not output.exists()


def test_template_syntax_error_is_a_user_error(runner, record, tmp_path):
    template = _template(tmp_path / "broken.docx", "{{ title ")
    result = runner.invoke(app, ["render", str(record), "--template", str(template), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 1
    assert "template syntax error" in result.stderr


def test_missing_template_is_a_user_error(runner, record, tmp_path):
    result = runner.invoke(app, ["render", str(record), "--template", str(tmp_path / "none.docx")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_pdf_without_libreoffice_is_a_clear_error(runner, record, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "find_office", lambda: None)
    result = runner.invoke(app, ["render", str(record), "-o", str(tmp_path / "o.docx"), "--pdf"])
    assert result.exit_code == 1
    assert "LibreOffice is not installed" in result.stderr and "apt-get install libreoffice-writer" in result.stderr


@pytest.mark.parametrize("command", ["validate", "render", "schema", "release", "verify-release", "scan", "actions", "action-log", "new"])
def test_every_command_has_help(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_render_path_does_not_import_spacy(tmp_path):
    assert not imports_spacy(["render", str(SAMPLE), "-o", str(tmp_path / "o.docx")])


def test_damaged_template_is_a_user_error(runner, record, tmp_path):
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a Word file")
    result = runner.invoke(app, ["render", str(record), "--template", str(damaged), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 1
    assert "is not a Word .docx file" in result.stderr


@pytest.mark.parametrize("command, shown", [
    ("render", "default: FILE with .docx"),
    ("release", "default: the record's, else 'default'"),
])
def test_help_shows_computed_defaults(runner, command, shown):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert shown in " ".join(result.stdout.split())
