"""The redaction schedule (CSV) and the audit log written beside every release.

Neither ever holds removed text: the schedule says where and under which
exemption, the audit log who, when, from which record and under which policy.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import io
import json
import os
from collections import Counter
from pathlib import Path

from minutes_kit.files import file_sha256
from minutes_kit.release.ledger import Redaction
from minutes_kit.release.marks import MarkStyle, MaskLength, mask_text
from minutes_kit.release.policy import LoadedPolicy
from minutes_kit.release.terms import LoadedTerms

SCHEDULE_COLUMNS = ("number", "reference", "location", "page", "code", "exemption", "absolute")


def schedule_csv(redactions: list[Redaction]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SCHEDULE_COLUMNS)
    writer.writerows(schedule_row(r) for r in redactions)
    return buffer.getvalue()


def schedule_row(r: Redaction) -> list[object]:
    """One redaction as the schedule lists it (`SCHEDULE_COLUMNS`): never the removed text."""
    return [r.number, r.reference, r.location, r.page or "", r.exemption.code, r.exemption.title,
            "yes" if r.exemption.absolute else "no"]


def assign_pages(pages: list[str], redactions: list[Redaction], style: MarkStyle, mask_length: MaskLength) -> None:
    """Find each redaction's page in the PDF text (marks appear in the order they are numbered) and
    name it by page and place on the page, "3.2". A redaction masked where it stood (a document
    property, a link target) is on no page."""
    page_index, offset = 0, 0
    on_page: Counter[int] = Counter()
    for redaction in redactions:
        if redaction.direct:
            continue
        shown = mask_text(redaction, mask_length) if style is MarkStyle.XXXX else redaction.exemption.code
        while page_index < len(pages):
            found = pages[page_index].find(shown, offset)
            if found >= 0:
                redaction.page = page_index + 1
                on_page[redaction.page] += 1
                redaction.reference = f"{redaction.page}.{on_page[redaction.page]}"
                offset = found + len(shown)
                break
            page_index, offset = page_index + 1, 0
        else:
            return


def released_by(given: str | None) -> str:
    if given:
        return given
    try:
        return os.environ.get("MINUTES_RELEASED_BY") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def audit_json(*, record: Path, policy: LoadedPolicy, decisions: Path | None, terms: LoadedTerms | None, by: str,
               style: MarkStyle, mask_length: MaskLength, outputs: list[Path], redactions: list[Redaction],
               dropped: list[str], derivable: list[str]) -> str:
    """Who released what, when, from which record, policy and decisions: enough for `verify-release`
    to check the file later with what the release used."""
    counts = Counter(r.exemption.code for r in redactions)
    entry = {
        "released_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "released_by": by,
        "record": str(record),
        "record_sha256": file_sha256(record),
        "policy": policy.name,
        "policy_path": str(policy.path.resolve()),
        "policy_sha256": policy.sha256,
        "decisions": str(decisions) if decisions else None,
        "decisions_sha256": file_sha256(decisions) if decisions else None,
        "terms": str(terms.path.resolve()) if terms else None,
        "terms_sha256": terms.sha256 if terms else None,
        "style": style.value,
        "mask_length": mask_length.value,
        "outputs": [str(path) for path in outputs],
        "redactions": len(redactions),
        "redactions_by_code": dict(sorted(counts.items())),
        "dropped_parts": dropped,
        "derivable_figures_allowed": derivable,
        "leak_check": "passed",
    }
    return json.dumps(entry, indent=2) + "\n"
