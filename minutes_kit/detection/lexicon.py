"""The word lists and the structure of minutes that tell a person's name from other words, kept as
data in the package (minutes_kit/data/detection/) rather than in code, so that they can be read,
reviewed and extended on their own."""

from __future__ import annotations

import importlib.resources
from functools import cache

import yaml

DATA = importlib.resources.files("minutes_kit") / "data" / "detection"


def _words(name: str) -> frozenset[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return frozenset(word.lower() for line in text.splitlines() for word in line.split("#", 1)[0].split())


@cache
def not_a_person_words() -> frozenset[str]:
    """Words that make a phrase something other than a person wherever they stand in it."""
    return _words("not_a_person_words.txt") | role_words()


@cache
def role_words() -> frozenset[str]:
    """Words of roles and job titles, which a name may run straight into."""
    return _words("role_words.txt")


@cache
def non_person_endings() -> frozenset[str]:
    """Words that make a phrase a place or an organisation when they end it ("Cedar Ward")."""
    return _words("non_person_endings.txt")


@cache
def non_person_openers() -> frozenset[str]:
    """Words that make a phrase something other than a person when they open it ("His Majesty")."""
    return _words("non_person_openers.txt")


@cache
def structure() -> dict[str, tuple[str, ...]]:
    """The labels of minutes' structure (attendance headings, contact labels, titles before names,
    plural titles, salutations to nobody), longest first so that a regular expression tries them so."""
    data = yaml.safe_load((DATA / "structure.yaml").read_text(encoding="utf-8"))
    return {key: tuple(sorted((str(value) for value in values), key=len, reverse=True)) for key, values in data.items()}
