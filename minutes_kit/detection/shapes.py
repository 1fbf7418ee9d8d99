"""Text shaped like a person's name, found by rule where the statistical model is unsure.

- a title and one or two name words, or initials and a surname, in any case: "Mrs Hall",
  "Dr Amara Kowalczyk", "Mr D McAleese", "MRS A ODDIE", stopping before a job title;
- an initial and a surname: "J. Okafor";
- a run of two or three capitalised words on one line, with particles ("Ludo van der
  Berg") and in capitals ("ACTION: KEIR BELL to ..."), none of whose words is
  an organisation's, place's, role's, programme's or agenda heading's word (the
  lists in minutes_kit/data/detection/, read by `lexicon.py`; some count only as a
  phrase's last word, "Cedar Ward", or first, "His Majesty"), and no heading's
  joining word ("ITEMS FOR DECISION").

Word classes cover accented letters (Zoë, Łukasz, Llŷr), names joined by a
hyphen or apostrophe (Lewis-Grant, O'Connell, N'Diaye) and McAleese, MacLeod.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_kit.detection.lexicon import non_person_endings, non_person_openers, not_a_person_words, role_words
from minutes_kit.detection.spans import PERSON, Span
from minutes_kit.text.forms import PARTICLES, TITLES

# A title as typed or in capitals ("Mrs", "MRS"), with or without its full stop.
TITLE = rf"(?:{'|'.join(sorted((*TITLES, *(title.upper() for title in TITLES)), key=len, reverse=True))})(?:\.|(?![\w'’-]))"
UPPER = "".join(chr(code) for code in range(0x41, 0x250) if chr(code).isupper())
LOWER = "".join(chr(code) for code in range(0x61, 0x250) if chr(code).islower())
APOSTROPHE = "['’]"
NAME_WORD = rf"(?:[{UPPER}][{LOWER}]*{APOSTROPHE}|Ma?c)?[{UPPER}][{LOWER}]+(?:-(?:Ma?c)?[{UPPER}][{LOWER}]+)*"
SHOUTED_WORD = rf"(?:[{UPPER}]+{APOSTROPHE})?[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*"
ANY_CASE_WORD = rf"(?:{NAME_WORD}|{SHOUTED_WORD})"
PARTICLE = rf"(?:{'|'.join(PARTICLES)})"
# Names stand on one line: an attendance list's next line is the next person or their job.
GAP = r"[ \t]+"
# "D", "D.", "DK", "D. K.", "A.C." before a surname.
INITIALS = rf"(?:[{UPPER}]\.?[ \t]?){{1,3}}"

TITLED_CONFIDENCE = 0.9
SHAPE_CONFIDENCE = 0.6
RUN_LENGTHS = (2, 3)

TITLED_NAME = re.compile(
    rf"(?<![\w-]){TITLE}{GAP}(?:(?P<initials>{INITIALS}){GAP})?(?P<name>(?:{PARTICLE}{GAP})*{ANY_CASE_WORD}"
    rf"(?:{GAP}(?:{PARTICLE}{GAP})*{ANY_CASE_WORD})?)(?![\w-])"
)
TITLE_BEFORE = re.compile(rf"{TITLE}\s+$")
TITLE_FIRST = re.compile(rf"{TITLE}\s")
INITIALLED_NAME = re.compile(rf"(?<![\w.'’-])(?:[{UPPER}]\.|[B-HJ-Z])[ \t]+({NAME_WORD})(?![\w-])")
CAPITALISED_RUN = re.compile(
    rf"(?<![\w'’-]){NAME_WORD}(?:{GAP}(?:{PARTICLE}{GAP})*(?:(?:of|for|upon|&){GAP})?{NAME_WORD})*(?![\w-])"
)
LONE_WORD = re.compile(rf"(?<=[{LOWER},] ){NAME_WORD}(?![\w'’-])(?!\s+{NAME_WORD})")
SHOUTED_RUN = re.compile(rf"(?<![\w'’-]){SHOUTED_WORD}(?:{GAP}{SHOUTED_WORD})+(?![\w-])")
ROLE_IN_BRACKETS_BEFORE = re.compile(r"\([^()\n]*\b([A-Za-z]+),[ \t]*$")
NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
# "at Milton Keynes", "in Bishop Auckland", "homes on Quarry Hill", "the Hull centre": a place,
# whatever its words.
PLACE_BEFORE = re.compile(r"(?:\b(?:at|in|on|near|upon|via|the)\s+)$")
# Headings in capitals join words with these; names do not ("ITEMS FOR DECISION").
JOINING_WORDS = frozenset("of for and the to in on at by with upon from".split())

# Words that make a run of capitalised words an organisation, place, role, programme or agenda
# heading rather than a person: minutes_kit/data/detection/*.txt (see lexicon.py).
NOT_A_PERSON_WORDS = not_a_person_words()
NON_PERSON_ENDINGS = non_person_endings()
NON_PERSON_OPENERS = non_person_openers()
# Capitalised only because they open a sentence or a phrase: stripped from the front of a run.
RUN_OPENER = re.compile(r"(?:(?:The|A|An|In|On|At|By|For|From|To|With|This|That|These|It|Its|Our|Their|As)[ \t]+)+")


def titled_names(text: str) -> Iterator[Span]:
    """A title and a name ("Mrs Hall", "Mr D McAleese", "MR D PIKE"), ending before a job title that
    runs into it ("Mr T Hallworth Chief Executive"): after initials only a surname follows."""
    for match in TITLED_NAME.finditer(text):
        words = list(re.finditer(r"\S+", match.group("name")))
        if match.group("initials"):
            words = words[:1] if words[0].group(0) not in PARTICLES else words
        while words and not is_name_word(words[-1].group(0), last=True):
            words.pop()
        if words:
            end = match.start("name") + words[-1].end()
            yield Span(match.start(), end, PERSON, TITLED_CONFIDENCE, evidence="titled")


def is_name_word(word: str, *, last: bool = False, first: bool = False) -> bool:
    """Not a word of an organisation, place, role or heading, in any case."""
    parts = [part.lower().strip("'’") for part in word.split("-")]
    if any(part in NOT_A_PERSON_WORDS or part in JOINING_WORDS for part in parts):
        return False
    return not (last and word.lower() in NON_PERSON_ENDINGS) and not (first and word.lower() in NON_PERSON_OPENERS)


def name_shaped(text: str) -> Iterator[Span]:
    """Initialled names and runs of name words that no word marks as something else."""
    for match in INITIALLED_NAME.finditer(text):
        if match.group(1).lower() not in NOT_A_PERSON_WORDS and in_context_of_a_person(text, match.start(), match.end()):
            yield Span(match.start(), match.end(), PERSON, SHAPE_CONFIDENCE, evidence="initial")
    for pattern, evidence in ((CAPITALISED_RUN, "run"), (SHOUTED_RUN, "capitals")):
        for run in pattern.finditer(text):
            span = _run_as_name(text, run, evidence)
            if span is not None:
                yield span


def lone_name_words(text: str) -> Iterator[Span]:
    """Single capitalised words inside a sentence that could be a first name ("an update from
    Ingrid"): only the model can tell, so they are its to decide."""
    for word in LONE_WORD.finditer(text):
        if is_name_word(word.group(0), last=True) and in_context_of_a_person(text, word.start(), word.end()):
            yield Span(word.start(), word.end(), PERSON, 0)


def _run_as_name(text: str, run: re.Match[str], evidence: str) -> Span | None:
    opener = RUN_OPENER.match(text, run.start(), run.end())
    start = opener.end() if opener else run.start()
    if not in_context_of_a_person(text, start, run.end()) or not reads_as_a_person(text[start:run.end()]):
        return None
    return Span(start, run.end(), PERSON, SHAPE_CONFIDENCE, evidence=evidence)


def in_context_of_a_person(text: str, start: int, end: int) -> bool:
    """Neither after a preposition of place, nor before an organisation's or role's word, nor after
    a role in brackets, where a place or body stands ("(Public Governor, Lowfield)")."""
    following = NEXT_WORD.match(text, end)
    if following and following.group(1).lower() in NOT_A_PERSON_WORDS:
        return False
    role = ROLE_IN_BRACKETS_BEFORE.search(text, 0, start)
    if role and role.group(1).lower() in role_words():
        return False
    return PLACE_BEFORE.search(text, 0, start) is None


def reads_as_a_person(name: str, *, alone: bool = False) -> bool:
    """Two or three name words (particles aside), a titled name, or with `alone` a single name
    word; none of them another kind of word."""
    words = [word for word in re.findall(r"[\w'’&-]+", name) if word not in PARTICLES]
    titled = TITLE_FIRST.match(name) is not None
    if not titled and not (len(words) in RUN_LENGTHS or (alone and len(words) == 1)):
        return False
    if not words or any(not word[0].isupper() or any(c.isdigit() for c in word) for word in words):
        return False
    named = [word for word in words if TITLE_FIRST.match(word + " ") is None]
    return bool(named) and all(is_name_word(word, first=index == 0, last=index == len(named) - 1) for index, word in enumerate(named))
