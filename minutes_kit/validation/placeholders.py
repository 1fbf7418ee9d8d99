"""The placeholder `minutes new` writes where the secretariat has still to write the discussion.

Left in a draft it is a warning (an error under ``--strict``); left in final minutes it is an error,
since final minutes are circulated as they are.
"""

from __future__ import annotations

from minutes_kit.record.model import MeetingRecord, Status
from minutes_kit.record.texts import record_texts
from minutes_kit.validation.problems import Report

PLACEHOLDER = "To be written."


def check_placeholders(record: MeetingRecord, report: Report) -> None:
    final = record.meeting.status is Status.FINAL
    for path, text in record_texts(record):
        if PLACEHOLDER not in text:
            continue
        if final:
            report.error(path, f"the placeholder '{PLACEHOLDER}' is still here and the minutes are final: "
                               "write what was discussed, or remove the paragraph")
        else:
            report.warning(path, f"the placeholder '{PLACEHOLDER}' is still here: write what was discussed "
                                 "before the minutes are circulated")
