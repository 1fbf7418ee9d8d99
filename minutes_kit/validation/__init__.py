"""Validation: every problem in a record, collected before anything is reported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from minutes_kit.errors import InputUnreadable, RecordInvalid, RecordSyntaxError
from minutes_kit.record.model import MeetingRecord
from minutes_kit.record.source import load_source
from minutes_kit.validation.checks import check_record
from minutes_kit.validation.problems import Problem, Report, Severity
from minutes_kit.validation.registry_names import RegistryNames
from minutes_kit.validation.schema_errors import report_validation_error

__all__ = ["Checked", "Problem", "Report", "Severity", "load_record", "validate_document", "validate_file"]

Model = TypeVar("Model", bound=BaseModel)


@dataclass
class Checked:
    """A record file after validation: the record when it could be built, and every problem."""

    report: Report
    record: MeetingRecord | None


def validate_file(path: Path) -> Checked:
    """Read and check one record file; never raises for problems in the file itself."""
    report, record = validate_document(Path(path), MeetingRecord)
    if record is not None:
        check_record(record, report)
    return Checked(report, record)


def validate_document(path: Path, model: type[Model]) -> tuple[Report, Model | None]:
    """Parse a YAML file into `model`: the instance when its structure is right, and the problems found."""
    report = Report(path)
    try:
        data, document = load_source(path)
    except OSError as exc:
        raise InputUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
    except RecordSyntaxError as exc:
        report.add(Problem(Severity.ERROR, exc.position, "(file)", exc.message))
        return report, None
    report.document = document
    for duplicate_path, _ in document.duplicate_keys:
        report.error(duplicate_path, f"'{duplicate_path[-1]}' is given twice; only one value is allowed")
    try:
        instance = model.model_validate(data)
    except ValidationError as exc:
        report_validation_error(exc, report, model, RegistryNames.from_data(data))
        return report, None
    return report, instance


def load_record(path: Path, strict: bool = False) -> MeetingRecord:
    """The record in `path`, or `RecordInvalid` listing every problem (warnings too when `strict`)."""
    checked = validate_file(path)
    if checked.record is None or checked.report.failed(strict):
        raise RecordInvalid(checked.report)
    return checked.record
