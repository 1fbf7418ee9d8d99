"""`minutes foi-pack`: every document released, the combined schedule, the letter and a manifest."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from minutes_kit.cli import app
from tests.foi.conftest import RECORD, REQUEST

PACK_REQUEST = REQUEST.replace("releases:\n  - ../out/group.release.audit.json\n",
                               "documents:\n  - group.yaml\n  - report.docx\n")


def _report(path: Path, text: str) -> Path:
    document = docx.Document()
    document.add_heading("Quarterly report", level=1)
    document.add_paragraph(text)
    document.save(path)
    return path


@pytest.fixture
def pack(tmp_path) -> tuple[Path, object]:
    (tmp_path / "group.yaml").write_text(RECORD, encoding="utf-8")
    # The report names Ann Bishop, whom the minutes withhold; nobody scanned the report.
    _report(tmp_path / "report.docx", "Ann Bishop presented the quarterly figures to the board.")
    request = tmp_path / "request.yaml"
    request.write_text(PACK_REQUEST, encoding="utf-8")
    result = CliRunner().invoke(app, ["foi-pack", str(request), "-o", str(tmp_path / "pack"), "--by", "FOI Team"])
    return tmp_path, result


def test_the_pack_holds_each_release_the_schedule_the_letter_and_the_manifest(pack):
    folder, result = pack
    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in (folder / "pack").iterdir())
    assert written == ["group.release.audit.json", "group.release.docx", "group.release.redactions.csv",
                       "manifest.json", "report.release.audit.json", "report.release.docx",
                       "report.release.redactions.csv", "response.docx", "schedule.csv"]
    rows = list(csv.DictReader((folder / "pack" / "schedule.csv").open(encoding="utf-8")))
    assert {row["document"] for row in rows} == {"group.yaml"}
    letter = "\n".join(p.text for p in docx.Document(folder / "pack" / "response.docx").paragraphs)
    assert "Please send me the minutes of the Test Group held in 2026." in letter


def test_the_manifest_hashes_match_the_files(pack):
    folder, result = pack
    assert result.exit_code == 0, result.output
    manifest = json.loads((folder / "pack" / "manifest.json").read_text(encoding="utf-8"))
    # Outputs are named as they lie beside the manifest; inputs as their paths were given.
    listed = manifest["inputs"] + [{**entry, "path": folder / "pack" / entry["path"]} for entry in manifest["outputs"]]
    assert sorted(entry["path"] for entry in manifest["outputs"]) == sorted(
        path.name for path in (folder / "pack").iterdir() if path.name != "manifest.json")
    for entry in listed:
        assert hashlib.sha256(Path(entry["path"]).read_bytes()).hexdigest() == entry["sha256"], entry["path"]
    assert {Path(entry["path"]).name for entry in manifest["inputs"]} == {"request.yaml", "group.yaml", "report.docx"}
    assert manifest["toolkit"] == "minutes-kit" and manifest["version"]
    assert set(manifest["leak_check"].values()) == {"passed"}
    assert manifest["letter"] == {"received": "2026-12-18", "sent": "2027-01-14", "due": "2027-01-21", "late": False}


def test_text_withheld_in_one_document_and_disclosed_in_another_is_flagged(pack):
    folder, result = pack
    assert result.exit_code == 0, result.output
    assert "warning: withheld in group.yaml but disclosed in report.docx" in result.output
    assert "text withheld under S40(2)" in result.output
    assert "Ann Bishop" not in result.output  # the warning says where, never what
    manifest = json.loads((folder / "pack" / "manifest.json").read_text(encoding="utf-8"))
    [flagged] = manifest["withheld_in_one_disclosed_in_another"]
    assert flagged.startswith("withheld in group.yaml but disclosed in report.docx: word/document.xml")


def test_a_pack_whose_documents_agree_has_no_warning(tmp_path):
    (tmp_path / "group.yaml").write_text(RECORD, encoding="utf-8")
    _report(tmp_path / "report.docx", "The board received the quarterly figures.")
    request = tmp_path / "request.yaml"
    request.write_text(PACK_REQUEST, encoding="utf-8")
    result = CliRunner().invoke(app, ["foi-pack", str(request), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    assert "disclosed in" not in result.output


def test_a_missing_document_is_named_with_its_line(tmp_path):
    request = tmp_path / "request.yaml"
    request.write_text(PACK_REQUEST, encoding="utf-8")
    (tmp_path / "group.yaml").write_text(RECORD, encoding="utf-8")
    result = CliRunner().invoke(app, ["foi-pack", str(request), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 1
    line = PACK_REQUEST.splitlines().index("  - report.docx") + 1
    assert f"request.yaml:{line}" in result.output and "there is no record or document at" in result.output
    assert not (tmp_path / "pack").exists()
