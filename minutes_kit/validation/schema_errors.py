"""Turn pydantic's validation errors into sentences a secretariat understands."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from typing import Any, get_origin

from pydantic import BaseModel, ValidationError

from minutes_kit.record.model import UNION_TAGS, MeetingRecord
from minutes_kit.record.source import FieldPath
from minutes_kit.validation.problems import Report
from minutes_kit.validation.registry_names import RegistryNames, did_you_mean


def report_validation_error(error: ValidationError, report: Report, model: type[BaseModel] = MeetingRecord,
                            names: RegistryNames | None = None) -> None:
    """Each error at its path; `names`, the file's registry as written, lets a wrong key be told the one meant."""
    for detail in error.errors(include_url=False):
        path = _clean_path(detail["loc"])
        report.error(path, _comma_split(detail, path, report) or _message(detail, path, model, names or RegistryNames({})))


def _comma_split(detail: dict[str, Any], path: FieldPath, report: Report) -> str | None:
    """An unknown field that is really the end of the value before it, cut off by a comma in braces."""
    if detail["type"] != "extra_forbidden" or detail.get("input") is not None or report.document is None:
        return None
    split = report.document.comma_split(path)
    if split is None:
        return None
    field, whole = split
    fix = f": {field}: {json.dumps(whole, ensure_ascii=False)}" if len(whole) <= LONGEST_SHOWN else ""
    return (f"unknown field '{_shown(path[-1])}': a comma inside {{braces}} ends a value, so it split the value of "
            f"'{field}'; put the value in quotes{fix}")


def _clean_path(loc: tuple[Any, ...]) -> FieldPath:
    """Drop pydantic's internal markers: union tags after a paragraph index and dict-key markers."""
    cleaned: list[str | int] = []
    for part in loc:
        if part == "[key]":
            continue
        if part in UNION_TAGS and len(cleaned) >= 2 and cleaned[-2] == "paragraphs" and isinstance(cleaned[-1], int):
            continue
        cleaned.append(part)
    return tuple(cleaned)


LONGEST_SHOWN = 80
"""The most characters of a wrong value that a message repeats."""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {_shown(value)}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return f"'{_shown(value)}'"


def _shown(value: Any) -> str:
    """`value` as text; a long one (pasted by mistake, or written to flood the terminal) cut short."""
    text = str(value)
    if len(text) > LONGEST_SHOWN:
        return f"{text[:LONGEST_SHOWN]}... ({len(text):,} characters)"
    return text


def _message(detail: dict[str, Any], path: FieldPath, model: type[BaseModel], names: RegistryNames) -> str:
    kind = detail["type"]
    value = detail.get("input")
    context = detail.get("ctx") or {}
    name = next((part for part in reversed(path) if isinstance(part, str)), "value")
    if kind == "missing":
        return f"required field '{name}' is missing"
    if kind == "extra_forbidden":
        return _unknown_field(name, path, model)
    if kind == "string_type":
        hint = "; put it in quotes" if isinstance(value, (int, float, bool, dt.date)) else ""
        return f"expected text, found {_describe(value)}{hint}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(str(value)):,} characters long; at most {context.get('max_length')} are allowed"
    if kind == "string_pattern_mismatch":
        if name == "email":
            return f"{_describe(value)} is not an email address"
        if name == "language":
            return (f"{_describe(value)} is not a language tag; write a BCP 47 tag such as en-GB, or cy-GB "
                    "for Welsh")
        if path and path[0] in ("people", "teams") and len(path) == 2:
            kind_of_key = "person" if path[0] == "people" else "team"
            return f"{kind_of_key} key {_describe(value)} must be lower-case letters, digits or _, starting with a letter"
        return _not_a_key(value, path, names)
    if kind.startswith("date_"):
        return f"{_describe(value)} is not a date; write dates as YYYY-MM-DD, for example 2026-07-14"
    if kind.startswith("time_"):
        return f"{_describe(value)} is not a time; write times as HH:MM in quotes, for example \"10:30\""
    if kind.startswith("decimal_") or kind == "finite_number":
        return f"{_describe(value)} is not a number"
    if kind.startswith("int_"):
        return f"{_describe(value)} is not a whole number"
    if kind == "enum":
        return f"{_describe(value)} is not allowed for {name}; use {context.get('expected', 'a listed value')}"
    if kind == "list_type":
        return f"expected a list (one '- ' entry per line), found {_describe(value)}"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a set of fields ('name: value' lines), found {_describe(value)}"
    if kind == "value_error":
        return str(context.get("error", detail["msg"]))  # a validator's own sentence, without pydantic's prefix
    if kind == "too_short":
        minimum = context.get("min_length", 1)
        return f"must list at least {minimum} {'entry' if minimum == 1 else 'entries'}"
    return detail["msg"]


def _not_a_key(value: Any, path: FieldPath, names: RegistryNames) -> str:
    """A key where a person (or, for an owner, a person or a team) is named, with the key meant."""
    if "owners" in path:
        return (f"{_describe(value)} is not a key of a person or a team (keys are lower-case letters, digits or _, "
                f"starting with a letter){did_you_mean(str(value), names.owners)}")
    return (f"{_describe(value)} is not a person key (lower-case letters, digits or _, starting with a letter)"
            f"{did_you_mean(str(value), names.people)}")


def _unknown_field(name: str, path: FieldPath, root: type[BaseModel]) -> str:
    allowed = _fields_at(path[:-1], root)
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f"; allowed here: {', '.join(allowed)}"
    return f"unknown field '{name}'{hint}"


def _fields_at(path: FieldPath, root: type[BaseModel]) -> list[str]:
    """The field names the model accepts at `path`, found by walking the model classes from `root`."""
    model: type[BaseModel] | None = root
    keyed = False  # the part after a mapping field is one of its keys, not a field
    for part in path:
        if model is None or isinstance(part, int) or keyed:
            keyed = False
            continue
        field = model.model_fields.get(part) or next(
            (f for f in model.model_fields.values() if f.alias == part), None)
        model = _model_of(field.annotation) if field else None
        keyed = field is not None and get_origin(field.annotation) is dict
    return [field.alias or name for name, field in model.model_fields.items()] if model else []


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _model_of(argument)
        if found is not None:
            return found
    return None
