"""A terms file: text to withhold from a Word document wherever it occurs.

```yaml
terms:
  - {text: "Helen Brackley", code: "S40(2)", category: PERSON}
  - {text: "£48,120", code: "S43"}
  - {pattern: '\\bREF-\\d{6}\\b', code: "S38"}     # a regular expression
```

Each term is a `text` or a `pattern` (exactly one), an exemption `code` from the catalogue and,
optionally, a `category`. A text is withheld as the ledger withholds any string: in every form the
folding equates, at word boundaries, a sum of money in all its written forms; a PERSON's name in
every form of `text.forms.person_forms` ("Mrs Brackley", "H. Brackley", "h.brackley").

A pattern is a Python regular expression run on the visible text of each paragraph (and each
paragraph's field codes) of every story, one paragraph at a time, never across paragraphs;
each match becomes a literal term, withheld like a `text`. Python's `re` has no timeout, so the
text a pattern is run on is bounded: a paragraph longer than `PATTERN_WINDOW` characters is
searched in overlapping windows of that length (a match longer than `PATTERN_OVERLAP` characters
may be missed where two windows meet; terms are names, sums and references, far shorter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from minutes_kit.files import file_sha256
from minutes_kit.errors import TermsInvalid
from minutes_kit.ooxml.package import Package
from minutes_kit.ooxml.stories import FIELD_CODE, ParagraphText, paragraphs, stories
from minutes_kit.record.base import StrictModel, Text
from minutes_kit.record.exemptions import Exemption, load_catalogue
from minutes_kit.text.folding import fold
from minutes_kit.text.forms import person_forms
from minutes_kit.validation import validate_document

PATTERN_WINDOW = 10_000
"""The most characters of text one pattern is run on at once."""
PATTERN_OVERLAP = 1_000
"""How far two windows of one long paragraph overlap."""
PERSON = "PERSON"

Category = Literal["PERSON", "EMAIL", "PHONE", "NI_NUMBER", "NHS_NUMBER", "POSTCODE", "MONEY", "OTHER"]


class Term(StrictModel):
    text: Text | None = Field(None, description="Text withheld wherever it occurs, as a whole word.")
    pattern: Text | None = Field(None, description="A regular expression run on each paragraph's text.")
    code: Text = Field(description="The exemption code, e.g. S40(2).")
    category: Category | None = Field(None, description="PERSON: withheld in every form a name is written.")

    @field_validator("code")
    @classmethod
    def _known_code(cls, code: str) -> str:
        load_catalogue().lookup(code)  # UnknownExemption is a ValueError: reported at the code's line
        return code

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern does not compile: {exc}") from exc
        return pattern

    @model_validator(mode="after")
    def _one_of(self) -> Term:
        if (self.text is None) == (self.pattern is None):
            raise ValueError("a term needs exactly one of 'text' or 'pattern'")
        return self


class TermsFile(StrictModel):
    terms: list[Term] = Field(default_factory=list)


@dataclass(frozen=True)
class LoadedTerms:
    path: Path
    sha256: str
    terms: TermsFile


def load_terms(path: Path) -> LoadedTerms:
    """The terms in `path`, or `TermsInvalid` listing every problem with its line."""
    path = Path(path)
    report, terms = validate_document(path, TermsFile)
    if terms is None or report.failed():
        raise TermsInvalid(report)
    return LoadedTerms(path, file_sha256(path), terms)


def term_needles(terms: TermsFile, texts: Iterable[str] = (), *,
                 people: Iterable[str] = ()) -> list[tuple[str, Exemption]]:
    """Each string to withhold, with its exemption: every `text` term (a person's in all forms of
    `person_forms`) and every match of every `pattern` term in `texts` (paragraphs' texts).

    `people`: names found as PERSON elsewhere (the scan's findings), whose terms are treated as
    naming a person even without `category: PERSON`."""
    catalogue = load_catalogue()
    known_people = {fold(name).strip() for name in people}
    texts = list(texts)
    needles: list[tuple[str, Exemption]] = []
    for term in terms.terms:
        exemption = catalogue.lookup(term.code)
        found = [term.text] if term.text is not None else sorted(set(pattern_matches(term.pattern, texts)))
        for text in found:
            person = term.category == PERSON or fold(text).strip() in known_people
            for form in (person_forms(text) if person else [text]):
                needles.append((form, exemption))
    return needles


def pattern_matches(pattern: str, texts: Iterable[str]) -> Iterator[str]:
    """Every non-empty match of `pattern` in each text, run on at most `PATTERN_WINDOW` characters at once."""
    expression = re.compile(pattern)
    step = PATTERN_WINDOW - PATTERN_OVERLAP
    for text in texts:
        for start in range(0, max(len(text) - PATTERN_OVERLAP, 1), step):
            for match in expression.finditer(text[start:start + PATTERN_WINDOW]):
                if match.group(0).strip():
                    yield match.group(0).strip()


def document_texts(package: Package) -> Iterator[str]:
    """The visible text, and the field codes, of every paragraph of every story of `package`."""
    for story in stories(package):
        for paragraph in paragraphs(package.xml(story.part)):
            yield ParagraphText(paragraph).text
            codes = "".join(node.text or "" for node in paragraph.iter(FIELD_CODE))
            if codes:
                yield codes
