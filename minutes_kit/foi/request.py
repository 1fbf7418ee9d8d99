"""The request file of an FOI response: who asked, what, when, and what the response releases.

```yaml
reference: FOI2026/01234
received: 2026-12-18
requester: {name: A Requester, address: [1 High Street, Leeds, LS1 1AA]}
request: |
  Please send me the minutes of ... held in 2026.
releases: [../out/2026-09-15.release.audit.json]
contact: {team: FOI Team, email: foi@example.gov.uk}
public_interest:
  S43:
    for: [Transparency about how public money is spent on the contract.]
    against: [Disclosure would harm the supplier's position in the retender.]
```

It is read like a meeting record (`validation.validate_document`: safe YAML, every problem with its
file, line and field), then checked against the audit logs of its releases: the exemptions the
letter cites are exactly those the releases used (`check_citations`), each qualified one with its
public interest test.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from minutes_kit.errors import InputUnreadable, ReleaseMismatch, RequestInvalid, UnknownExemption
from minutes_kit.record.base import Email, StrictModel, Text
from minutes_kit.record.exemptions import Exemption, load_catalogue
from minutes_kit.record.source import FieldPath
from minutes_kit.validation import Report, validate_document

AUDIT_SUFFIX = ".audit.json"


def _known_code(written: str) -> str:
    load_catalogue().lookup(written)  # UnknownExemption is a ValueError: reported at the code's line
    return written


ExemptionCode = Annotated[
    str, AfterValidator(_known_code),
    Field(description="An exemption code as the releases mark it (S43, S40(2), R12(5)(e)); s.43 or section 43 too."),
]


def _audit_log(path: str) -> str:
    if not path.endswith(AUDIT_SUFFIX):
        raise ValueError(f"'{path}' is not an audit log: give the {AUDIT_SUFFIX} file written beside a release")
    return path


class Requester(StrictModel):
    name: Text = Field(description="The requester's name, as the letter greets them.")
    address: list[Text] = Field(default_factory=list, description="The postal address, one line per entry.")
    email: Email | None = Field(None, description="The email address the request came from.")

    @model_validator(mode="after")
    def _reachable(self) -> Requester:
        if not self.address and not self.email:
            raise ValueError("give the requester's address or email: the letter is sent to one of them")
        return self


class Contact(StrictModel):
    team: Text = Field(description="The team that answers, named at the top and at the end of the letter.")
    email: Email = Field(description="Where the requester sends queries and asks for an internal review.")
    address: list[Text] = Field(default_factory=list, description="The team's postal address, one line per entry.")


class PublicInterest(StrictModel):
    in_favour: list[Text] = Field(
        alias="for", min_length=1, description="The public interest considerations in favour of disclosure.")
    against: list[Text] = Field(
        min_length=1, description="The public interest considerations in favour of maintaining the exemption.")
    balance: Text | None = Field(
        None, description="Why the balance favours withholding (default: a sentence saying that it does).")


class FoiRequest(StrictModel):
    """An FOI (or EIR) request and what its response releases."""

    reference: Text = Field(description="The request's reference, quoted on the letter, e.g. FOI2026/01234.")
    received: dt.date = Field(description="The day the request was received, YYYY-MM-DD: the deadline counts from it.")
    sent: dt.date | None = Field(None, description="The date of the letter, YYYY-MM-DD (default: the day it is written).")
    requester: Requester
    request: Text = Field(description="The request, as the requester wrote it: the letter quotes it.")
    releases: list[Annotated[Text, AfterValidator(_audit_log)]] = Field(
        default_factory=list,
        description="The audit logs (*.audit.json) of the releases this response sends, relative to this file.")
    documents: list[Text] = Field(
        default_factory=list,
        description="The records and Word documents the response releases, relative to this file (`minutes foi-pack`).")
    contact: Contact
    public_interest: dict[ExemptionCode, PublicInterest] = Field(
        default_factory=dict,
        description="For each qualified exemption the releases use: the considerations for and against disclosure.")
    reasons: dict[ExemptionCode, Text] = Field(
        default_factory=dict,
        description="Why an exemption applies, by code (default for an absolute one: a sentence naming it).")
    commissioner: list[Text] = Field(
        default_factory=list,
        description="How the requester reaches the Information Commissioner, as your letters give it (address, "
                    "website, telephone), one line per entry; left out, the letter points to the Commissioner's "
                    "website.")


@dataclass(frozen=True)
class LoadedRequest:
    path: Path
    request: FoiRequest
    report: Report
    """The file's report: it knows where each value is written, for the problems found later."""

    def release_paths(self) -> list[Path]:
        return [self.path.parent / release for release in self.request.releases]


def load_request(path: Path) -> LoadedRequest:
    """The request in `path`, or `RequestInvalid` listing every problem with its line."""
    path = Path(path)
    report, request = validate_document(path, FoiRequest)
    if request is None or report.failed():
        raise RequestInvalid(report)
    return LoadedRequest(path, request, report)


