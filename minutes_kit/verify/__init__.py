"""The independent leak check: proof that a saved release holds none of the withheld text.

The release's sweep removes withheld text from the parts of a Word document it knows. This is
a second, deliberately different implementation that reads the saved file as a stranger would:
every zip entry, whatever its name, through the guarded zip reader; XML, raw bytes in several
encodings, PNG text and embedded zips; matched word by word rather than by regular expression.
It shares only the canonical folding with the rest of the toolkit and imports nothing from the
release, the Word model, detection or rendering, so that a part or a spelling they miss is not
missed here too for the same reason.

A PDF is read twice over: its pages' text through pdftotext, and every other text its bytes
hold (document information, XMP metadata, bookmarks, the structure tree's alternative text,
annotations, form fields), strings and streams alike, by `verify.pdf`.
"""

from __future__ import annotations

import shutil
import subprocess
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate, chain
from pathlib import Path

from minutes_kit.errors import InputUnreadable, VerifyUnavailable
from minutes_kit.text.folding import fold
from minutes_kit.verify.extract import SEPARATOR, Extraction, Paragraphs, read_file
from minutes_kit.verify.pdf import pdf_extractions, read_pdf
from minutes_kit.verify.redactions import STORY_PART, count_redactions
from minutes_kit.verify.search import NeedleIndex

__all__ = ["Hit", "check_docx", "check_file", "check_pdf"]

WITHHELD_TEXT = "withheld text"
PRIVATE_USE_MARK = "private-use mark"
UNSCHEDULED_REDACTION = "redaction without a schedule row"
# What a release writes while it redacts and replaces before saving: left behind, they show the
# sweep stopped half-way.
MARKS = ("\ue000", "\ue001")
PDF_SIGNATURE = b"%PDF"
PDF_PAGE_BREAK = "\f"
PDF_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class Hit:
    """Something in the saved file that must not be released, and where a person would find it."""

    part: str
    location: str
    code: str
    needle: str
    kind: str = WITHHELD_TEXT

    def describe(self, show: bool = False) -> str:
        """One line for the user; the withheld text itself only when `show` is asked for, since
        the message may go where the text must not."""
        if self.kind == WITHHELD_TEXT:
            found = f"text withheld under {self.code}" + (f" ('{self.needle}')" if show else "")
        elif self.kind == PRIVATE_USE_MARK:
            found = f"a private-use mark (U+{ord(self.needle):04X}) left by an unfinished redaction"
        else:
            found = self.kind
        return f"{self.part}, {self.location}: {found}"


def check_docx(path: Path, needles: Mapping[str, str], *, schedule_rows: int | None = None,
               codes: Iterable[str] = ()) -> list[Hit]:
    """Every place in the zip package at `path` that holds a withheld string (`needles` maps each,
    as written, to its exemption code) or a private-use mark; and, when `schedule_rows` is given,
    a hit if more redactions marked with one of `codes` (or a needle's code) are visible than
    the schedule has rows."""
    package, extractions = read_file(path, str(path), keep=STORY_PART)
    hits = _search(extractions, NeedleIndex(needles))
    if schedule_rows is not None:
        main, count = count_redactions(package, {*codes, *needles.values()})
        if count > schedule_rows:
            hits.append(Hit(main, f"{_redactions(count)} in the document, {schedule_rows} in the schedule",
                            "", "", UNSCHEDULED_REDACTION))
    return hits


def check_pdf(path: Path, needles: Mapping[str, str]) -> list[Hit]:
    """Every place in the PDF at `path` that holds a withheld string or a private-use mark: each
    page's text (as pdftotext reads it), then, as part "PDF", every other text the file holds
    (document information, XMP metadata, bookmarks, structure tree, annotations, form fields:
    see `verify.pdf`). A file over `MAX_PDF_SIZE`, or one whose streams decode past their
    bounds, is refused (`ArchiveUnsafe`); an encrypted one cannot be checked (`VerifyUnavailable`)."""
    data = read_pdf(path)
    pages = _pdf_text(path).split(PDF_PAGE_BREAK)
    page_texts = (Extraction(f"PDF page {number}", "text", page) for number, page in enumerate(pages, start=1))
    return _search(chain(page_texts, pdf_extractions(data, str(path))), NeedleIndex(needles), across_parts=True)


def check_file(path: Path, needles: Mapping[str, str], *, schedule_rows: int | None = None,
               codes: Iterable[str] = ()) -> list[Hit]:
    """`check_pdf` for a PDF, `check_docx` for anything else: told apart by what the file holds,
    not by its name. A PDF has no schedule count: its redactions are the Word document's."""
    try:
        with open(path, "rb") as file:
            opening = file.read(len(PDF_SIGNATURE))
    except OSError as exc:
        raise InputUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
    if opening == PDF_SIGNATURE:
        return check_pdf(path, needles)
    return check_docx(path, needles, schedule_rows=schedule_rows, codes=codes)


