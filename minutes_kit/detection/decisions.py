"""The reviewer's decisions on findings: ``RECORD.decisions.yaml`` beside the record (or
``DOC.decisions.yaml`` beside a Word document, in the same format).

The file is written by `minutes scan` and edited by hand. For each finding a
reviewer writes ``decision: redact`` (under ``code``, the suggested one unless
changed) or ``decision: keep`` with a ``reason`` in their own words (``not personal
data``, ``disclosable``, ``in the public domain``, ``consent`` are suggested), and who decided
(``by``) and when (``on``). A scan adds new
findings as undecided and never drops a decision: one whose text no longer
occurs is kept, marked ``stale: true``. Undecided findings that no longer
occur are dropped, as there is nothing to keep.

The file also holds the SHA-256 of the record text (or document) it was scanned from. While
it matches, a release uses the stored findings and never loads spaCy.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import yaml
from pydantic import Field, StringConstraints, field_validator, model_validator

from minutes_kit.detection import DECISIONS_SUFFIX
from minutes_kit.detection.spans import SUGGESTED_CODE, finding_key
from minutes_kit.errors import DecisionsInvalid
from minutes_kit.files import atomic_output, file_sha256
from minutes_kit.record.base import StrictModel, Text
from minutes_kit.record.exemptions import Exemption, load_catalogue
from minutes_kit.record.model import MeetingRecord
from minutes_kit.validation import Report, validate_document

if TYPE_CHECKING:
    from minutes_kit.detection.scan import Finding

NUMBER_LIKE = re.compile(r"^[\d\s+().:-]+$")
HEADER = """\
# Personal data that `minutes scan` found in {name} and nobody marked.
# For each finding, write a decision and who made it, then run `minutes release`:
#   decision: redact          withheld under `code` (the suggested code unless you change it)
#   decision: keep            with a reason in your words, for example
#                             reason: not personal data   reason: disclosable
#                             reason: in the public domain   reason: consent given by the person on 3 March
#   by: your name             on: YYYY-MM-DD
# Undecided findings are withheld under their suggested code, with a warning;
# `minutes release --strict` refuses to release while any is undecided.
# `minutes scan` adds new findings and never removes a decision; a decision whose
# text no longer occurs is kept and marked `stale: true`.
"""


class Decision(str, Enum):
    UNDECIDED = "undecided"
    REDACT = "redact"
    KEEP = "keep"


SUGGESTED_KEEP_REASONS = ("not personal data", "disclosable", "in the public domain", "consent")
"""What most kept findings give as their reason; any words of the reviewer's are accepted."""
KEEP_REASON_LIMIT = 300
"""The most characters a reason may have: a sentence, not a pasted document."""

KeepReason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=KEEP_REASON_LIMIT)]


def _quoted(words: tuple[str, ...]) -> str:
    """``'a', 'b' or 'c'``."""
    return ", ".join(f"'{word}'" for word in words[:-1]) + f" or '{words[-1]}'"


class DecisionEntry(StrictModel):
    text: Text = Field(description="The text found, exactly as it is withheld.")
    category: Literal["PERSON", "EMAIL", "PHONE", "NI_NUMBER", "NHS_NUMBER", "POSTCODE"]
    found_in: list[Text] = Field(default_factory=list, description="Paragraph references or fields where it occurs.")
    confidence: float = Field(ge=0, le=1)
    suggested: Text = SUGGESTED_CODE
    decision: Decision = Decision.UNDECIDED
    code: Text | None = Field(None, description="With redact: the exemption code, if not the suggested one.")
    reason: KeepReason | None = Field(
        None, description=f"With keep: why it stays, in the reviewer's words: {_quoted(SUGGESTED_KEEP_REASONS)}, "
                          "or a sentence such as 'consent given by the person on 3 March'.")
    by: Text | None = Field(None, description="Who decided.")
    on: dt.date | None = Field(None, description="When, YYYY-MM-DD.")
    stale: bool = Field(False, description="True when the text no longer occurs in the record.")

    @field_validator("code", "suggested")
    @classmethod
    def _known_code(cls, code: str | None) -> str | None:
        if code is not None:
            load_catalogue().lookup(code)  # UnknownExemption is a ValueError: reported at the code's line
        return code

    @model_validator(mode="after")
    def _complete(self) -> DecisionEntry:
        if self.decision is Decision.KEEP and self.reason is None:
            raise ValueError(f"a kept finding needs its reason, for example {_quoted(SUGGESTED_KEEP_REASONS)}")
        if self.decision is not Decision.UNDECIDED and (self.by is None or self.on is None):
            raise ValueError("a decision needs who made it (by) and when (on, YYYY-MM-DD)")
        if self.decision is not Decision.REDACT and self.code is not None:
            raise ValueError("code is given only with 'decision: redact'")
        return self

    @property
    def written_code(self) -> str:
        return self.code or self.suggested

    def describe(self) -> str:
        return f"{', '.join(self.found_in) or 'no longer found'}: '{self.text}' ({self.category})"


