"""Names found by where they stand in minutes and letters, which real documents are full of and a
statistical model reads poorly:

- attendance and apologies lists ("Present:", "IN ATTENDANCE", "Apologies: Mrs J Pike, Mr D Dunne"),
  one person a line or separated by commas and semicolons, a name running straight into a job
  title ("Mr T Hallworth Chief Executive"), in capitals, or with a lower-case surname;
- a surname list after a plural title ("Councillors Patel and Hooper", "Councillors O Collins,
  L Duncan and A McMahon");
- salutations ("Dear Joanna Pike,"), labelled lines ("Contact: Rachel Dunne Committee Officer",
  "Notes taken by ..."), a job title used as a title ("Nurse Aoife Kearney", "The Rt Hon ...");
- a signature: a name alone on its line above a job title.

The labels are data (minutes_kit/data/detection/structure.yaml); what is a name word is decided as
for any run (`shapes.py`), so "Director of Finance" or "Whitmoor Place" in a list is not a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from minutes_kit.detection.lexicon import role_words, structure
from minutes_kit.detection.shapes import (
    ANY_CASE_WORD, GAP, INITIALS, LOWER, NAME_WORD, PARTICLE, TITLE, is_name_word,
)
from minutes_kit.detection.spans import PERSON, Span

STRUCTURE_CONFIDENCE = 0.85
MOST_NAME_WORDS = 3
LOWER_SURNAME = rf"[{LOWER}][{LOWER}'’-]+"
NAME_AT = re.compile(
    rf"(?P<title>{TITLE}{GAP})?(?P<initials>{INITIALS}{GAP})?(?P<words>(?:{PARTICLE}{GAP})*{ANY_CASE_WORD}"
    rf"(?:{GAP}(?:(?:{PARTICLE}{GAP})*{ANY_CASE_WORD}|{LOWER_SURNAME}))*)"
)
WORD = re.compile(r"\S+")
# What may follow a name standing alone as an item of a list.
ITEM_END = re.compile(r"[ \t]*(?:[(,;:–—-]|\n|$)")
ITEM_SEPARATOR = re.compile(r"\n|;|,|[ \t]and[ \t]|[ \t]&[ \t]")
PLURAL_SEPARATOR = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")
POST_NOMINALS = re.compile(r"(?:[ \t]+[A-Z]{2,4}\b)*(?:[ \t]*\([^()\n]*\))?")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
COUNCILLOR = re.compile(r"(?:Councillors?|Cllrs?\.?|COUNCILLORS?|CLLRS?)[ \t]+")


def _alternatives(key: str) -> str:
    return "|".join(r"[ \t]+".join(re.escape(word) for word in label.split()) for label in structure()[key])


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "attendance": re.compile(rf"(?im)^[ \t]*(?:{_alternatives('attendance_headings')})[ \t]*(?::|$)"),
        "label": re.compile(rf"(?im)(?:^|(?<=[.;] ))[ \t]*(?:{_alternatives('contact_labels')})[ \t]*(?::|(?<=by)[ \t])[ \t]*"),
        "job": re.compile(rf"(?i)(?<![\w-])(?:the[ \t]+)?(?:{_alternatives('titles_before_names')})\.?[ \t]+(?=[A-Z])"),
        "plural": re.compile(rf"(?<![\w-])(?:{_alternatives('plural_titles')})[ \t]+", re.IGNORECASE),
        "salutation": re.compile(r"(?m)^[ \t]*(?:Dear|DEAR)[ \t]+"),
        "signature": re.compile(rf"(?m)^[ \t]*(?={ANY_CASE_WORD}{GAP}\S[^\n]*\n[ \t]*\S)"),
    }


def structured_names(text: str) -> Iterator[Span]:
    seen: set[tuple[int, int]] = set()
    for span in _structured_names(text):
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            yield span


def _structured_names(text: str) -> Iterator[Span]:
    patterns = _patterns()
    for heading in patterns["attendance"].finditer(text):
        yield from _list_items(text, heading.end())
    for plural in patterns["plural"].finditer(text):
        yield from _plural_list(text, plural.end())
    for evidence, alone in (("label", False), ("job", True), ("salutation", True)):
        for label in patterns[evidence].finditer(text):
            if evidence == "salutation" and _anonymous(text, label.end()):
                continue
            span = name_at(text, label.end(), evidence, alone=alone, lower=False)
            if span is not None:
                yield span
    for line in patterns["signature"].finditer(text):
        span = name_at(text, line.end(), "signature", alone=False, lower=False)
        if span is not None and _signed(text, span):
            yield span


def name_at(text: str, position: int, evidence: str, *, alone: bool, lower: bool, listed: bool = False) -> Span | None:
    """The name starting at `position`: a title or initials and a surname, or two or three name
    words, or with `alone` one word standing as a list item (`listed`: anywhere in a list); it ends
    where a job title begins, and is none when an organisation's or a place's word follows it."""
    match = NAME_AT.match(text, position)
    if match is None:
        return None
    words = []
    for word in WORD.finditer(match.group("words")):
        value = word.group(0)
        if value[0].islower() and not (lower and words and value not in PARTICLES_OR_JOINERS):
            break
        if not is_name_word(value, first=not words):
            if words and not _job_title_at(text, match.start("words") + word.start()):
                return None  # "Harbour Lights Hospice"
            break
        if len(words) == MOST_NAME_WORDS or (len(words) > 1 and _job_title_at(text, match.start("words") + word.start(), 2)):
            break  # "Bernard Quayle Scrutiny Officer"
        words.append(word)
        if match.group("initials") and value not in PARTICLES_OR_JOINERS:
            break  # after initials comes a surname and nothing more
    while words and words[-1].group(0) in PARTICLES_OR_JOINERS:
        words.pop()
    if not words or not is_name_word(words[-1].group(0), last=True):
        return None
    end = match.start("words") + words[-1].end()
    marked = bool(match.group("title") or match.group("initials"))
    single = len(words) == 1 and re.fullmatch(NAME_WORD, words[0].group(0)) is not None
    if not (marked or len(words) > 1 or (alone and single and (listed or ITEM_END.match(text, end)))):
        return None
    return Span(match.start(), end, PERSON, STRUCTURE_CONFIDENCE, evidence=evidence)


def _job_title_at(text: str, position: int, within: int = 3) -> bool:
    """A job title starts here: a role's word within its first words ("Committee Officer")."""
    following = text[position:].split("\n", 1)[0].split()[:within]
    return any(word.lower().strip("'’,.;:()") in role_words() for word in following)


