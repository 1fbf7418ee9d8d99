"""The redaction schedule (CSV) and the audit log written beside every release.

Neither ever holds removed text: the schedule says where and under which
exemption, the audit log who, when, from which record and under which policy.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import hashlib
import io
import json
import os
from collections import Counter
from pathlib import Path

from minutes_kit.release.marks import MaskLength, Style, mask_text
from minutes_kit.release.plan import Redaction

SCHEDULE_COLUMNS = ("number", "location", "page", "code", "exemption", "absolute")


def schedule_csv(redactions: list[Redaction]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SCHEDULE_COLUMNS)
    for r in redactions:
        writer.writerow([r.number, r.location, r.page or "", r.exemption.code, r.exemption.title,
                         "yes" if r.exemption.absolute else "no"])
    return buffer.getvalue()


def assign_pages(pages: list[str], redactions: list[Redaction], style: Style, mask_length: MaskLength) -> None:
    """Find each redaction's page in the PDF text: marks appear in the order they are numbered."""
    page_index, offset = 0, 0
    for redaction in redactions:
        shown = mask_text(redaction, mask_length) if style is Style.XXXX else redaction.exemption.code
        while page_index < len(pages):
            found = pages[page_index].find(shown, offset)
            if found >= 0:
                redaction.page = page_index + 1
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


def audit_json(*, record: Path, policy_name: str, policy_sha256: str, by: str, style: Style,
               mask_length: MaskLength, outputs: list[Path], redactions: list[Redaction]) -> str:
    counts = Counter(r.exemption.code for r in redactions)
    entry = {
        "released_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "released_by": by,
        "record": str(record),
        "record_sha256": hashlib.sha256(record.read_bytes()).hexdigest(),
        "policy": policy_name,
        "policy_sha256": policy_sha256,
        "style": style.value,
        "mask_length": mask_length.value,
        "outputs": [str(path) for path in outputs],
        "redactions": len(redactions),
        "redactions_by_code": dict(sorted(counts.items())),
        "leak_check": "passed",
    }
    return json.dumps(entry, indent=2) + "\n"