class DecisionsFile(StrictModel):
    """A reviewer's decisions on the findings of `minutes scan`, beside the record or document scanned."""

    record_sha256: Text = Field(
        pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file scanned: while it matches, a release uses these findings.")
    findings: list[DecisionEntry] = Field(default_factory=list, description="One entry per distinct text found.")


def decisions_path(record_path: Path) -> Path:
    return Path(record_path).with_suffix(DECISIONS_SUFFIX)


def record_digest(record_path: Path) -> str:
    return file_sha256(record_path)


def load_decisions(path: Path) -> DecisionsFile:
    """The decisions in `path`, or `DecisionsInvalid` listing every problem with its line."""
    report, decisions = validate_decisions(path)
    if decisions is None or report.failed():
        raise DecisionsInvalid(report)
    return decisions


def validate_decisions(path: Path) -> tuple[Report, DecisionsFile | None]:
    """Every problem of a decisions file, each with its line (`minutes validate` shows them)."""
    report, decisions = validate_document(path, DecisionsFile)
    if decisions is not None:
        seen: dict[tuple[str, str], int] = {}
        for index, entry in enumerate(decisions.findings):
            key = finding_key(entry.text, entry.category)
            if key in seen:
                report.error(("findings", index, "text"), f"'{entry.text}' is already decided in finding {seen[key] + 1}")
            seen.setdefault(key, index)
    return report, decisions


def merge(findings: list[Finding], previous: DecisionsFile | None, digest: str) -> DecisionsFile:
    """`findings` from a new scan, each with its earlier decision, highest confidence first; earlier
    decisions no longer found kept as stale, last."""
    earlier = {finding_key(entry.text, entry.category): entry for entry in (previous.findings if previous else [])}
    entries = []
    for finding in findings:
        found = {"found_in": finding.found_in, "confidence": round(finding.confidence, 2), "stale": False}
        entry = earlier.pop(finding.key, None)
        entries.append(entry.model_copy(update=found) if entry else DecisionEntry(
            text=finding.text, category=finding.category, suggested=finding.code, **found))
    # The likely ones first: a reviewer reads from the top (in text order where confidence is equal).
    entries.sort(key=lambda entry: -entry.confidence)
    entries += [entry.model_copy(update={"stale": True, "found_in": []})
                for entry in earlier.values() if entry.decision is not Decision.UNDECIDED]
    return DecisionsFile(record_sha256=digest, findings=entries)


def scan_and_merge(record: MeetingRecord, record_path: Path) -> DecisionsFile:
    """Scan the record and carry over every decision already in its decisions file."""
    from minutes_kit.detection.scan import scan_record

    path = decisions_path(record_path)
    previous = load_decisions(path) if path.exists() else None
    return merge(scan_record(record), previous, record_digest(record_path))


class _Dumper(yaml.SafeDumper):
    """Quotes text a reader would take for a number or a date ("9434765919"), so it reads back as text."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style='"' if NUMBER_LIKE.match(value) else None))


def write_decisions(decisions: DecisionsFile, record_path: Path) -> Path:
    path = decisions_path(record_path)
    entries = []
    for entry in decisions.findings:
        data = entry.model_dump(mode="json", exclude_none=True)
        if not entry.stale:
            data.pop("stale")
        entries.append(yaml.dump([data], Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                                 default_flow_style=None))
    text = HEADER.format(name=Path(record_path).name) + f"record_sha256: {decisions.record_sha256}\n"
    text += "findings:" + (" []\n" if not entries else "\n" + "\n".join(entries))
    with atomic_output(path, [record_path]) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return path


class Withheld:
    """What a release withholds from the findings, and the findings nobody has decided."""

    def __init__(self, decisions: DecisionsFile, current: bool):
        catalogue = load_catalogue()
        self.current = current
        """False when the decisions file was missing or stale and the record was scanned again."""
        self.undecided = [entry for entry in decisions.findings if entry.decision is Decision.UNDECIDED]
        self.needles: list[tuple[str, Exemption]] = [
            (entry.text, catalogue.lookup(entry.written_code))
            for entry in decisions.findings if entry.decision is not Decision.KEEP
        ]


def withheld_findings(record: MeetingRecord, record_path: Path) -> Withheld:
    """The decided and undecided findings of a record: from its decisions file while that is
    current, else (loading spaCy) from a fresh scan merged with the decisions it holds."""
    path = decisions_path(record_path)
    previous = load_decisions(path) if path.exists() else None
    digest = record_digest(record_path)
    if previous is not None and previous.record_sha256 == digest:
        return Withheld(previous, current=True)
    from minutes_kit.detection.scan import scan_record  # the finders, and spaCy, only when the file is out of date

    return Withheld(merge(scan_record(record), previous, digest), current=False)
