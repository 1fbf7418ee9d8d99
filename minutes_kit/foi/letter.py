"""The FOI response letter, rendered from a request file and the audit logs of its releases.

The letter cites exactly the exemptions the releases used (`request.check_citations`), gives the
statutory due date (`deadline.due_date`) and says when it is late. Before anything is written it
is read back by the independent leak check (`verify.check_file`) for every string the releases
withheld (`release.release_needles`): a letter whose public interest text, request or contact
details name withheld text is refused, and nothing is written. The requester's own name, address
and email are not withheld from the requester, so strings found within them are not searched for.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutes_kit.errors import LeakDetected, OutputError
from minutes_kit.files import atomic_output, guard_output
from minutes_kit.foi.deadline import INTERNAL_REVIEW_WORKING_DAYS, due_date, working_days_after
from minutes_kit.foi.request import (
    AuditLog,
    Citation,
    FoiRequest,
    Requester,
    check_citations,
    load_request,
    read_audit_log,
    request_audit_logs,
)
from minutes_kit.record.exemptions import Exemption
from minutes_kit.record.model import DEFAULT_LANGUAGE
from minutes_kit.release import release_needles
from minutes_kit.rendering.context import day_month_year
from minutes_kit.rendering.docx import TEMPLATES_DIR, DocumentProperties, render_docx
from minutes_kit.rendering.pdf import convert_to_pdf
from minutes_kit.text.folding import fold
from minutes_kit.verify import check_file

RESPONSE_TEMPLATE = TEMPLATES_DIR / "foi_response.docx"
SUBJECT = "Response to a request for information"
LEGISLATION = {"FOIA": "the Freedom of Information Act 2000", "EIR": "the Environmental Information Regulations 2004"}
EIR_COMPLAINT = " (applied to environmental information by regulation 18 of the Environmental Information Regulations 2004)"
DEFAULT_BALANCE = ("Having weighed these considerations, we have concluded that in all the circumstances the public "
                   "interest in maintaining the exemption outweighs the public interest in disclosing the information.")


@dataclass(frozen=True)
class ResponseResult:
    outputs: list[Path]
    received: dt.date
    sent: dt.date
    due: dt.date
    citations: list[Citation]

    @property
    def late(self) -> bool:
        return self.sent > self.due


def write_response(request_path: Path, output: Path, *, pdf: bool = False, releases: list[Path] | None = None,
                   today: dt.date | None = None,
                   withheld: Mapping[Path, Mapping[str, str]] | None = None) -> ResponseResult:
    """Write the response letter to the request in `request_path` as `output` (.docx), and with
    `pdf` a PDF beside it, after checking that neither holds anything the releases withheld.

    `releases`: the audit logs of the releases the response sends, instead of the request file's
    `releases:`; `today`: the date of a letter whose request file gives no `sent:`; `withheld`: what
    each of those releases withheld, by audit log, when the caller has worked it out already."""
    request_path, output = Path(request_path), Path(output)
    if output.suffix.lower() != ".docx":
        raise OutputError(f"cannot write {output}: the letter is a Word document; give a name ending .docx")
    loaded = load_request(request_path)
    request = loaded.request
    logs = request_audit_logs(loaded) if releases is None else [read_audit_log(Path(path)) for path in releases]
    sent = request.sent or today or dt.date.today()
    citations = check_citations(loaded, logs, sent)
    due = due_date(request.received)

    paths = {"docx": output, **({"pdf": output.with_suffix(".pdf")} if pdf else {})}
    inputs = [request_path, RESPONSE_TEMPLATE, *_release_files(logs)]
    for path in paths.values():
        guard_output(path, inputs)
    needles: dict[str, str] = {}
    for log in logs:
        needles.update(withheld[log.path] if withheld is not None else release_needles(log.path))
    needles = not_the_requesters(needles, request.requester)
    context = letter_context(request, citations, logs, sent=sent, due=due)
    properties = DocumentProperties(title=f"{SUBJECT}: {request.reference}", subject=SUBJECT,
                                    language=DEFAULT_LANGUAGE)

    # Work in the system's temporary folder: a letter that fails the leak check never sits beside the output.
    with tempfile.TemporaryDirectory(prefix="minutes-foi-") as work:
        staged = {kind: Path(work) / path.name for kind, path in paths.items()}
        render_docx(RESPONSE_TEMPLATE, context, staged["docx"], inputs, properties=properties)
        if pdf:
            convert_to_pdf(staged["docx"], staged["pdf"])
        hits = [hit for path in staged.values() for hit in check_file(path, needles)]
        if hits:
            raise LeakDetected(hits)
        for kind, path in paths.items():
            with atomic_output(path, inputs) as temporary:
                shutil.copyfile(staged[kind], temporary)
    return ResponseResult(list(paths.values()), request.received, sent, due, citations)


def not_the_requesters(needles: Mapping[str, str], requester: Requester) -> dict[str, str]:
    """`needles` less those found, as whole words in folded text, within the requester's own name,
    address or email: the letter gives them back to the person they belong to."""
    own = [fold(text) for text in (requester.name, *requester.address, requester.email or "")]
    kept = {}
    for needle, code in needles.items():
        words = re.compile(rf"(?<!\w){re.escape(fold(needle).strip())}(?!\w)")
        if not any(words.search(text) for text in own):
            kept[needle] = code
    return kept


def _release_files(logs: list[AuditLog]) -> list[Path]:
    """The audit logs and the files their releases wrote (named from where the release ran, or
    beside the log): a letter must not replace any of them."""
    files = []
    for log in logs:
        files.append(log.path)
        for output in log.outputs:
            files += [Path(output), log.path.parent / Path(output).name]
    return files


def letter_context(request: FoiRequest, citations: list[Citation], logs: list[AuditLog], *,
                   sent: dt.date, due: dt.date) -> dict[str, Any]:
    """The template's variables: plain strings and lists, so the template never sees the model."""
    regimes = {citation.exemption.regime for citation in citations}
    redactions = sum(citation.redactions for citation in citations)
    contact, requester = request.contact, request.requester
    deadline = f"{day_month_year(due)}, the twentieth working day after we received it"
    timeliness = (f"A response to your request was due by {deadline}. This response is late, and we apologise "
                  "for the delay." if sent > due else f"We are answering within the time the Act allows: a "
                  f"response is due by {deadline}.")
    return {
        "sender": {"team": contact.team, "address": list(contact.address), "email": contact.email,
                   "postal": ", ".join(contact.address)},
        "requester": {"name": requester.name, "address": list(requester.address), "email": requester.email or ""},
        "reference": request.reference,
        "sent": day_month_year(sent),
        "received": day_month_year(request.received),
        "legislation": " and ".join(LEGISLATION[regime] for regime in LEGISLATION if regime in regimes)
                       or LEGISLATION["FOIA"],
        "request": [line.strip() for line in request.request.splitlines() if line.strip()],
        "released": ("We are sending it to you in one document:" if len(logs) == 1
                     else f"We are sending it to you in {len(logs)} documents:"),
        "releases": [f"{log.document}, {_redactions(sum(log.redactions_by_code.values()), 'with')}" for log in logs],
        "withheld": (f"Some of the information has been withheld ({_redactions(redactions)}): each redaction is "
                     "marked in the documents with the code of the exemption that applies, explained below."
                     if redactions else "None of the information has been withheld."),
        "timeliness": timeliness,
        "exemptions": [_exemption_context(citation) for citation in citations],
        "review_days": INTERNAL_REVIEW_WORKING_DAYS,
        "review_by": day_month_year(working_days_after(sent, INTERNAL_REVIEW_WORKING_DAYS)),
        "eir_complaint": EIR_COMPLAINT if "EIR" in regimes else "",
        "commissioner": list(request.commissioner),
    }


