"""Text shaped like a person's name, found by rule where the statistical model is unsure.

- a title and one or two name words: "Mrs Hall", "Dr Amara Kowalczyk";
- an initial and a surname: "J. Okafor";
- a run of two or three capitalised words, with particles ("Ludo van der
  Berg") and in capitals ("ACTION: KEIR BELL to ..."), none of whose words is
  an organisation's, place's, role's, programme's or agenda heading's word.

Word classes cover accented letters (Zoë, Łukasz, Llŷr) and names joined by a
hyphen or apostrophe (Lewis-Grant, O'Connell, N'Diaye).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_kit.text.forms import PARTICLES, TITLES
from minutes_kit.detection.spans import PERSON, Span

TITLE = rf"(?:{'|'.join(sorted(TITLES, key=len, reverse=True))})(?:\.|(?![\w'’-]))"
UPPER = "".join(chr(code) for code in range(0x41, 0x250) if chr(code).isupper())
LOWER = "".join(chr(code) for code in range(0x61, 0x250) if chr(code).islower())
APOSTROPHE = "['’]"
NAME_WORD = rf"(?:[{UPPER}][{LOWER}]*{APOSTROPHE})?[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*"
SHOUTED_WORD = rf"(?:[{UPPER}]+{APOSTROPHE})?[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*"
PARTICLE = rf"(?:{'|'.join(PARTICLES)})"

TITLED_CONFIDENCE = 0.9
SHAPE_CONFIDENCE = 0.6
RUN_LENGTHS = (2, 3)

TITLED_NAME = re.compile(rf"(?<![\w-]){TITLE}\s+(?:{NAME_WORD}\s+)?{NAME_WORD}(?![\w-])")
TITLE_BEFORE = re.compile(rf"{TITLE}\s+$")
TITLE_FIRST = re.compile(rf"{TITLE}\s")
INITIALLED_NAME = re.compile(rf"(?<![\w.'’-])(?:[{UPPER}]\.|[B-HJ-Z])\s+({NAME_WORD})(?![\w-])")
CAPITALISED_RUN = re.compile(
    rf"(?<![\w'’-]){NAME_WORD}(?:\s+(?:{PARTICLE}\s+)*(?:(?:of|for|upon|&)\s+)?{NAME_WORD})*(?![\w-])"
)
LONE_WORD = re.compile(rf"(?<=[{LOWER},] ){NAME_WORD}(?![\w'’-])(?!\s+{NAME_WORD})")
SHOUTED_RUN = re.compile(rf"(?<![\w'’-]){SHOUTED_WORD}(?:\s+{SHOUTED_WORD})+(?![\w-])")
NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# "at Milton Keynes", "in Bishop Auckland", "the Hull centre": a place, whatever its words.
PLACE_BEFORE = re.compile(r"(?:\b(?:at|in|near|upon|via|the)\s+)$")

# Words that make a run of capitalised words an organisation, place, role, programme or agenda
# heading rather than a person, wherever they stand in it or just after it ("the Clear Start scheme").
NOT_A_PERSON_WORDS = frozenset("""
    ltd limited plc llp inc co company group holdings board committee council trust department
    ministry office agency services service partners partnership associates consulting consultancy
    solutions logistics facilities recruitment foundation university college school hospital clinic
    centre center nhs team unit authority commission directorate executive examiner ombudsman
    programme program project scheme strategy initiative framework review fund pilot operation
    house street road lane avenue square building tower airport station quay quays wharf mount
    bridge gate st castle upon bank mail teams dock infirmary
    lead manager director officer head chair secretary analyst adviser advisor coordinator
    assistant deputy chief senior principal controller commissioner inspector assessor
    lot report contract measure number minutes meeting action actions agenda item matters arising
    business governance assurance safety health leave continuity pressures risk risks register
    finance budget performance quality workforce update updates lessons learned insight plan
    policy procurement estates communications engagement equality diversity inclusion training
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    any other date next previous welcome introductions apologies
""".split())
# Capitalised only because they open a sentence or a phrase: stripped from the front of a run.
RUN_OPENER = re.compile(r"(?:(?:The|A|An|In|On|At|By|For|From|To|With|This|That|These|It|Its|Our|Their|As)\s+)+")


def titled_names(text: str) -> Iterator[Span]:
    for match in TITLED_NAME.finditer(text):
        yield Span(match.start(), match.end(), PERSON, TITLED_CONFIDENCE)


def name_shaped(text: str) -> Iterator[Span]:
    """Initialled names and runs of name words that no word marks as something else."""
    for match in INITIALLED_NAME.finditer(text):
        if match.group(1).lower() not in NOT_A_PERSON_WORDS and in_context_of_a_person(text, match.start(), match.end()):
            yield Span(match.start(), match.end(), PERSON, SHAPE_CONFIDENCE)
    for pattern in (CAPITALISED_RUN, SHOUTED_RUN):
        for run in pattern.finditer(text):
            span = _run_as_name(text, run)
            if span is not None:
                yield span


def lone_name_words(text: str) -> Iterator[Span]:
    """Single capitalised words inside a sentence that could be a first name ("an update from
    Ingrid"): only the model can tell, so they are its to decide."""
    for word in LONE_WORD.finditer(text):
        if word.group(0).lower() not in NOT_A_PERSON_WORDS and in_context_of_a_person(text, word.start(), word.end()):
            yield Span(word.start(), word.end(), PERSON, 0)


def _run_as_name(text: str, run: re.Match[str]) -> Span | None:
    opener = RUN_OPENER.match(text, run.start(), run.end())
    start = opener.end() if opener else run.start()
    if not in_context_of_a_person(text, start, run.end()) or not reads_as_a_person(text[start:run.end()]):
        return None
    return Span(start, run.end(), PERSON, SHAPE_CONFIDENCE)


def in_context_of_a_person(text: str, start: int, end: int) -> bool:
    """Neither after a preposition of place nor before an organisation's or role's word."""
    following = NEXT_WORD.match(text, end)
    if following and following.group(1).lower() in NOT_A_PERSON_WORDS:
        return False
    return PLACE_BEFORE.search(text, 0, start) is None


def reads_as_a_person(name: str, *, alone: bool = False) -> bool:
    """Two or three name words (particles aside), a titled name, or with `alone` a single name
    word; none of them another kind of word."""
    words = [word for word in re.findall(r"[\w'’&-]+", name) if word not in PARTICLES]
    titled = TITLE_FIRST.match(name) is not None
    if not titled and not (len(words) in RUN_LENGTHS or (alone and len(words) == 1)):
        return False
    if any(not word[0].isupper() or any(c.isdigit() for c in word) for word in words):
        return False
    return not any(part.lower().strip("'’") in NOT_A_PERSON_WORDS for word in words for part in word.split("-"))
