"""`minutes validate` and `minutes render` load only what they use: each runs in a fresh
interpreter, and the heavy libraries of other commands (spaCy for scans, openpyxl for
workbooks, icalendar for calendars, holidays for FOI deadlines, the LibreOffice machinery
and the PDF reader for PDFs) must not be among its modules when it has finished."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "contract-performance-group.yaml"
NOT_NEEDED = ("spacy", "openpyxl", "icalendar", "holidays", "xmlrpc.client",
              "minutes_kit.rendering.accessibility.pdf_reader")


def modules_after(arguments: list[str]) -> set[str]:
    """The modules a fresh interpreter holds after running `minutes ARGUMENTS`."""
    probe = (
        "import sys; from minutes_kit.cli import app\n"
        "try:\n"
        f"    app({arguments!r}, standalone_mode=False)\n"
        "finally:\n"
        "    print('\\n'.join(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("command", ["validate", "render"])
def test_validate_and_render_load_nothing_they_do_not_use(command: str, tmp_path: Path) -> None:
    arguments = [command, str(SAMPLE)] + (["-o", str(tmp_path / "minutes.docx")] if command == "render" else [])
    modules = modules_after(arguments)
    if command == "render":
        assert (tmp_path / "minutes.docx").is_file()  # the command ran to the end
        assert "docxtpl" in modules  # the probe sees what a command imports
    loaded = [name for name in NOT_NEEDED if name in modules]
    assert loaded == [], f"`minutes {command}` imported {', '.join(loaded)}"
