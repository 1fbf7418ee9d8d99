"""The JSON Schemas of the files people write, generated from the models that read them.

`SCHEMAS` names each one; `make schema` writes every one into ``schemas/NAME.schema.json``, and a
test checks that the checked-in copies are current. A new kind of file gets its schema by an entry
in `SCHEMAS`.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

# Above every layer, beside the CLI: the files people write are read by models of several layers.
from minutes_kit.detection.decisions import DecisionsFile
from minutes_kit.foi.request import FoiRequest
from minutes_kit.record.model import MeetingRecord
from minutes_kit.record.series import SeriesFile

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "meeting": (MeetingRecord, "minutes-kit meeting record"),
    "series": (SeriesFile, "minutes-kit series file (series.yaml)"),
    "decisions": (DecisionsFile, "minutes-kit decisions file (RECORD.decisions.yaml)"),
    "foi-request": (FoiRequest, "minutes-kit FOI request file (the response letter's)"),
}
"""Each schema's name, with the model that reads the file and the schema's title."""


def schema_file_name(name: str) -> str:
    return f"{name}.schema.json"


def schema_of(name: str) -> dict:
    """The JSON Schema called `name` (a key of `SCHEMAS`)."""
    model, title = SCHEMAS[name]
    schema = model.model_json_schema()
    schema["title"] = title
    schema["$schema"] = JSON_SCHEMA_DIALECT
    return schema


def schema_text(name: str) -> str:
    """The schema as it is checked in to schemas/NAME.schema.json."""
    return json.dumps(schema_of(name), indent=2, sort_keys=True) + "\n"
