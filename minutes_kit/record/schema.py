"""The JSON Schema of a meeting record, generated from the model."""

from __future__ import annotations

import json

from minutes_kit.record.model import MeetingRecord

SCHEMA_FILE_NAME = "meeting.schema.json"


def meeting_schema_text() -> str:
    """The schema as it is checked in to schemas/meeting.schema.json."""
    return json.dumps(MeetingRecord.model_json_schema(), indent=2, sort_keys=True) + "\n"
