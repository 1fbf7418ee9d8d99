"""Personal data in texts: the fixed-shape categories, the registry's people, then everyone else.

Where finders overlap the surer one wins: a fixed-shape match (an email's
local part is not a name), then a registry person, then a name found by its
title or by where it stands (`structure.py`), then the longest of what the
statistical model and name-shaped runs found. A first name or surname of a
person found in a document is a finding wherever else it stands alone in
that document ("Fraser would lead the work"). Each PERSON finding's
confidence is then calibrated by its kind of evidence (`calibration.py`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence

from minutes_kit.detection.calibration import calibrated
from minutes_kit.detection.patterns import find_patterns
from minutes_kit.detection.people import Registry
from minutes_kit.detection.shapes import NAME_WORD, PARTICLES, is_name_word
from minutes_kit.detection.spans import PERSON, Span, without_overlaps

PLACED = frozenset({"titled", "attendance", "plural-title", "salutation", "label", "job", "signature"})
"""Evidence of a name by its title or where it stands: surer than the model or a run of words."""
NOT_SOURCES = frozenset({"registry", "registry-lone", "model-alone", "same-name"})
"""Findings whose words are not looked for elsewhere: the registry decides its own people, and a
word standing alone is too weak to spread."""
SAME_NAME_CONFIDENCE = 0.7
LONE = r"(?<![\w'’.-])(?<![A-Z][a-z] )({words})(?![\w'’-])(?![ \t]+[A-Z][a-z])"


def find_personal_data(
    texts: Sequence[str], registries: Sequence[Registry], prose: Sequence[bool] | None = None,
    documents: Sequence[Hashable] | None = None,
) -> list[list[Span]]:
    """The personal data in each text; `registries[i]` holds the people known in `texts[i]`, and
    `prose[i]` is false for a heading (a title, a measure's name, a place), searched by rule only.
    `documents[i]` says which document `texts[i]` belongs to (by default all belong to one): a name
    found in a document is looked for alone in the rest of it."""
    from minutes_kit.detection.ner import find_people

    settled = [[*find_patterns(text), *registry.find(text)] for text, registry in zip(texts, registries)]
    people = find_people(texts, settled, prose if prose is not None else [True] * len(texts))
    # Names placed by title or structure first; then the longest reading wins: "Tomasz Nowak", not the model's "Nowak".
    found = [without_overlaps([*surer, *sorted(others, key=lambda span: (span.evidence not in PLACED, span.start - span.end))])
             for surer, others in zip(settled, people)]
    found = _same_names(texts, found, documents if documents is not None else [0] * len(texts))
    return [[calibrated(span) for span in spans] for spans in found]


def _same_names(texts: Sequence[str], found: list[list[Span]], documents: Sequence[Hashable]) -> list[list[Span]]:
    """Add, in each document, the first names and surnames of the people found in it where they
    stand alone."""
    names: dict[Hashable, set[str]] = {}
    for text, spans, document in zip(texts, found, documents):
        for span in spans:
            if span.category == PERSON and span.evidence not in NOT_SOURCES:
                # In capitals or with a lower-case surname in a list, a name is written as usual elsewhere.
                words = [word if re.fullmatch(NAME_WORD, word) else word.title()
                         for word in text[span.start:span.end].split() if word not in PARTICLES]
                if len(words) > 1 or span.evidence in PLACED:
                    names.setdefault(document, set()).update(
                        word for word in {words[0], words[-1]}
                        if re.fullmatch(NAME_WORD, word) and is_name_word(word, first=True, last=True))
    patterns = {document: re.compile(LONE.format(words="|".join(sorted(map(re.escape, words), key=len, reverse=True))))
                for document, words in names.items() if words}
    widened = []
    for text, spans, document in zip(texts, found, documents):
        pattern = patterns.get(document)
        more = [] if pattern is None else [
            Span(match.start(), match.end(), PERSON, SAME_NAME_CONFIDENCE, evidence="same-name")
            for match in pattern.finditer(text)]
        widened.append(without_overlaps([*spans, *more]) if more else spans)
    return widened


def registry_of(names: Sequence[str] | Mapping[str, str]) -> Registry:
    return Registry(names if isinstance(names, Mapping) else {name: name for name in names})
