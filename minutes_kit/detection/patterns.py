"""Personal data with a fixed shape: email addresses, UK telephone, National Insurance and NHS
numbers, UK postcodes.

Each category is a regular expression that finds candidates and a validator that
rejects what only looks like one: an NHS number whose check digit is wrong, a
National Insurance prefix never issued, a telephone number with too many digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from minutes_kit.detection.spans import Span

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# A candidate runs from +44, (0 or 0 through digit groups; the validator trims groups that
# belong to the next number ("0113 496 0123 2 times").
PHONE = re.compile(r"(?<![\w+])(?:\+44 ?(?:\(0\) ?)?|\(0|0)\d+\)?(?:[ -]\d+){0,4}(?!\w)")
NATIONAL_LENGTHS = (9, 10)
NATIONAL_STARTS = "12378"

NI_NUMBER = re.compile(
    r"(?<![\w])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?!\w)"
)
NI_NEVER_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})

NHS_NUMBER = re.compile(r"(?<![\w-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-])")

POSTCODE = re.compile(r"(?<![\w])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}(?!\w)")


@dataclass(frozen=True)
class Category:
    name: str
    pattern: re.Pattern[str]
    confidence: float
    valid: Callable[[re.Match[str]], tuple[int, int] | None]
    """The span a candidate really covers, or None when it is not one."""


def _whole(match: re.Match[str]) -> tuple[int, int] | None:
    return match.span()


def _email(match: re.Match[str]) -> tuple[int, int] | None:
    return match.start(), match.end() - (1 if match.group(0).endswith(".") else 0)


def _phone(match: re.Match[str]) -> tuple[int, int] | None:
    text = match.group(0)
    cuts = [len(text)] + [group.start() for group in reversed(list(re.finditer(r"[ -](?=\d)", text)))]
    for end in cuts:
        if _national_digits(text[:end]) is not None:
            return match.start(), match.start() + end
    return None


def _national_digits(candidate: str) -> str | None:
    """The number without its 0 or +44, when it is a plausible UK number (10 or 11 digits with the 0)."""
    national = re.sub(r"^\+44 ?(\(0\) ?)?|^\(?0", "", candidate)
    digits = re.sub(r"\D", "", national)
    if len(digits) in NATIONAL_LENGTHS and digits[0] in NATIONAL_STARTS:
        return digits
    return None


def _ni_number(match: re.Match[str]) -> tuple[int, int] | None:
    return None if match.group(1) in NI_NEVER_ISSUED else match.span()


def nhs_check_digit_valid(number: str) -> bool:
    """The NHS number's modulus 11 check: weights 10 down to 2 on the first nine digits."""
    digits = [int(character) for character in number if character.isdigit()]
    if len(digits) != 10:
        return False
    remainder = sum(digit * weight for digit, weight in zip(digits, range(10, 1, -1))) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def _nhs_number(match: re.Match[str]) -> tuple[int, int] | None:
    return match.span() if nhs_check_digit_valid(match.group(0)) else None


# Where candidates overlap the longer wins ("+44 (0)113 496 0069" is a telephone number, though
# "113 496 0069" happens to pass the NHS checksum), then the earlier category.
CATEGORIES = (
    Category("EMAIL", EMAIL, 0.99, _email),
    Category("NHS_NUMBER", NHS_NUMBER, 0.95, _nhs_number),
    Category("NI_NUMBER", NI_NUMBER, 0.95, _ni_number),
    Category("PHONE", PHONE, 0.85, _phone),
    Category("POSTCODE", POSTCODE, 0.9, _whole),
)


def find_patterns(text: str) -> list[Span]:
    """Every candidate that passes its validator, longest first."""
    found = []
    for category in CATEGORIES:
        for match in category.pattern.finditer(text):
            span = category.valid(match)
            if span is not None:
                found.append(Span(span[0], span[1], category.name, category.confidence))
    return sorted(found, key=lambda span: span.start - span.end)
