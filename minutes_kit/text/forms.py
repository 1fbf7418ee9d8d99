"""The forms in which a person, a sum of money or a date can be written.

One definition, used by the scan (what the registry already decides), the release plan
(what is withheld), the sweep and the independent leak check (what must not survive).
Forms are returned as written; callers compare them through `folding.fold`, which
already equates case, apostrophes, hyphens, accents and spacing.
"""

from __future__ import annotations

import datetime as dt
import re

from minutes_kit.text.folding import fold

TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Cllr", "Councillor")
"""Titles written before a surname ("Mrs Hall", "Dr. Hall")."""

PARTICLES = ("van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "della", "ter", "ten",
             "bin", "bint", "al", "el", "Ó", "Ní", "Nic", "Mac", "Ua")
"""Words that belong to the surname after them: "van der Berg", "Ní Bhriain"."""

_FOLDED_PARTICLES = frozenset(fold(particle) for particle in PARTICLES)
MIN_CHARACTERS = 3
MIN_LETTERS = 2


def searchable(text: str) -> bool:
    """Long enough to withhold wherever it occurs as a whole word without hitting page numbers and
    dates: three letters or digits, or two letters (a short name such as "Jo" must still be found)."""
    return (sum(character.isalnum() for character in text) >= MIN_CHARACTERS
            or sum(character.isalpha() for character in text) >= MIN_LETTERS)


def surname(words: list[str]) -> list[str]:
    """The last word of a name with the particles before it: ["van", "der", "Berg"]."""
    start = len(words) - 1
    while start > 1 and fold(words[start - 1]) in _FOLDED_PARTICLES:
        start -= 1
    return words[start:]


def person_forms(name: str, email: str | None = None) -> list[str]:
    """Every way the person called `name` is written in minutes and mail, as withheld: the full
    name; first name and surname (without middle names); title and surname, title and full name,
    with and without a full stop; initial and surname ("H. Brackley", "H Brackley", "Mrs H
    Brackley"); the email address, its local part and the local parts people's addresses are
    usually built from ("h.brackley", "helen.brackley", "helen_brackley", "helen-brackley",
    "hbrackley"). A first name or surname alone is not a form: it only probably means the person,
    so the scan reports it for a reviewer instead."""
    words = name.split()
    forms: list[str] = [" ".join(words)] if words else []
    if len(words) > 1:
        family = surname(words)
        given = words[: len(words) - len(family)]
        family_name = " ".join(family)
        first = given[0]
        forms.append(f"{first} {family_name}")
        initials = [word[0] for word in given]
        for titled in (family_name, " ".join(words), f"{first} {family_name}"):
            for title in TITLES:
                forms += [f"{title} {titled}", f"{title}. {titled}"]
        initialled = [f"{initials[0]}. {family_name}", f"{initials[0]} {family_name}",
                      f"{'. '.join(initials)}. {family_name}", f"{' '.join(initials)} {family_name}",
                      f"{'.'.join(initials)}. {family_name}", f"{''.join(initials)} {family_name}"]
        forms += initialled
        for title in TITLES:
            forms += [f"{title} {form}" for form in initialled] + [f"{title}. {form}" for form in initialled]
        compact = re.sub(r"[\s'’]", "", family_name)
        for given_form in (first, initials[0]):
            forms += [f"{given_form}.{compact}", f"{given_form}_{compact}", f"{given_form}-{compact}",
                      f"{given_form}{compact}"]
    if email:
        local = email.split("@", 1)[0]
        # The local part alone, so that "XXXXXXS40(2)@example.gov.uk" keeps the organisation's
        # domain; the whole address when the local part is too short to search for on its own.
        forms.append(local if searchable(local) else email)
    return _distinct_searchable(forms)


BARE_MONEY_FROM = 1000
MONEY = re.compile(r"^\s*(£)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?\s*$")


def money_forms(text: str) -> list[str]:
    """A sum of money in every way it is written ("£48,120": "£48120", "48,120", "48120",
    "£48,120.00"); an empty list when `text` is not a sum of money. Sums under £1,000 keep
    their £: "5.00" or "900" alone are times and counts as often as money."""
    match = MONEY.match(text)
    if match is None or (match.group(1) is None and "," not in match.group(2) and match.group(3) is None):
        return []  # a bare whole number is not recognisably money
    digits = match.group(2).replace(",", "")
    pence = match.group(3)
    grouped = f"{int(digits):,}"
    if pence is None or pence == "00":
        numbers = [grouped, digits, f"{grouped}.00", f"{digits}.00"]
    else:
        numbers = [f"{grouped}.{pence}", f"{digits}.{pence}"]
    pounds = ("£", "") if int(digits) >= BARE_MONEY_FROM else ("£",)
    return _distinct_searchable([f"{pound}{number}" for number in numbers for pound in pounds])


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_forms(day: dt.date) -> list[str]:
    """A date in every way people write it: "15 September 2026", "15th September 2026",
    "September 15, 2026", "15 Sep 2026", "15/09/2026", "15/9/2026", "2026-09-15", "15.09.26",
    "15-09-2026", and the "260915" of derived action references."""
    month, short = f"{day:%B}", f"{day:%b}"
    months = [month, short] + (["Sept"] if short == "Sep" else [])
    forms: list[str] = []
    for name in months:
        for number in (str(day.day), _ordinal(day.day)):
            forms += [f"{number} {name} {day.year}", f"{number} {name}", f"{number} of {name} {day.year}"]
            forms += [f"{name} {number}, {day.year}", f"{name} {number} {day.year}", f"{name} {number}"]
    for separator in ("/", ".", "-"):
        for day_part, month_part in ((f"{day:%d}", f"{day:%m}"), (str(day.day), str(day.month))):
            forms += [f"{day_part}{separator}{month_part}{separator}{day.year}",
                      f"{day_part}{separator}{month_part}{separator}{day:%y}"]
    forms += [day.isoformat(), f"{day:%Y%m%d}", f"{day:%y%m%d}", f"{day:%Y/%m/%d}"]
    return _distinct_searchable(forms)


def _distinct_searchable(forms: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for form in forms:
        key = fold(form)
        if key not in seen and searchable(form):
            seen.add(key)
            kept.append(form)
    return kept
