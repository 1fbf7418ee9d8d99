"""Turn pydantic's validation errors into sentences a secretariat understands."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from minutes_kit.record.model import UNION_TAGS, MeetingRecord
from minutes_kit.record.source import FieldPath
from minutes_kit.validation.problems import Report


def report_validation_error(error: ValidationError, report: Report, model: type[BaseModel] = MeetingRecord) -> None:
    for detail in error.errors(include_url=False):
        path = _clean_path(detail["loc"])
        report.error(path, _message(detail, path, model))


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


def _message(detail: dict[str, Any], path: FieldPath, model: type[BaseModel]) -> str:
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
    if kind == "string_pattern_mismatch":
        if name == "email":
            return f"{_describe(value)} is not an email address"
        if name == "language":
            return (f"{_describe(value)} is not a language tag; write a BCP 47 tag such as en-GB, or cy-GB "
                    "for Welsh")
        if path and path[0] == "people" and len(path) == 2:
            return f"person key {_describe(value)} must be lower-case letters, digits or _, starting with a letter"
        return f"{_describe(value)} is not a person key (lower-case letters, digits or _, starting with a letter)"
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


def _unknown_field(name: str, path: FieldPath, root: type[BaseModel]) -> str:
    allowed = _fields_at(path[:-1], root)
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f"; allowed here: {', '.join(allowed)}"
    return f"unknown field '{name}'{hint}"


def _fields_at(path: FieldPath, root: type[BaseModel]) -> list[str]:
    """The field names the model accepts at `path`, found by walking the model classes from `root`."""
    model: type[BaseModel] | None = root
    for part in path:
        if model is None or isinstance(part, int):
            continue
        model = _model_of(model.model_fields[part].annotation) if part in model.model_fields else None
    return list(model.model_fields) if model else []


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _model_of(argument)
        if found is not None:
            return found
    return None
