"""PDF output through LibreOffice headless, the client our users' documents meet.

Every PDF the toolkit writes comes from here, tagged for accessibility: the Public Sector Bodies
Accessibility Regulations 2018 ask for documents that meet WCAG 2.2 AA, and GOV.UK's publishing
guidance for PDFs that are tagged, with a title, a language and real headings. LibreOffice takes
the title from the document's core properties and the language from its default style.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from minutes_kit.errors import OfficeUnavailable
from minutes_kit.files import atomic_output

INSTALL_HINT = "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer) or leave out --pdf"
CONVERSION_TIMEOUT_SECONDS = 300

PDF_EXPORT_OPTIONS: dict[str, bool] = {
    # A structure tree (headings, paragraphs, tables with their header cells, figures with their
    # alternative text) and /MarkInfo /Marked true: what screen readers read.
    "UseTaggedPDF": True,
    # PDF/UA-1 mode: the PDF/UA identifier in the XMP metadata, the title shown in the window's
    # title bar instead of the file name (/ViewerPreferences /DisplayDocTitle), the tagging above.
    "PDFUACompliance": True,
    "DisplayPDFDocumentTitle": True,
    # Bookmarks from the headings, so a reader can move through the document by them.
    "ExportBookmarks": True,
}
"""writer_pdf_Export options, passed to LibreOffice (7.4 and later) as JSON on the command line."""


def pdf_filter() -> str:
    """The `--convert-to` argument: the PDF export filter with `PDF_EXPORT_OPTIONS`."""
    options = {name: {"type": "boolean", "value": "true" if value else "false"}
               for name, value in PDF_EXPORT_OPTIONS.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def find_office() -> str | None:
    """The LibreOffice program, from $MINUTES_SOFFICE or the PATH."""
    return os.environ.get("MINUTES_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def layout_unavailable() -> str | None:
    """Why documents cannot be laid out into pages here, or None when they can."""
    if find_office() is None:
        return "LibreOffice, which lays the document out, is not installed"
    if shutil.which("pdftotext") is None:
        return "pdftotext (poppler-utils), which reads the pages, is not installed"
    return None


def convert_to_pdf(document: Path, pdf: Path, inputs: Iterable[Path] = ()) -> None:
    """Convert `document` to a tagged `pdf` with LibreOffice, atomically."""
    office = find_office()
    if office is None:
        raise OfficeUnavailable(f"LibreOffice is not installed, so no PDF can be written; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="minutes-pdf-") as work:
        # A private profile lets conversions run while the user has LibreOffice open.
        profile = Path(work, "profile").as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", pdf_filter(), "--outdir", work, str(document)]
        try:
            finished = subprocess.run(command, capture_output=True, text=True,
                                      timeout=CONVERSION_TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OfficeUnavailable(f"LibreOffice could not convert {document}: {exc}") from exc
        produced = Path(work, Path(document).stem + ".pdf")
        if not produced.is_file():
            detail = (finished.stderr or finished.stdout).strip() or f"exit code {finished.returncode}"
            raise OfficeUnavailable(f"LibreOffice could not convert {document}: {detail}")
        with atomic_output(pdf, [document, *inputs]) as temporary:
            shutil.copyfile(produced, temporary)


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, through pdftotext (poppler-utils): where a redaction or a
    finding is, page by page."""
    program = shutil.which("pdftotext")
    if program is None:
        raise OfficeUnavailable("pdftotext is needed to read the pages of a PDF; install poppler-utils "
                                "(Debian/Ubuntu: sudo apt-get install poppler-utils)")
    result = subprocess.run([program, "-raw", str(path), "-"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise OfficeUnavailable(f"pdftotext could not read {path}: {result.stderr.strip()}")
    return result.stdout.split("\f")
