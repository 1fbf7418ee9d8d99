"""The names of a registry by key, and the key a writer most likely meant.

A writer who types a name where a key belongs (``owners: [Laura Thompson]``),
or mistypes a key (``owners: [ltt]``), is told the key with its name: "did you
mean lt (Laura Thompson)?". A name is recognised only when it is exactly a
person's or a team's name once folded (case, accents, apostrophes and spacing
aside); a key, when it is close to what was written.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from minutes_kit.record.model import Person, Team
from minutes_kit.text.folding import fold

CLOSE_KEY = 0.5
"""How close (difflib's ratio) a written key must be to a registry key to be suggested."""


@dataclass(frozen=True)
class RegistryNames:
    """The names of the people and of the teams of one registry, by key."""

    people: Mapping[str, str]
    teams: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, people: Mapping[str, Person], teams: Mapping[str, Team]) -> RegistryNames:
        return cls({key: person.name for key, person in people.items()},
                   {key: team.name for key, team in teams.items()})

    @classmethod
    def from_data(cls, data: Any) -> RegistryNames:
        """The names in a file's parsed YAML, before (or without) its structure being valid."""
        data = data if isinstance(data, Mapping) else {}
        return cls(_names(data.get("people")), _names(data.get("teams")))

    @property
    def owners(self) -> dict[str, str]:
        """Everyone who can own an action: the people and the teams."""
        return {**self.people, **self.teams}


def _names(registry: Any) -> dict[str, str]:
    if not isinstance(registry, Mapping):
        return {}
    return {key: entry["name"] for key, entry in registry.items()
            if isinstance(key, str) and isinstance(entry, Mapping) and isinstance(entry.get("name"), str)}


def keys_named(written: str, names: Mapping[str, str]) -> list[str]:
    """The keys of `names` whose name is `written`, compared folded."""
    folded = fold(written).strip()
    return [key for key, name in names.items() if fold(name).strip() == folded]


def describe_keys(keys: list[str], names: Mapping[str, str], conjunction: str = "or") -> str:
    """``lt (Laura Thompson) or lt2 (Laura Thompson)``."""
    return f" {conjunction} ".join(f"{key} ({names[key]})" for key in keys)


def did_you_mean(written: str, names: Mapping[str, str]) -> str:
    """``; did you mean lt (Laura Thompson)?`` when `written` is the name of a key of `names`
    (compared folded) or close to one of its keys; otherwise nothing."""
    keys = keys_named(written, names)
    if not keys:
        keys = difflib.get_close_matches(written, list(names), n=1, cutoff=CLOSE_KEY)
    return f"; did you mean {describe_keys(keys, names)}?" if keys else ""