def provision(exemption: Exemption) -> str:
    """Where the law is: "Section 40(2)", "Regulation 12(5)(e)"."""
    return f"{'Regulation' if exemption.regime == 'EIR' else 'Section'} {exemption.code[1:]}"


def _title(exemption: Exemption) -> str:
    """The catalogue's title, without the "EIR: " its EIR titles start with (the provision says so)."""
    title = exemption.title.removeprefix("EIR: ") if exemption.regime == "EIR" else exemption.title
    return title[:1].upper() + title[1:]


def _exemption_context(citation: Citation) -> dict[str, Any]:
    exemption, interest = citation.exemption, citation.public_interest
    where = provision(exemption)
    return {
        "heading": f"{where} — {_title(exemption)}",
        "use": (f"{where} of {LEGISLATION[exemption.regime]} applies to {_redactions(citation.redactions)}, "
                f"marked {exemption.code} in the documents."),
        "absolute": exemption.absolute,
        "reason": citation.reason or (
            f"The redacted information falls within {where[0].lower()}{where[1:]} ({_title(exemption)}), "
            "so it is exempt from disclosure." if exemption.absolute else ""),
        "in_favour": list(interest.in_favour) if interest else [],
        "against": list(interest.against) if interest else [],
        "balance": (interest.balance if interest and interest.balance else DEFAULT_BALANCE),
    }


def _redactions(count: int, preposition: str = "") -> str:
    if count == 0:
        return f"{preposition} no redactions".strip()
    return f"{preposition} {count} redaction{'s' if count != 1 else ''}".strip()
