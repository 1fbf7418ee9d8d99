"""Shared fixtures: the sample record, its rendering, and LibreOffice when a test needs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutes_kit.rendering import render_minutes
from minutes_kit.rendering.pdf import convert_to_pdf, find_office
from minutes_kit.validation import load_record

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "contract-performance-group.yaml"

# Laying a release out for its pages takes LibreOffice a second or two; the tests of pages ask
# for them (`pages=True`, `--pages`), every other release is made without.
os.environ["MINUTES_PAGES"] = "off"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def imports_spacy(arguments: list[str]) -> bool:
    """Whether running `minutes ARGUMENTS` in a fresh interpreter imports spaCy."""
    probe = (
        "import sys; from minutes_kit.cli import app\n"
        f"app({arguments!r}, standalone_mode=False)\n"
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.strip().endswith("True")


def _require(what: str, found: bool) -> None:
    if found:
        return
    if os.environ.get("MINUTES_REQUIRE_OFFICE") == "1":
        pytest.fail(f"{what} is required (MINUTES_REQUIRE_OFFICE=1) but is not installed")
    pytest.skip(f"{what} is not installed; install it to run this test (Debian: libreoffice-writer poppler-utils)")


@pytest.fixture(scope="session")
def office() -> str:
    """LibreOffice and pdftotext, or a skip (a failure under MINUTES_REQUIRE_OFFICE=1)."""
    office = find_office()
    _require("LibreOffice (soffice)", office is not None)
    _require("pdftotext (poppler-utils)", shutil.which("pdftotext") is not None)
    return office


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of `pdf`, as pdftotext lays it out."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def title_block(document) -> dict[str, list[str]]:
    """The minutes' title block as a reader meets it: each label ("Chair:", "Date:S38") with the
    lines of its value. The block is labelled lines (style Meeting Details), "Label:<tab>value",
    further values of a list on lines of their own."""
    block: dict[str, list[str]] = {}
    label = ""
    for paragraph in document.paragraphs:
        if paragraph.style.name != "Meeting Details":
            continue
        head, _, value = paragraph.text.partition("\t")
        if head.strip():
            label = head.strip()
            block[label] = []
        block.setdefault(label, []).append(value)
    return block


@pytest.fixture(scope="session")
def sample_record():
    return load_record(SAMPLE)


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory, sample_record) -> Path:
    output = tmp_path_factory.mktemp("sample") / "minutes.docx"
    render_minutes(sample_record, output, inputs=(SAMPLE,))
    return output


@pytest.fixture(scope="session")
def sample_pdf_pages(office, sample_docx) -> list[str]:
    pdf = sample_docx.with_suffix(".pdf")
    convert_to_pdf(sample_docx, pdf)
    return pdf_pages(pdf)


def logging_office(tmp_path: Path, office: str) -> tuple[Path, Path]:
    """A soffice that writes a line to a log each time it is started, then runs the real one:
    how a test counts the LibreOffice processes a command starts."""
    log = tmp_path / "soffice.log"
    script = tmp_path / "soffice-logged"
    script.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{office}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return script, log
