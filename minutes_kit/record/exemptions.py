"""The exemption catalogue in minutes_kit/data/exemptions.yaml, and codes written as people write them.

Codes are values in records (inline marks, people, withheld fields), so the
catalogue belongs to the record vocabulary; policies that apply them live in
`minutes_kit.release`.
"""

from __future__ import annotations

import difflib
import importlib.resources
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from minutes_kit.errors import UnknownExemption

# The data ships inside the package. An installed (not zipped) package is a
# directory, so its resources have real filesystem paths and a Path is enough.
DATA_DIR = Path(str(importlib.resources.files("minutes_kit") / "data"))
CATALOGUE_FILE = DATA_DIR / "exemptions.yaml"

_FOIA = re.compile(r"^(?:section|sect\.?|sec\.?|s\.?|foia)?(\d+[a-z]?)((?:\([0-9a-z]+\))*)$")
_EIR = re.compile(r"^(?:regulation|reg\.?|r\.?|eir)(?:reg\.?|regulation)?(\d+)((?:\([0-9a-z]+\))*)$")


@dataclass(frozen=True)
class Exemption:
    code: str
    title: str
    absolute: bool
    regime: str
    note: str = ""

    @property
    def schedule_title(self) -> str:
        """How the redaction schedule names it: ``S.40(2) - Personal information: ...``."""
        return f"{self.code[0]}.{self.code[1:]} - {self.title}"


@dataclass(frozen=True)
class Catalogue:
    exemptions: dict[str, Exemption]

    def lookup(self, written: str) -> Exemption:
        """The exemption `written` means (``s.40(2)``, ``section 40(2)`` and ``S40(2)`` are one)."""
        code = canonical_code(written)
        if code in self.exemptions:
            return self.exemptions[code]
        close = difflib.get_close_matches(code or written.upper(), list(self.exemptions), n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]} ({self.exemptions[close[0]].title})?" if close else ""
        raise UnknownExemption(f"'{written}' is not a known exemption code{hint}")


def canonical_code(written: str) -> str | None:
    """``section 40 (2)`` -> ``S40(2)``; ``reg. 12(5)(e)`` -> ``R12(5)(e)``; None when unreadable."""
    text = re.sub(r"\s+", "", written.strip().lower())
    for pattern, prefix in ((_EIR, "R"), (_FOIA, "S")):
        match = pattern.match(text)
        if match:
            return f"{prefix}{match.group(1).upper()}{match.group(2)}"
    return None


@cache
def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    exemptions = {}
    for regime, entries in data.items():
        for entry in entries:
            exemptions[entry["code"]] = Exemption(
                code=entry["code"], title=entry["title"], absolute=entry["absolute"],
                regime=regime.upper(), note=entry.get("note", ""),
            )
    return Catalogue(exemptions)