def _redactions(count: int) -> str:
    return f"{count} redaction{'' if count == 1 else 's'}"


def _search(extractions: Iterable[Extraction | Paragraphs], index: NeedleIndex, *,
            across_parts: bool = False) -> list[Hit]:
    """Each (part, location, needle) once; a catch-all reading of a part only adds what the precise
    readings of that part (of any part, `across_parts`: a PDF's pages and the rest of the file
    are one text) did not already find."""
    hits: dict[tuple[str, str, str], Hit] = {}
    found_in_part: set[tuple[str, str]] = set()
    for extraction in extractions:
        fallback = isinstance(extraction, Extraction) and extraction.fallback
        for hit in _hits(extraction, index):
            scope = "" if across_parts else hit.part
            if fallback and (scope, hit.needle) in found_in_part:
                continue
            found_in_part.add((scope, hit.needle))
            hits.setdefault((hit.part, hit.location, hit.needle), hit)
    return list(hits.values())


def _hits(extraction: Extraction | Paragraphs, index: NeedleIndex) -> Iterator[Hit]:
    """What one extraction holds, each hit named by the narrowest reading that shows it."""
    if isinstance(extraction, Paragraphs):
        yield from _paragraph_hits(extraction, index)
        return
    hits = _text_hits(extraction, index)
    if extraction.narrower is None:
        yield from hits
    elif next(hits, None) is not None:
        for narrower in extraction.narrower():
            yield from _hits(narrower, index)


def _text_hits(extraction: Extraction, index: NeedleIndex) -> Iterator[Hit]:
    part, location = extraction.part, extraction.location
    for needle in index.find(extraction.text, bare_numbers=extraction.bare_numbers):
        yield Hit(part, location, needle.code, needle.written)
    if extraction.marks_meaningful:
        for mark in MARKS:
            if mark in extraction.text:
                yield Hit(part, location, "", mark, PRIVATE_USE_MARK)


def _paragraph_hits(extraction: Paragraphs, index: NeedleIndex) -> Iterator[Hit]:
    """What each paragraph holds, in paragraph order, found by one search of all of them joined
    by the separator: NUL, which folding keeps as it is and makes of nothing else, and which is
    neither a letter, a digit nor a space, so that no word runs on from one paragraph into the
    next and each folds as it would alone. A match that would cross from one paragraph into
    another all the same is not one."""
    paragraphs = extraction.paragraphs
    if not paragraphs:
        return iter(())
    haystack = fold(SEPARATOR.join(paragraph.text for paragraph in paragraphs))
    folded = haystack.split(SEPARATOR)
    if len(folded) != len(paragraphs):  # a paragraph holds the separator itself (XML allows none)
        folded = [fold(paragraph.text) for paragraph in paragraphs]
        haystack = SEPARATOR.join(folded)
    starts = list(accumulate((len(text) + len(SEPARATOR) for text in folded[:-1]), initial=0))
    found: dict[tuple[int, int, str], Hit] = {}
    for start, needle in index.occurrences(haystack):
        number = bisect_right(starts, start) - 1
        if start + len(needle.folded) <= starts[number] + len(folded[number]):
            found.setdefault((number, 0, needle.folded),
                             Hit(extraction.part, paragraphs[number].location, needle.code, needle.written))
    for mark in MARKS:
        for number, paragraph in enumerate(paragraphs):
            if mark in paragraph.text:
                found[number, 1, mark] = Hit(extraction.part, paragraph.location, "", mark, PRIVATE_USE_MARK)
    # As a search of one paragraph after another would find them.
    return (found[place] for place in sorted(found, key=lambda place: place[:2]))


def _pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext lays it out, pages separated by form feeds."""
    program = shutil.which("pdftotext")
    if program is None:
        raise VerifyUnavailable(f"cannot check {path}: pdftotext is needed to read a PDF; "
                                "install poppler-utils (apt install poppler-utils)")
    try:
        result = subprocess.run([program, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                                timeout=PDF_TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise VerifyUnavailable(f"cannot check {path}: pdftotext took more than {PDF_TIMEOUT_SECONDS} "
                                "seconds to read it") from exc
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", errors="replace").strip()
        raise VerifyUnavailable(f"cannot check {path}: pdftotext could not read it ({reason}); "
                                "check that it is a complete PDF")
    return result.stdout.decode("utf-8", errors="replace")
