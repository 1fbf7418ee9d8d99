"""Releasing a draft: a warning, and with --strict a refusal that writes nothing."""

from __future__ import annotations

from docx import Document
from typer.testing import CliRunner

from minutes_kit.cli import app
from tests.records import TEST_GROUP

DRAFT = TEST_GROUP.replace("status: final", "status: draft")


def test_a_draft_release_warns_that_every_page_says_draft(tmp_path):
    record = tmp_path / "draft.yaml"
    record.write_text(DRAFT, encoding="utf-8")
    output = tmp_path / "draft.release.docx"
    result = CliRunner().invoke(app, ["release", str(record), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "warning: the record is a draft (meeting.status: draft)" in result.output
    header = " ".join(p.text for s in Document(output).sections for p in s.header.paragraphs)
    assert "DRAFT" in header


def test_a_strict_release_of_a_draft_is_refused(tmp_path):
    record = tmp_path / "draft.yaml"
    record.write_text(DRAFT, encoding="utf-8")
    output = tmp_path / "draft.release.docx"
    result = CliRunner().invoke(app, ["release", str(record), "-o", str(output), "--strict"])
    assert result.exit_code == 1
    assert "is a draft (meeting.status: draft): set its status to final" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.yaml"]


def test_a_final_record_releases_without_the_draft_warning(tmp_path):
    record = tmp_path / "final.yaml"
    record.write_text(TEST_GROUP, encoding="utf-8")
    result = CliRunner().invoke(app, ["release", str(record), "-o", str(tmp_path / "final.release.docx"), "--strict"])
    assert result.exit_code == 0, result.output
    assert "draft" not in result.output.lower()