@dataclass(frozen=True)
class AuditLog:
    """What a response letter needs of one release's audit log."""

    path: Path
    outputs: list[str]
    redactions_by_code: dict[str, int]

    @property
    def document(self) -> str:
        """The released Word document's file name."""
        return next((Path(output).name for output in self.outputs if output.lower().endswith(".docx")), self.path.name)


def read_audit_log(path: Path) -> AuditLog:
    """The audit log at `path`; `ReleaseMismatch` when it is not one that minutes-kit wrote."""
    try:
        entry = json.loads(Path(path).read_text(encoding="utf-8"))
        outputs = [str(output) for output in entry["outputs"]]
        counts = {str(code): int(count) for code, count in entry["redactions_by_code"].items()}
    except OSError as exc:
        raise InputUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReleaseMismatch(f"{path} is not an audit log of minutes-kit: {exc}") from exc
    return AuditLog(Path(path), outputs, counts)


def request_audit_logs(loaded: LoadedRequest) -> list[AuditLog]:
    """The audit logs the request file lists, each problem reported at its line (`RequestInvalid`)."""
    logs, report = [], loaded.report
    for index, path in enumerate(loaded.release_paths()):
        if not path.is_file():
            report.error(("releases", index), f"there is no audit log at {path}: release the document first")
            continue
        try:
            logs.append(read_audit_log(path))
        except (InputUnreadable, ReleaseMismatch) as exc:
            report.error(("releases", index), str(exc))
    if report.failed():
        raise RequestInvalid(report)
    return logs


@dataclass(frozen=True)
class Citation:
    """An exemption the letter cites: how many redactions of the releases use it, and what the
    request file says of it."""

    exemption: Exemption
    redactions: int
    public_interest: PublicInterest | None
    reason: str | None


def check_citations(loaded: LoadedRequest, logs: list[AuditLog], sent: dt.date) -> list[Citation]:
    """The exemptions the letter cites, exactly those the releases used (in the catalogue's order), or
    `RequestInvalid` naming each entry for a code no release used, each qualified exemption used
    without its public interest test, and a letter dated before the request was received."""
    catalogue, request, report = load_catalogue(), loaded.request, loaded.report
    if not logs:
        report.error(("releases",), "list the audit logs (*.audit.json) of the releases this response sends")
    used: Counter[str] = Counter()
    first_use: dict[str, AuditLog] = {}
    for log in logs:
        for code, count in log.redactions_by_code.items():
            try:
                exemption = catalogue.lookup(code)
                used[exemption.code] += count
                first_use.setdefault(exemption.code, log)
            except UnknownExemption as exc:
                report.error(_release_field(loaded, log), f"{log.path}: {exc}")
    if sent < request.received:
        report.error(("sent",) if request.sent else ("received",),
                     f"the letter is dated {sent.isoformat()}, before the request was received "
                     f"({request.received.isoformat()})")
    public_interest = _by_code(request.public_interest, "public_interest", report)
    reasons = _by_code(request.reasons, "reasons", report)
    for code, (written, _) in public_interest.items():
        if code not in used:
            report.error(("public_interest", written), _unused(code, "public interest considerations"))
        elif catalogue.exemptions[code].absolute:
            report.error(("public_interest", written), f"{_named(catalogue.exemptions[code])} is an absolute "
                         "exemption: no public interest test applies; give its reason under reasons")
    for code, (written, _) in reasons.items():
        if code not in used:
            report.error(("reasons", written), _unused(code, "a reason"))
    for code in used:
        exemption = catalogue.exemptions[code]
        if not exemption.absolute and code not in public_interest:
            # Reported where the release using it is listed: the file may have no public_interest yet.
            report.error(_release_field(loaded, first_use[code]), (
                f"{_named(exemption)} is a qualified exemption, used in {used[code]} redaction(s) of the "
                f"releases ({first_use[code].path.name} among them): give the public interest considerations "
                f"for and against disclosure under public_interest: {code}: {{for: [...], against: [...]}}"))
    if report.failed():
        raise RequestInvalid(report)
    return [Citation(catalogue.exemptions[code], used[code],
                     public_interest[code][1] if code in public_interest else None,
                     reasons[code][1] if code in reasons else None)
            for code in sorted(used, key=list(catalogue.exemptions).index)]


def _by_code(entries: dict, field: str, report: Report) -> dict:
    """`entries` by canonical code, each with the key as written; a code given twice (S43 and
    s.43) is reported at its second key."""
    catalogue, found = load_catalogue(), {}
    for written, value in entries.items():
        code = catalogue.lookup(written).code
        if code in found:
            report.error((field, written), f"'{written}' is {code}, already given as '{found[code][0]}'")
            continue
        found[code] = (written, value)
    return found


def _release_field(loaded: LoadedRequest, log: AuditLog) -> FieldPath:
    """Where the request file lists `log`, or the whole list when it does not (logs given by the caller)."""
    for index, path in enumerate(loaded.release_paths()):
        if path == log.path:
            return ("releases", index)
    return ("releases",)


def _unused(code: str, what: str) -> str:
    return (f"{what} for {code}, which no release of this response uses: the letter cites exactly the "
            "exemptions its releases use; remove this entry or release the document again")


def _named(exemption: Exemption) -> str:
    return f"{exemption.code} ({exemption.title})"

