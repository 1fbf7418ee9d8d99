"""Typed errors raised by the library; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes_kit.validation.problems import Report


@dataclass(frozen=True)
class SourcePosition:
    path: Path
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class MinutesError(Exception):
    """Base of every error a user can cause and fix."""


class RecordSyntaxError(MinutesError):
    """The file is not valid YAML."""

    def __init__(self, position: SourcePosition, message: str):
        super().__init__(f"{position}: error: {message}")
        self.position = position
        self.message = message


class RecordInvalid(MinutesError):
    """The record was read but has problems; `report` lists all of them."""

    def __init__(self, report: Report):
        super().__init__(report.summary())
        self.report = report


class TemplateError(MinutesError):
    """A Word template cannot be used with the record."""


class OutputError(MinutesError):
    """An output cannot be written where it was asked for."""


class OfficeUnavailable(MinutesError):
    """LibreOffice is needed and not installed, or failed to convert."""


class InputUnreadable(MinutesError):
    """An input file does not exist or cannot be read."""


class SeriesInvalid(MinutesError):
    """A meeting series has problems; `reports` lists them, one report per file."""

    def __init__(self, reports: list[Report], summary: str):
        super().__init__(summary)
        self.reports = reports


class ModelUnavailable(MinutesError):
    """No spaCy model is installed for finding people's names."""


class UnknownExemption(MinutesError, ValueError):
    """A code that is not in the catalogue; the message names the closest known code. A ValueError
    too, so that the record model reports it at the code's line."""


class PolicyNotFound(MinutesError):
    """The policy named by the record, the command or an audit log does not exist."""


class BadInputLine(MinutesError):
    """An input line of `minutes scan --jsonl` is not the expected JSON object."""


class DecisionsInvalid(RecordInvalid):
    """A decisions file has problems; `report` lists all of them with their lines."""


class FindingsUndecided(MinutesError):
    """A strict release found personal data nobody has decided on."""


class ArchiveUnsafe(MinutesError):
    """A zip archive declares more entries, bytes or compression than a document plausibly needs
    (a zip bomb, or a file built to exhaust memory), so it is refused before it is read."""


class ArchiveUnreadable(MinutesError):
    """A file cannot be read as a zip archive: it is not one, it is corrupt, or it is encrypted."""


class VerifyUnavailable(MinutesError):
    """The leak check cannot read a file it was asked to prove clean (pdftotext is missing or
    failed), so the file cannot be released as checked."""


class LeakDetected(MinutesError):
    """The finished release still holds withheld text (or an unscheduled redaction); nothing was written."""

    def __init__(self, hits: list):
        super().__init__("leak check failed, nothing was written:\n" + "\n".join(f"  {hit.describe()}" for hit in hits))
        self.hits = hits


class DerivableFigure(MinutesError):
    """A release would withhold a figure that the figures it discloses give away."""

    def __init__(self, found: list[str]):
        self.found = found
        super().__init__(
            f"{len(found)} withheld figure(s) can be worked out from disclosed ones; withhold more (for example "
            "the totals too) or give --allow-derivable to release with a warning kept in the audit log:\n"
            + "\n".join(f"  {entry}" for entry in found))


class DraftRelease(MinutesError):
    """A strict release of a record whose status is still draft."""


class ReleaseMismatch(MinutesError):
    """A release is checked against a record, policy or decisions file other than those it was made from."""


class TemplateLimitExceeded(TemplateError):
    """A template went past one of the limits on rendering (time, output size, the size of a value
    it builds), and was stopped; raised from inside Jinja's sandbox, where the template's name is
    not known, so `rendering.docx.render_docx` names it in the message it raises from this."""


class NotAWordDocument(MinutesError):
    """A file given as a Word document is another kind of file (a Word 97-2003 .doc, a
    password-protected or macro-enabled document, an OpenDocument text): the message says how to
    save it as a .docx."""


class TermsInvalid(RecordInvalid):
    """A terms file has problems; `report` lists all of them with their lines."""


class OwnerUnknown(MinutesError):
    """An owner asked for (``--owner``) is neither a key nor the name of a person or team of the
    series registry, or is a name that two of them share."""


class RequestInvalid(RecordInvalid):
    """An FOI request file has problems: its fields, an audit log it lists, or exemptions cited that
    its releases do not use (or used without the public interest test or reason the letter needs);
    `report` lists all of them with their lines."""
