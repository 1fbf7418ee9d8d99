"""Accessibility checks of the documents the toolkit writes (or any .docx or PDF).

The Public Sector Bodies Accessibility Regulations 2018 ask for WCAG 2.2 AA; GOV.UK's publishing
guidance for documents with a title, a language, real headings, tables with header rows and
images with alt text, and for PDFs that are tagged. `check_accessibility` reports each failure
as a `Finding`; the command `minutes check-accessibility` prints them, and `render` and
`release` warn with them about their own outputs.

A PDF is read by a small reader of its own (`pdf_reader`), so the check needs neither pikepdf
nor poppler; the tests read PDFs with pikepdf and compare.
"""

from __future__ import annotations

from pathlib import Path

from minutes_kit.errors import InputUnreadable
from minutes_kit.rendering.accessibility.docx_checks import check_docx
from minutes_kit.rendering.accessibility.findings import Finding

__all__ = ["Finding", "check_accessibility", "check_docx", "document_kind"]

PDF_HEADER_WINDOW = 1024
"""The PDF header may follow up to this many bytes of other data (ISO 32000-1, annex H)."""
ZIP_SIGNATURE = b"PK\x03\x04"


def document_kind(path: Path) -> str:
    """"pdf" or "docx", from the file's content rather than its name."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(PDF_HEADER_WINDOW)
    except OSError as exc:
        raise InputUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(ZIP_SIGNATURE):
        return "docx"
    raise InputUnreadable(f"{path} is neither a Word document (.docx) nor a PDF, so its accessibility "
                          "cannot be checked")


def check_accessibility(path: Path) -> list[Finding]:
    """Every accessibility finding in the Word document or PDF at `path`, in document order after
    the document-wide ones (tagging, language, title)."""
    path = Path(path)
    if document_kind(path) == "pdf":
        # The PDF reader is imported only for a PDF: checking a Word document is what `render` does.
        from minutes_kit.rendering.accessibility.pdf_checks import check_pdf

        return check_pdf(path)
    return check_docx(path)
