"""Scanning any Word document for personal data: every place of it that holds text
(`ooxml.places`), named as a person finds it in Word.

A document has no registry and no marks, so everything found is a finding. Every place but a
link target is read as prose (`TextPlace.is_prose`); a link by rule only (see `ner.find_people`),
where its email address is found. Findings are grouped by their text, as a record's are, and kept
in ``DOC.decisions.yaml`` beside the document, in the same format.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lxml import etree

from minutes_kit.detection.decisions import DecisionsFile, decisions_path, load_decisions, merge, record_digest
from minutes_kit.detection.detect import find_personal_data
from minutes_kit.detection.people import Registry
from minutes_kit.detection.scan import Finding
from minutes_kit.detection.spans import finding_key
from minutes_kit.errors import ArchiveUnreadable
from minutes_kit.ooxml.kind import open_word_document
from minutes_kit.ooxml.places import TEXT, TextPlace, text_places
from minutes_kit.text.folding import fold

PAGE_PROBE = 40
"""How much of a place's text is looked for on the pages: enough to tell paragraphs apart, short
enough to stay on the page where the place starts."""
BODY_PLACES = ("paragraph ", "table ", "text box ")
NOBODY_KNOWN = Registry({})
"""A document names no people in advance: every person found is a finding."""


def scan_document(path: Path, pages: list[str] | None = None) -> list[Finding]:
    """The personal data in the Word document at `path`, grouped by text, in document order; with
    `pages` (the text of each page of the document laid out), the body's places say their page."""
    package = open_word_document(path)
    try:
        places = text_places(package)
    except etree.XMLSyntaxError as exc:
        raise ArchiveUnreadable(f"{path} is damaged: a part of it is not well-formed XML ({exc}); "
                                "open it in Word and save it again as .docx") from exc
    return scan_places(with_pages(places, pages) if pages is not None else places)


def with_pages(places: list[TextPlace], pages: list[str]) -> list[TextPlace]:
    """The body's places named with the page each starts on ("paragraph 14 on page 3"), found by
    looking for the start of its text in the pages in order; headers, footers and notes, which
    stand on many pages or at their foot, and text not found on any page keep their name."""
    folded_pages = [fold(page) for page in pages]
    page, offset = 0, 0
    named = []
    for place in places:
        opening = fold(place.text).strip()[:PAGE_PROBE]
        found = _next_occurrence(folded_pages, opening, page, offset) if place.place.startswith(BODY_PLACES) \
            and place.kind == TEXT and opening else None
        if found is None:
            named.append(place)
            continue
        page, offset = found
        named.append(replace(place, place=f"{place.place} on page {page + 1}"))
    return named


def _next_occurrence(pages: list[str], text: str, page: int, offset: int) -> tuple[int, int] | None:
    """Where `text` next stands in `pages` from (page, offset), else from the start (tables and text
    boxes are not laid out in the order they are written), else None."""
    for first_page, first_offset in ((page, offset), (0, 0)):
        for index in range(first_page, len(pages)):
            at = pages[index].find(text, first_offset if index == first_page else 0)
            if at >= 0:
                return index, at + len(text)
    return None


def scan_places(places: list[TextPlace]) -> list[Finding]:
    """The personal data in `places`, one finding per distinct text, `found_in` naming its places."""
    found = find_personal_data([place.text for place in places], [NOBODY_KNOWN] * len(places),
                               [place.is_prose for place in places])
    findings: dict[tuple[str, str], Finding] = {}
    for place, spans in zip(places, found):
        for span in spans:
            text = place.text[span.start:span.end]
            finding = findings.setdefault(finding_key(text, span.category),
                                          Finding(text, span.category, span.confidence))
            finding.confidence = max(finding.confidence, span.confidence)
            if place.place not in finding.found_in:
                finding.found_in.append(place.place)
    return list(findings.values())


def scan_and_merge_document(path: Path, pages: list[str] | None = None) -> DecisionsFile:
    """Scan the document (with `pages`, naming the page of each place in its body) and carry over
    every decision already in its decisions file."""
    previous_path = decisions_path(path)
    previous = load_decisions(previous_path) if previous_path.exists() else None
    return merge(scan_document(path, pages), previous, record_digest(path))
