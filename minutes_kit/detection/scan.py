"""Scanning a record: every free-text field, as the minutes will print it, for personal data
nobody marked.

The text scanned is the text the reader will see: ``@key`` becomes the
person's name (a registry person, decided by the registry) and a marked span
``[[S43: ...]]`` its text, though nothing inside a marked span is reported,
since someone has already decided it. Registry people (and their email
addresses) are not findings either: the release withholds them, or not when
they are `disclosable`, by the registry's own rules. Nor are the record's teams,
by ``@key`` or by name: a team is never personal data, so its name is never
offered as a person. What is left needs a reviewer's decision.

Findings are grouped by their text: the release withholds a string wherever
it occurs, so one decision covers every place it is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutes_kit.detection.detect import find_personal_data
from minutes_kit.detection.people import Registry
from minutes_kit.detection.spans import SUGGESTED_CODE, Span, finding_key
from minutes_kit.record.markup import Marked, PersonMention, segments
from minutes_kit.record.model import MeetingRecord
from minutes_kit.record.source import FieldPath
from minutes_kit.record.texts import paragraph_reference, record_texts
from minutes_kit.validation.problems import describe_path


HEADINGS = frozenset({"title", "name", "location", "counted"})
"""Fields written in title case, searched by rule only (see `ner.find_people`)."""


@dataclass
class Finding:
    text: str
    category: str
    confidence: float
    found_in: list[str] = field(default_factory=list)
    """Where it occurs: paragraph references ("3.2", "3.2 action 1") or the field's path."""
    code: str = SUGGESTED_CODE

    @property
    def key(self) -> tuple[str, str]:
        return finding_key(self.text, self.category)


@dataclass(frozen=True)
class _Shown:
    """A field's text as printed, with the spans whose findings are already decided."""

    text: str
    decided: list[Span]


def scan_record(record: MeetingRecord) -> list[Finding]:
    """The personal data in the record's free text that neither a mark nor the registry decides, in order."""
    team_names = _team_names(record)
    fields = [(path, _shown(record, raw, team_names)) for path, raw in record_texts(record)]
    registry = Registry({key: person.name for key, person in record.people.items()},
                        {key: person.name for key, person in record.people.items() if not person.disclosable})
    found = find_personal_data([shown.text for _, shown in fields], [registry] * len(fields),
                               [path[-1] not in HEADINGS for path, _ in fields])
    known_addresses = _known_addresses(record)
    findings: dict[tuple[str, str], Finding] = {}
    for (path, shown), spans in zip(fields, found):
        for span in spans:
            text = shown.text[span.start:span.end]
            if span.person is not None or text.casefold() in known_addresses or \
                    any(span.overlaps(decided) for decided in shown.decided):
                continue
            finding = findings.setdefault(finding_key(text, span.category), Finding(text, span.category, span.confidence))
            finding.confidence = max(finding.confidence, span.confidence)
            where = location(path)
            if where not in finding.found_in:
                finding.found_in.append(where)
    return list(findings.values())


def _known_addresses(record: MeetingRecord) -> set[str]:
    """Registry people's email addresses and the contact mailbox, which the release treats by its own rules."""
    addresses = {person.email for person in record.people.values() if person.email}
    if record.contact is not None and record.contact.email:
        addresses.add(record.contact.email)
    return {address.casefold() for address in addresses}


def _team_names(record: MeetingRecord) -> re.Pattern[str] | None:
    """The record's team names as whole words, in any case and spacing: the longest first."""
    names = sorted({team.name for team in record.teams.values()}, key=len, reverse=True)
    if not names:
        return None
    written = (r"\s+".join(re.escape(word) for word in name.split()) for name in names)
    return re.compile(rf"(?<!\w)(?:{'|'.join(written)})(?!\w)", re.IGNORECASE)


def _shown(record: MeetingRecord, raw: str, team_names: re.Pattern[str] | None) -> _Shown:
    pieces: list[str] = []
    decided: list[Span] = []
    length = 0
    for segment in segments(raw):
        if isinstance(segment, PersonMention):
            known = segment.key in record.people or segment.key in record.teams
            piece = record.name_of(segment.key) if known else f"@{segment.key}"
        else:
            piece = segment.text
        if isinstance(segment, (PersonMention, Marked)):
            decided.append(Span(length, length + len(piece), "DECIDED", 1.0))
        pieces.append(piece)
        length += len(piece)
    text = "".join(pieces)
    if team_names is not None:
        decided += [Span(match.start(), match.end(), "DECIDED", 1.0) for match in team_names.finditer(text)]
    return _Shown(text, decided)


def location(path: FieldPath) -> str:
    """Where a field prints: "3.2" for a paragraph, "3.2 action 1", "3 title"; else its path in the file."""
    match path:
        case ("items", int(item), "paragraphs", int(paragraph), *rest):
            reference = paragraph_reference(item, paragraph)
            if len(rest) >= 2 and rest[0] == "actions":
                return f"{reference} action {rest[1] + 1}"
            return reference
        case ("items", int(item), "title"):
            return f"{item + 1} title"
        case _:
            return describe_path(path)