PARTICLES_OR_JOINERS = frozenset(re.findall(r"[^|()?:]+", PARTICLE))


def _list_items(text: str, start: int) -> Iterator[Span]:
    """Each item of an attendance list from `start` to the next blank line, outside brackets."""
    blank = BLANK_LINE.search(text, start)
    end = blank.start() if blank else len(text)
    depth = 0
    position = start
    for index in range(start, end + 1):
        character = text[index] if index < end else "\n"
        depth += (character == "(") - (character == ")")
        if index == position and depth == 0:
            item = position + len(text[position:end]) - len(text[position:end].lstrip())
            councillor = COUNCILLOR.match(text, item)
            span = name_at(text, councillor.end() if councillor else item, "attendance", alone=True, lower=True)
            if span is not None:
                yield span
        separator = ITEM_SEPARATOR.match(text, index)
        if separator and depth == 0 and index >= position:
            position = separator.end()


def _plural_list(text: str, position: int) -> Iterator[Span]:
    """Surnames, or initials and surnames, after "Councillors": "Patel, Hooper and Nolan"."""
    while True:
        span = name_at(text, position, "plural-title", alone=True, lower=False, listed=True)
        if span is None:
            return
        yield span
        after = POST_NOMINALS.match(text, span.end).end()
        separator = PLURAL_SEPARATOR.match(text, after)
        if separator is None:
            return
        position = separator.end()


def _anonymous(text: str, position: int) -> bool:
    addressed = re.split(r"[,\n]", text[position:position + 40], maxsplit=1)[0].strip().lower()
    return addressed in structure()["anonymous_salutations"] or addressed.split(" ")[0] in structure()["anonymous_salutations"]


def _signed(text: str, span: Span) -> bool:
    """A name alone on its line, with a job title on the next ("Jo Pike\\nCommittee Officer")."""
    rest_of_line, _, next_line = text[span.end:].partition("\n")
    if rest_of_line.strip(" \t,"):
        return False
    following = next_line.split("\n", 1)[0]
    return any(not is_name_word(word) for word in re.findall(r"[\w'’-]+", following) if word[0].isupper())
