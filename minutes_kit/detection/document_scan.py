"""Scanning any Word document for personal data: every place of it that holds text
(`ooxml.places`), named as a person finds it in Word.

A document has no registry and no marks, so everything found is a finding. Every place but a
link target is read as prose (`TextPlace.is_prose`); a link by rule only (see `ner.find_people`),
where its email address is found. Findings are grouped by their text, as a record's are, and kept
in ``DOC.decisions.yaml`` beside the document, in the same format.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from minutes_kit.detection.decisions import DecisionsFile, decisions_path, load_decisions, merge, record_digest
from minutes_kit.detection.detect import find_personal_data
from minutes_kit.detection.people import Registry
from minutes_kit.detection.scan import Finding
from minutes_kit.detection.spans import finding_key
from minutes_kit.errors import ArchiveUnreadable
from minutes_kit.ooxml.kind import open_word_document
from minutes_kit.ooxml.places import TextPlace, text_places

NOBODY_KNOWN = Registry({})
"""A document names no people in advance: every person found is a finding."""


def scan_document(path: Path) -> list[Finding]:
    """The personal data in the Word document at `path`, grouped by text, in document order."""
    package = open_word_document(path)
    try:
        places = text_places(package)
    except etree.XMLSyntaxError as exc:
        raise ArchiveUnreadable(f"{path} is damaged: a part of it is not well-formed XML ({exc}); "
                                "open it in Word and save it again as .docx") from exc
    return scan_places(places)


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


def scan_and_merge_document(path: Path) -> DecisionsFile:
    """Scan the document and carry over every decision already in its decisions file."""
    previous_path = decisions_path(path)
    previous = load_decisions(previous_path) if previous_path.exists() else None
    return merge(scan_document(path), previous, record_digest(path))
