"""Problems found in a record, each with its file, line, column and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from minutes_kit.errors import SourcePosition
from minutes_kit.record.source import FieldPath, SourceDocument


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


def describe_path(path: FieldPath) -> str:
    """``('items', 2, 'paragraphs', 0)`` -> ``items[3].paragraphs[1]``: counted from 1, like the minutes."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(record)"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    position: SourcePosition
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.position}: {self.severity.value}: {self.field}: {self.message}"


@dataclass
class Report:
    """Every problem of one file, collected before anything is reported."""

    path: Path
    document: SourceDocument | None = None
    problems: list[Problem] = field(default_factory=list)

    def error(self, path: FieldPath, message: str) -> None:
        self._add(Severity.ERROR, path, message)

    def warning(self, path: FieldPath, message: str) -> None:
        self._add(Severity.WARNING, path, message)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def _add(self, severity: Severity, path: FieldPath, message: str) -> None:
        position = self.document.position(path) if self.document else SourcePosition(self.path, 1, 1)
        self.problems.append(Problem(severity, position, describe_path(path), message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.position.line, p.position.column))

    def summary(self) -> str:
        return f"{self.path}: {_count(len(self.errors), 'error')}, {_count(len(self.warnings), 'warning')}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
